import fs from 'node:fs';
import { chromium } from 'playwright-core';
(async () => {
  const app = JSON.parse(fs.readFileSync('dist/app.json', 'utf8'));
  const routes: string[] = [...app.pages, ...(app.subPackages ?? []).flatMap((s: any) => s.pages.map((p: string) => `${s.root}/${p}`))];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  for (const route of routes) {
    const context = await browser.newContext({ viewport: { width: 860, height: 900 } });
    await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (r) => r.abort());
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text().slice(0, 300)); });
    page.on('pageerror', (e) => errors.push('pageerror ' + e.message));
    await page.goto(`http://127.0.0.1:3891/?launch=${encodeURIComponent(route + '?id=1')}`);
    await page.waitForTimeout(2500);
    const boxes = await page.frameLocator('iframe[data-top="true"]').locator('sim-error').allInnerTexts().catch(() => []);
    const simErrors = await page.evaluate(() => (window as any).__sim.errors());
    await page.locator('#sim-phone').screenshot({ path: `/tmp/simdev/page-${route.replace(/\//g, '_')}.png` });
    console.log(`== ${route}: boxes=${JSON.stringify(boxes)} errors=${JSON.stringify(simErrors).slice(0, 600)} console=${JSON.stringify(errors).slice(0, 600)}`);
    await context.close();
  }
  await browser.close();
})();
