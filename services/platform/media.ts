import type { PlatformFailure } from './failure';

/** A local temporary file picked by the seeker. */
export interface ChosenFile {
  /** Local temporary path, for my.uploadFile. */
  path: string;
  sizeBytes: number;
  /** A name with the file's real extension ("简历图片.jpg"); the temporary path may end in `.image`. */
  fileName: string;
}

/** Error 11 is the seeker closing the picker: not a failure to report. */
export const PICKER_CANCELLED = 11;

const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png'];

function extensionOf(path: string): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(path);
  return match ? match[1].toLowerCase() : '';
}

/** The format Alipay reads from the image ("jpeg", "png", "gif"…), or '' when it cannot tell. */
function imageType(path: string): Promise<string> {
  return new Promise((resolve) => {
    my.getImageInfo({
      src: path,
      // The docs give `type` as a string ("jpeg"); the typings say number: read it as whatever came.
      success: (info) => resolve(String((info as { type?: unknown }).type ?? '').toLowerCase()),
      fail: () => resolve(''),
    });
  });
}

/**
 * One image from the album or camera. Resolves null when the seeker cancels. Phones hand out temporary
 * paths ending in `.image`, so the extension comes from the image itself; the caller checks type and size.
 */
export function chooseImage(baseName: string): Promise<ChosenFile | null> {
  return new Promise<{ path: string; size: number } | null>((resolve, reject) => {
    my.chooseImage({
      count: 1,
      sourceType: ['album', 'camera'],
      success: (result) => {
        // Typed as one object, documented (and delivered) as a list.
        const file = (result.tempFiles as unknown as Array<{ path: string; size: number }> | undefined)?.[0];
        const path = file?.path ?? result.tempFilePaths?.[0] ?? result.apFilePaths?.[0];
        resolve(path ? { path, size: file?.size ?? 0 } : null);
      },
      fail: (failure: PlatformFailure) => (failure.error === PICKER_CANCELLED ? resolve(null) : reject(failure)),
    });
  }).then(async (picked) => {
    if (!picked) return null;
    let extension = extensionOf(picked.path);
    if (IMAGE_EXTENSIONS.indexOf(extension) < 0) extension = (await imageType(picked.path)) || extension || 'image';
    return { path: picked.path, sizeBytes: picked.size, fileName: `${baseName}.${extension}` };
  });
}
