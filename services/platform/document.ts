import type { PlatformFailure } from './failure';

/** Downloads a file (with the session header) to a local temporary path. */
export function downloadFile(url: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    my.downloadFile({
      url,
      header: headers,
      success: (result) => resolve(result.tempFilePath || result.apFilePath),
      fail: (failure: PlatformFailure) => reject(failure),
    });
  });
}

/** Opens a downloaded PDF in Alipay's document viewer. */
export function openDocument(filePath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    my.openDocument({
      filePath,
      fileType: 'pdf',
      success: () => resolve(),
      fail: (failure: PlatformFailure) => reject(failure),
    });
  });
}
