import { watchNetwork } from './services/platform/socket';
import { realtime } from './services/realtime';
import { chatStore } from './stores/chat';
import { resumeStore } from './stores/resume';
import { sessionStore } from './stores/session';

async function startSession(): Promise<void> {
  await sessionStore.signIn();
  if (!sessionStore.signedIn) return;
  // Chat and live application updates: typed-offline messages go out as soon as this connects.
  chatStore.start();
  // The resume's expectations rank the 推荐 feed (the search store reacts); the first page does not wait.
  await resumeStore.load();
}

App({
  onLaunch() {
    // Silent auth_base sign-in: no consent sheet on the first screen; jobs load without waiting for it.
    void startSession();
    watchNetwork((online) => realtime.setOffline(!online));
  },
  onShow() {
    // Sockets do not survive the background: reconnect, and the connection catches up on what was missed.
    realtime.setHidden(false);
    if (sessionStore.status === 'failed') void startSession();
  },
  onHide() {
    realtime.setHidden(true);
  },
});
