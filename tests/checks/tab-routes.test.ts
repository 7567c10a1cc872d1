/** The app's list of tab pages (switchTab targets) is app.json's tabBar, in the same order. */
import fs from 'node:fs';
import path from 'node:path';
import { TAB_ROUTES } from '../../services/platform/navigation';

it('names exactly the tabBar pages of app.json', () => {
  const appJson = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../app.json'), 'utf8')) as {
    tabBar: { items: Array<{ pagePath: string }> };
  };
  expect(TAB_ROUTES).toEqual(appJson.tabBar.items.map((item) => item.pagePath));
});
