/**
 * The HR console (console/dist, served by the mock at /console) in a page of the journey's browser, with the
 * moves an HR makes and a screenshot of the whole window after every step (in artifacts/e2e/<journey>/, so
 * the index shows them beside the simulator's).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS_DIR, type Shot } from './artifacts';
import type { Stack } from './stack';

export class ConsoleApp {
  readonly consoleErrors: string[] = [];
  private readonly shots: Shot[] = [];
  private readonly dir: string;

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    journey: string,
  ) {
    this.dir = path.join(ARTIFACTS_DIR, journey);
    fs.mkdirSync(this.dir, { recursive: true });
  }

  static async open(stack: Stack, journey: string): Promise<ConsoleApp> {
    const context = await stack.browser.newContext({ viewport: { width: 1360, height: 860 }, deviceScaleFactor: 1 });
    await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
    const page = await context.newPage();
    const app = new ConsoleApp(context, page, journey);
    page.on('console', (message) => {
      // Chromium logs every 4xx answer; the console shows those to the HR (a refused decision is a 409).
      const refusedRequest = /^Failed to load resource: the server responded with a status of 4\d\d/;
      if (message.type() === 'error' && !refusedRequest.test(message.text())) app.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => app.consoleErrors.push(`pageerror: ${error.message}`));
    await page.goto(`${stack.mock.url}/console/`);
    return app;
  }

  /** Signs in as an HR, found by typing `search` (a company or HR name) and picking the option with `pick`. */
  async signIn(search: string, pick: string): Promise<void> {
    await this.page.locator('.hr-select').click();
    await this.page.locator('.hr-select input').fill(search);
    await this.page.locator('.ant-select-item-option', { hasText: pick }).first().click();
    await this.page.locator('.sign-in-card button[type="submit"]').click();
    await this.page.locator('.console-header').waitFor();
  }

  async navigate(menu: '投递管理' | '消息' | '面试' | '职位管理'): Promise<void> {
    await this.page.locator('.ant-menu-item', { hasText: menu }).click();
  }

  /** Screenshot of the window after a step; failures are screenshotted too (outlined red in the index). */
  async shot(step: string, ok = true): Promise<void> {
    const index = String(this.shots.length + 1).padStart(2, '0');
    const slug = step
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40);
    const file = `${index}-${slug || 'step'}.png`;
    await this.page.screenshot({ path: path.join(this.dir, file), animations: 'disabled' });
    this.shots.push({ step, route: new URL(this.page.url()).pathname, file, ok });
    fs.writeFileSync(path.join(this.dir, 'manifest.json'), JSON.stringify(this.shots, null, 2));
  }

  async step(name: string, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      await this.shot(`${name}（失败）`, false).catch(() => undefined);
      throw error;
    }
    await this.shot(name);
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
