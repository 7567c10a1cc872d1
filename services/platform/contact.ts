import type { PlatformFailure } from './failure';

/** The phone's dialer with the number filled in. */
export function makePhoneCall(number: string): Promise<void> {
  return new Promise((resolve, reject) => {
    my.makePhoneCall({ number, success: () => resolve(), fail: (failure: PlatformFailure) => reject(failure) });
  });
}
