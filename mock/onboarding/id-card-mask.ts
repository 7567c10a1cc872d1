import sharp, { type OverlayOptions } from 'sharp';

/**
 * The one rendition of an ID card picture the mock keeps and serves: the number band of the portrait side
 * (公民身份号码, the bottom right of a second-generation card) pixelated and covered on either slot (a seeker
 * may put the portrait side in the 国徽面 slot; on a real 国徽面 the band holds the issuing office and dates), a "仅用于XX公司入职审核"
 * watermark across the whole picture, metadata (EXIF, GPS) dropped, as a JPEG at most MAX_WIDTH wide.
 * The band is generous (the seeker's photo is rarely cropped to the card), so the HR still sees the picture
 * is clear and whole, and the name; the number is known, masked, from the real-name check.
 */
const MAX_WIDTH = 1600;
/**
 * Pixels sharp may decode (a 12-megapixel phone photo is 12 million): a tiny, highly compressible PNG could
 * otherwise claim hundreds of millions and make the mock decode gigabytes.
 */
export const MAX_INPUT_PIXELS = 40_000_000;
/** Where the number sits on the portrait side, as fractions of the picture (generous margins). */
export const NUMBER_BAND = { left: 0.26, top: 0.68, right: 0.99, bottom: 0.97 } as const;

export interface BandRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function numberBandOf(width: number, height: number): BandRect {
  const left = Math.min(width - 1, Math.floor(width * NUMBER_BAND.left));
  const top = Math.min(height - 1, Math.floor(height * NUMBER_BAND.top));
  return {
    left,
    top,
    width: Math.max(1, Math.ceil(width * NUMBER_BAND.right) - left),
    height: Math.max(1, Math.ceil(height * NUMBER_BAND.bottom) - top),
  };
}

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

const FONT = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif";

function watermarkSvg(width: number, height: number, text: string): Buffer {
  const size = Math.max(10, Math.round(width / 26));
  const tileWidth = size * (text.length + 3);
  const tileHeight = size * 4;
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
      <defs><pattern id="w" width="${tileWidth}" height="${tileHeight}" patternUnits="userSpaceOnUse"
        patternTransform="rotate(-24)">
        <text x="0" y="${size * 2}" font-size="${size}" font-family="${FONT}" fill="#ffffff" fill-opacity="0.5"
          stroke="#000000" stroke-opacity="0.3" stroke-width="${Math.max(0.5, size / 24)}">${escapeXml(text)}</text>
      </pattern></defs>
      <rect width="100%" height="100%" fill="url(#w)"/>
    </svg>`,
  );
}

function bandCoverSvg(band: BandRect): Buffer {
  const size = Math.max(8, Math.min(Math.round(band.height / 3), Math.round(band.width / 10)));
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${band.width}" height="${band.height}">
      <rect width="100%" height="100%" fill="#8c8c8c" fill-opacity="0.55"/>
      <text x="50%" y="50%" dominant-baseline="middle" text-anchor="middle" font-size="${size}"
        font-family="${FONT}" fill="#ffffff">身份证号码已遮挡</text>
    </svg>`,
  );
}

/**
 * The masked rendition (JPEG) of an ID card picture, either side; throws when the bytes are not a readable
 * image or claim more than MAX_INPUT_PIXELS.
 */
export async function maskIdCardPicture(bytes: Buffer, options: { company: string }): Promise<Buffer> {
  // Upright as the phone took it (EXIF orientation), no wider than needed for a review.
  const upright = await sharp(bytes, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS })
    .rotate()
    .resize({ width: MAX_WIDTH, withoutEnlargement: true })
    .png()
    .toBuffer({ resolveWithObject: true });
  const { width, height } = upright.info;
  const band = numberBandOf(width, height);
  // Blocks half the band high: two rows of flat colour, no digit left to read.
  const block = Math.max(4, Math.round(band.height / 2));
  const coarse = await sharp(upright.data)
    .extract(band)
    .resize(Math.max(1, Math.ceil(band.width / block)), Math.max(1, Math.ceil(band.height / block)), {
      kernel: 'nearest',
    })
    .toBuffer();
  const pixelated = await sharp(coarse)
    .resize(band.width, band.height, { kernel: 'nearest', fit: 'fill' })
    .png()
    .toBuffer();
  const layers: OverlayOptions[] = [
    { input: pixelated, left: band.left, top: band.top },
    { input: bandCoverSvg(band), left: band.left, top: band.top },
    { input: watermarkSvg(width, height, `仅用于${options.company}入职审核`), left: 0, top: 0 },
  ];
  return sharp(upright.data).composite(layers).flatten({ background: '#ffffff' }).jpeg({ quality: 85 }).toBuffer();
}
