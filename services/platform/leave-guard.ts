/**
 * Asks before the user leaves the current page with the back button or gesture (Alipay shows `message`
 * with 取消/确定). Alipay refuses it on the first page of the stack and on old clients; there is nothing
 * to protect then beyond the device draft, so failures are ignored.
 */
export function enableLeaveGuard(message: string): void {
  try {
    my.enableAlertBeforeUnload({ message, fail: () => undefined });
  } catch {
    // Older clients lack the API.
  }
}

/** Lets the user leave the current page without asking. */
export function disableLeaveGuard(): void {
  try {
    my.disableAlertBeforeUnload({ fail: () => undefined });
  } catch {
    // Older clients lack the API.
  }
}
