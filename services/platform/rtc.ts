import type { RtcPluginConfig } from '../contracts/rtc';
import type { PlatformFailure } from './failure';

/**
 * The mPaaS 实时音视频通话 plugin (app.json `plugins.rtc`, provider 2021002126663572): `requirePlugin('rtc')`
 * with its flex component `plugin://rtc/flex` on the page. `join` enters the interview's room with the config
 * the backend signed; `signalUrl` is the room's signalling socket (waiting room and admission), which the
 * plugin's own servers do not know about.
 */
export interface RtcPlugin {
  join(roomId: string, config: RtcPluginConfig & { signalUrl: string }): Promise<unknown>;
  leave(): Promise<unknown>;
  mute(muted: boolean): Promise<unknown>;
  enableCamera(enabled: boolean): Promise<unknown>;
  switchCamera(): Promise<unknown>;
}

/** The plugin, or a failure naming why not (an old client, or the plugin not granted to this mini-program). */
export function rtcPlugin(): RtcPlugin {
  try {
    const plugin = requirePlugin<RtcPlugin | undefined>('rtc');
    if (plugin && typeof plugin.join === 'function') return plugin;
  } catch {
    // fall through
  }
  throw { error: 3, errorMessage: '当前支付宝版本不支持视频面试，请升级支付宝后重试' } as PlatformFailure;
}

/** Keeps the screen on during the call (and lets it sleep again after). Failing quietly is fine. */
export function setKeepScreenOn(on: boolean): void {
  my.setKeepScreenOn({ keepScreenOn: on, fail: () => undefined });
}

/** Alipay's settings page for this mini-program, where a refused camera or microphone can be allowed. */
export function openSettings(): Promise<void> {
  return new Promise((resolve) => {
    my.openSetting({ success: () => resolve(), fail: () => resolve() });
  });
}
