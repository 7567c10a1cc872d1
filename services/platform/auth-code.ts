/** A single-use code for `alipay.system.oauth.token`. `auth_base` is silent: no consent sheet. */
export function getSilentAuthCode(): Promise<string> {
  return new Promise((resolve, reject) => {
    my.getAuthCode({ scopes: 'auth_base', success: (result) => resolve(result.authCode), fail: reject });
  });
}
