import { callMy } from './call';

/** A single-use code for `alipay.system.oauth.token`. `auth_base` is silent: no consent sheet. */
export async function getSilentAuthCode(): Promise<string> {
  const result = await callMy(my.getAuthCode, { scopes: 'auth_base' });
  return result.authCode;
}
