/**
 * What a journey needs: the mock backend (fresh temp database, small seed) and the simulator, both on free
 * ports, and Debian's Chromium driven by playwright-core. `SimApp` wraps the page with the moves a user
 * makes (tap, tab, back) and takes a screenshot of the phone after every step.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type FrameLocator,
  type Locator,
  type Page,
} from 'playwright-core';
import type { MockServer, MockServerOptions } from '../../../mock/server';
import type { JobRow } from '../../../mock/seed/job-factory';
import { prepareJobInsert } from '../../../mock/seed/seed-database';
import { createSimulatorServer, type SimulatorServer } from '../../../simulator/server/server';
import { ARTIFACTS_DIR, type Shot } from './artifacts';

import { CHROMIUM, CHROMIUM_ARGS } from '../../../scripts/lib/chromium';
import { setMockFaults, startEphemeralMock, type EphemeralMock } from '../../../scripts/lib/ephemeral-mock';

export { CHROMIUM, CHROMIUM_ARGS };

/** Headless Chromium's fake camera and microphone, granted without a prompt (recorded interviews). */
export { FAKE_CAMERA_ARGS } from '../../../scripts/lib/chromium';

export interface Stack {
  mock: EphemeralMock;
  sim: SimulatorServer;
  browser: Browser;
  stop(): Promise<void>;
}

export async function startStack(
  options: { mock?: MockServerOptions; distDir?: string; chromiumArgs?: string[] } = {},
): Promise<Stack> {
  const mock = await startEphemeralMock({ seed: { jobs: 150, seed: 'e2e' }, ...options.mock });
  const sim = await createSimulatorServer({ port: 0, mockUrl: mock.url, distDir: options.distDir });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, ...(options.chromiumArgs ?? [])],
  });
  return {
    mock,
    sim,
    browser,
    async stop() {
      await browser.close().catch(() => undefined);
      await sim.close();
      await mock.stop();
    },
  };
}

export function setFaults(mock: MockServer, faults: Record<string, number>): Promise<void> {
  return setMockFaults(mock.url, faults);
}

/** Browser globals used inside page.evaluate callbacks (this file is type-checked for Node). */
export interface BrowserGlobals {
  localStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  requestAnimationFrame(callback: (time: number) => void): number;
  getComputedStyle(element: unknown): { width: string; height: string };
  scrollTo(x: number, y: number): void;
}

interface SimWindow {
  __sim: {
    route(): string | null;
    stack(): string[];
    errors(): string[];
    unsupported(): string[];
    stats(): { totals: { calls: number; bytes: number; transfers: number } };
    pullDownRefresh(): boolean;
  };
}

/** The simulator in one browser context, with a journey's screenshots. */
export class SimApp {
  readonly consoleErrors: string[] = [];
  private readonly shots: Shot[] = [];
  private readonly dir: string;

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly journey: string,
  ) {
    this.dir = path.join(ARTIFACTS_DIR, journey);
    fs.mkdirSync(this.dir, { recursive: true });
  }

  /** Opens the simulator; `launch` is a page route with query (`subpackages/job/pages/detail/index?id=1`). */
  static async open(
    stack: Stack,
    journey: string,
    options: { launch?: string; authUser?: string } = {},
  ): Promise<SimApp> {
    const context = await stack.browser.newContext({ viewport: { width: 860, height: 900 }, deviceScaleFactor: 1 });
    // No internet here: remote images (antd-mini's defaults) fail at once and show the simulator's placeholder.
    await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
    if (options.authUser)
      await context.addInitScript((user) => {
        const storage = (globalThis as unknown as BrowserGlobals).localStorage;
        const key = '__sim_settings__';
        const current = JSON.parse(storage.getItem(key) ?? '{}') as Record<string, unknown>;
        storage.setItem(key, JSON.stringify({ ...current, authUser: user }));
      }, options.authUser);
    const page = await context.newPage();
    const app = new SimApp(context, page, journey);
    page.on('console', (message) => {
      if (message.type() === 'error') app.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => app.consoleErrors.push(`pageerror: ${error.message}`));
    const query = options.launch ? `?launch=${encodeURIComponent(options.launch)}` : '';
    await page.goto(`${stack.sim.url}/${query}`);
    return app;
  }

  /** The top page's document. */
  frame(): FrameLocator {
    return this.page.frameLocator('iframe.sim-page-frame[data-top="true"]');
  }

  route(): Promise<string | null> {
    return this.page.evaluate(() => (globalThis as unknown as SimWindow).__sim.route());
  }

  /** The page stack, bottom first. */
  pageStack(): Promise<string[]> {
    return this.page.evaluate(() => (globalThis as unknown as SimWindow).__sim.stack());
  }

  async waitForRoute(route: string, timeout = 15_000): Promise<void> {
    await this.page.waitForFunction(
      (expected) => (globalThis as unknown as SimWindow).__sim?.route() === expected,
      route,
      { timeout },
    );
  }

  /** Polls `check` until it is true (or throws naming `what` after `timeout`). */
  async waitUntil(check: () => Promise<boolean>, what: string, timeout = 15_000): Promise<void> {
    const deadline = Date.now() + timeout;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await this.page.waitForTimeout(100);
    }
  }

  /** Waits until the element's CSS animations have finished (a popup that has slid in). */
  async animationsDone(locator: Locator): Promise<void> {
    await locator.waitFor();
    await this.waitUntil(
      () =>
        locator.evaluate((el) =>
          (el as unknown as { getAnimations(): Array<{ playState: string }> })
            .getAnimations()
            .every((animation) => animation.playState === 'finished'),
        ),
      'animations to finish',
    );
  }

  simulatorErrors(): Promise<string[]> {
    return this.page.evaluate(() => (globalThis as unknown as SimWindow).__sim.errors());
  }

  unsupported(): Promise<string[]> {
    return this.page.evaluate(() => (globalThis as unknown as SimWindow).__sim.unsupported());
  }

  stats(): Promise<{ totals: { calls: number; bytes: number; transfers: number } }> {
    return this.page.evaluate(() => (globalThis as unknown as SimWindow).__sim.stats());
  }

  async tab(name: string): Promise<void> {
    await this.page.locator('.sim-tab', { hasText: name }).click();
  }

  async back(): Promise<void> {
    await this.page.locator('.sim-nav-back').click();
  }

  /** The panel's offline switch, as QA flips it. */
  async setOffline(offline: boolean): Promise<void> {
    const box = this.page.locator('#sim-offline');
    if ((await box.isChecked()) !== offline) await box.click();
  }

  /** The panel's 切到后台 then 回到前台: the app's and the top page's onHide/onShow, as when the user returns. */
  async backgroundAndReturn(): Promise<void> {
    await this.page.locator('.sim-panel button', { hasText: '切到后台' }).click();
    await this.page.locator('.sim-panel button', { hasText: '回到前台' }).click();
  }

  async pullDownRefresh(): Promise<void> {
    await this.page.locator('.sim-panel button', { hasText: '下拉刷新' }).click();
  }

  /** Text the user sees on the top page (never empty: a white page fails here). */
  async visibleText(): Promise<string> {
    return (await this.frame().locator('page').innerText()).trim();
  }

  async expectNotBlank(): Promise<void> {
    const text = await this.visibleText();
    if (text.length === 0) throw new Error(`${await this.route()} is a white page`);
  }

  /** Screenshot of the phone after a step; failures are screenshotted too (outlined red in the index). */
  async shot(step: string, ok = true): Promise<void> {
    const index = String(this.shots.length + 1).padStart(2, '0');
    const slug = step
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40);
    const file = `${index}-${slug || 'step'}.png`;
    await this.page.evaluate(() => {
      const raf = (globalThis as unknown as BrowserGlobals).requestAnimationFrame;
      return new Promise((resolve) => raf(() => raf(resolve)));
    });
    await this.page.locator('#sim-phone').screenshot({ path: path.join(this.dir, file), animations: 'disabled' });
    this.shots.push({ step, route: await this.route().catch(() => null), file, ok });
    fs.writeFileSync(path.join(this.dir, 'manifest.json'), JSON.stringify(this.shots, null, 2));
  }

  /** The first step that failed: later steps of the journey build on it, so they do not run. */
  private failedStep: string | null = null;

  /** Runs one step of a journey and screenshots the phone whether it passed or not. */
  async step(name: string, run: () => Promise<void>): Promise<void> {
    if (this.failedStep) throw new Error(`not run: the earlier step "${this.failedStep}" failed`);
    try {
      await run();
    } catch (error) {
      this.failedStep = name;
      await this.shot(`${name}（失败）`, false).catch(() => undefined);
      throw error;
    }
    await this.shot(name);
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

/** Signs a user in against the mock directly (as the app would) to read what the app should show. */
export async function mockProfile(mock: MockServer, user: string): Promise<{ nickname: string; userId: string }> {
  const login = await fetch(`${mock.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ authCode: `u_${user}.probe${Date.now().toString(36)}` }),
  });
  if (!login.ok) throw new Error(`login as ${user} failed: HTTP ${login.status}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const me = await fetch(`${mock.url}/me`, { headers: { authorization: `Bearer ${accessToken}` } });
  return (await me.json()) as { nickname: string; userId: string };
}

export interface PublishedJob {
  id: string;
  title: string;
  salaryMin: number;
  salaryMax: number;
}

/**
 * Publishes jobs like `titleLike` (copies of seeded ones) in one city, at the given monthly salaries, each
 * with its company's most responsive HR: a small seed has no 前端 job in 杭州, and the journey needs some,
 * in more than one salary band, from an HR the autopilot answers for (`replyRate`).
 */
export function publishJobsIn(
  mock: MockServer,
  options: {
    titleLike: string;
    cityCode: string;
    district: string;
    salaries: Array<[number, number]>;
    /** Set on those HRs: 1 answers every application (the autopilot views it within a simulated day). */
    replyRate?: number;
  },
): PublishedJob[] {
  const db = mock.db;
  const city = db.prepare('SELECT name FROM cities WHERE code = ?').get(options.cityCode) as
    { name: string } | undefined;
  if (!city) throw new Error(`no city ${options.cityCode} in the mock`);
  const templates = db
    .prepare(
      `SELECT j.*, c.name AS city_name FROM jobs j JOIN cities c ON c.code = j.city_code
       WHERE j.title LIKE ? AND j.job_type = 'full_time' ORDER BY j.id`,
    )
    .all(`%${options.titleLike}%`) as Array<JobRow & { id: number; city_name: string }>;
  if (templates.length === 0) throw new Error(`no seeded job like ${options.titleLike}`);
  const bestHr = db.prepare('SELECT id FROM hrs WHERE company_id = ? ORDER BY reply_rate DESC, id LIMIT 1');
  const insert = prepareJobInsert(db);
  const now = mock.context.clock.now();
  return options.salaries.map(([salaryMin, salaryMax], i) => {
    const source = templates[i % templates.length];
    const from = source.city_name;
    const template: JobRow = { ...source };
    delete (template as Partial<typeof source>).id;
    delete (template as Partial<typeof source>).city_name;
    const hr = bestHr.get(template.company_id) as { id: number };
    if (options.replyRate !== undefined)
      db.prepare('UPDATE hrs SET reply_rate = ?, last_active_at = ? WHERE id = ?').run(options.replyRate, now, hr.id);
    const row: JobRow = {
      ...template,
      hr_id: hr.id,
      city_code: options.cityCode,
      district: options.district,
      address: `${options.district}文三路${101 + i}号`,
      lat: null,
      lng: null,
      salary_min: salaryMin,
      salary_max: salaryMax,
      salary_unit: 'month',
      description: template.description.split(from).join(city.name).split(template.district).join(options.district),
      published_at: now - i * 60_000,
    };
    return { id: String(insert(row)), title: row.title, salaryMin, salaryMax };
  });
}
