import type { PlatformFailure } from './failure';

/**
 * `my.getPhoneNumber()` after the seeker tapped `<button open-type="getAuthorize" scope="phoneNumber">` and
 * agreed. Resolves with `res.response` exactly as Alipay gives it (a signed, encrypted JSON string only the
 * backend can open); rejects with the platform failure when there is none.
 */
export function getPhoneNumber(): Promise<string> {
  return new Promise((resolve, reject) => {
    my.getPhoneNumber({
      success: (result) => {
        if (typeof result.response === 'string' && result.response !== '') resolve(result.response);
        else reject({ error: 3, errorMessage: 'getPhoneNumber answered without a response' } as PlatformFailure);
      },
      fail: (failure: PlatformFailure) => reject(failure),
    });
  });
}

/** Dials `number` with the phone's own dialer (the seeker confirms there). */
export function makePhoneCall(number: string): Promise<void> {
  return new Promise((resolve, reject) => {
    my.makePhoneCall({ number, success: () => resolve(), fail: (failure: PlatformFailure) => reject(failure) });
  });
}
