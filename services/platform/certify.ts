/**
 * Alipay's face verification for alipay.user.certify.open.*: the server initialized it and made the URL
 * (certify); the app opens it with `my.call('startBizService', { name: 'open-certify' })`. The result
 * here is only the client's word: the server asks Alipay (query) before trusting it.
 */
export type CertifyOutcome = 'done' | 'cancelled' | 'network' | 'failed';

const OUTCOMES: Record<string, CertifyOutcome> = { '9000': 'done', '6001': 'cancelled', '6002': 'network' };

export function startCertify(certifyId: string, url: string): Promise<CertifyOutcome> {
  return new Promise((resolve) => {
    const call = (
      my as unknown as { call?: (api: string, options: unknown, callback: (result: unknown) => void) => void }
    ).call;
    if (typeof call !== 'function') {
      resolve('failed');
      return;
    }
    call.call(my, 'startBizService', { name: 'open-certify', param: JSON.stringify({ certifyId, url }) }, (result) => {
      const status = String((result as { resultStatus?: unknown } | undefined)?.resultStatus ?? '');
      resolve(OUTCOMES[status] ?? 'failed');
    });
  });
}
