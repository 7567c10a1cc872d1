/**
 * The tabBar draws real icons: every tab names a plain and an active icon, each a PNG of the 60×60 px
 * Alipay recommends and within its 100 KB per image, and assets/tab-bar holds nothing else.
 */
import fs from 'node:fs';
import path from 'node:path';
import { IMAGE_LIMIT_BYTES } from '../../scripts/check-dist';

const ROOT = path.resolve(__dirname, '../..');
const appJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'app.json'), 'utf8')) as {
  tabBar: { items: Array<{ pagePath: string; icon?: string; activeIcon?: string }> };
};

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('tabBar icons', () => {
  const icons = appJson.tabBar.items.flatMap((item) => [item.icon, item.activeIcon]);

  it('gives every tab a plain and an active icon, different files', () => {
    for (const item of appJson.tabBar.items) {
      expect({ tab: item.pagePath, icon: typeof item.icon, activeIcon: typeof item.activeIcon }).toEqual({
        tab: item.pagePath,
        icon: 'string',
        activeIcon: 'string',
      });
      expect(item.icon).not.toBe(item.activeIcon);
    }
  });

  it('uses 60×60 PNGs within the size limit, and no asset goes unused', () => {
    for (const icon of icons) {
      const bytes = fs.readFileSync(path.join(ROOT, icon!));
      expect(bytes.length).toBeLessThanOrEqual(IMAGE_LIMIT_BYTES);
      expect({ icon, ...pngSize(bytes) }).toEqual({ icon, width: 60, height: 60 });
    }
    const onDisk = fs.readdirSync(path.join(ROOT, 'assets/tab-bar')).map((file) => `assets/tab-bar/${file}`);
    expect(onDisk.sort()).toEqual([...icons].sort());
  });
});
