/** Device storage (≤ 200 KB a key). Reads never throw: a broken or missing entry reads as undefined. */
export function readStorage<T>(key: string): T | undefined {
  try {
    const { data } = my.getStorageSync({ key }) as { data?: unknown };
    return data === null || data === undefined || data === '' ? undefined : (data as T);
  } catch {
    return undefined;
  }
}

export function writeStorage(key: string, data: unknown): boolean {
  try {
    const result = my.setStorageSync({ key, data }) as { success?: boolean } | undefined;
    return result?.success !== false;
  } catch {
    return false;
  }
}

export function removeStorage(key: string): void {
  try {
    my.removeStorageSync({ key });
  } catch {
    // Nothing stored under that key is the outcome we wanted.
  }
}

/** Device storage in use and its limit (KB), for the recorded interview's device check. */
export function storageUsage(): Promise<{ currentKb: number; limitKb: number }> {
  return new Promise((resolve, reject) => {
    my.getStorageInfo({
      success: (info) => resolve({ currentKb: info.currentSize, limitKb: info.limitSize }),
      fail: reject,
    });
  });
}
