import crypto from 'node:crypto';
import type { RtcPluginConfig } from '../../services/contracts/rtc';
import { mpaasRtcConfig } from '../config';

export type MpaasRtcSettings = typeof mpaasRtcConfig;

/**
 * Signs what the mPaaS RTC plugin checks, as its 安全加签 guide says: the string bizName + appId (subBiz) +
 * workspaceId + uid + expireTime, encrypted with the call application's RSA private key (PKCS#1), base64.
 */
export class RtcSigner {
  readonly publicKeyPem: string;
  private readonly privateKey: crypto.KeyObject;

  constructor(private readonly settings: MpaasRtcSettings = mpaasRtcConfig) {
    this.privateKey = settings.privateKeyPem
      ? crypto.createPrivateKey(settings.privateKeyPem)
      : crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    this.publicKeyPem = crypto.createPublicKey(this.privateKey).export({ type: 'spki', format: 'pem' }).toString();
  }

  /** `uid`: letters, digits and `_` only; `now` in real ms (the plugin's servers check real time). */
  sign(uid: string, now: number = Date.now()): RtcPluginConfig {
    if (!/^\w{1,128}$/.test(uid)) throw new Error(`RTC uid must be letters, digits or _: ${uid}`);
    const expireTime = now + this.settings.signatureTtlMs;
    const { bizName, subBiz, workspaceId } = this.settings;
    const plain = `${bizName}${subBiz}${workspaceId}${uid}${expireTime}`;
    const signature = crypto
      .privateEncrypt({ key: this.privateKey, padding: crypto.constants.RSA_PKCS1_PADDING }, Buffer.from(plain, 'utf8'))
      .toString('base64');
    return { bizName, subBiz, workspaceId, uid, expireTime, signature };
  }
}
