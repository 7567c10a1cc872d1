/**
 * `npm run bench:video`: how long a video interview takes to start, from the HR admitting the waiting seeker
 * (the console's 让TA进入) to the first remote video frame on each side (the slower side counts), median of
 * several calls on loopback. Both ends are real: the seeker's room page in the browser simulator (the mPaaS
 * plugin modelled as WebRTC) and the HR console, with Chromium's fake camera and microphone. Starts its own
 * mock backend (temp database) and simulator on free ports. Target: ≤ 1.5 s.
 *
 * Ends with one JSON line: {"runs":…,"first_frame_ms":…,"seeker_ms":…,"hr_ms":…}
 *   BENCH_RUNS (default 5)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { createMockServer } from '../mock/server';
import { createSimulatorServer } from '../simulator/server/server';
import { CHROMIUM, CHROMIUM_ARGS, FAKE_CAMERA_ARGS } from './lib/chromium';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MINUTE_MS = 60_000;

/**
 * Resolves with Date.now() at the first frame the remote <video> (found by `selectors`, through iframes)
 * presents after this call.
 */
function firstRemoteFrame(page: Page, selectors: string[]): Promise<number> {
  // A string, not a function: tsx would wrap inner functions in a helper the page does not have.
  return page.evaluate(`new Promise((resolve) => {
    const path = ${JSON.stringify(selectors)};
    function find() {
      let doc = document;
      let found = null;
      for (const selector of path) {
        found = doc ? doc.querySelector(selector) : null;
        doc = found ? found.contentDocument : null;
      }
      return found;
    }
    function poll() {
      const video = find();
      if (video && video.srcObject) video.requestVideoFrameCallback(() => resolve(Date.now()));
      else requestAnimationFrame(poll);
    }
    poll();
  })`) as Promise<number>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-video-'));
  const mock = await createMockServer({
    port: 0,
    dbPath: path.join(dir, 'mock.db'),
    seed: { jobs: 300, seed: 'bench-video' },
    autopilotIntervalMs: 0,
    logLevel: 'silent',
  });
  const sim = await createSimulatorServer({ port: 0, mockUrl: mock.url });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...FAKE_CAMERA_ARGS] });
  const call = async <T>(method: string, url: string, body: unknown, headers: Record<string, string>) => {
    const response = await fetch(mock.url + url, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  try {
    const jobs = mock.db.prepare("SELECT id, hr_id FROM jobs WHERE status = 'open' ORDER BY id LIMIT ?").all(RUNS) as {
      id: number;
      hr_id: number;
    }[];
    const seekerMs: number[] = [];
    const hrMs: number[] = [];
    const slower: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const job = jobs[run];
      const user = `bench-video-${run}`;
      const { accessToken } = await call<{ accessToken: string }>(
        'POST',
        '/auth/login',
        { authCode: `u_${user}.bench${Date.now()}` },
        {},
      );
      const seeker = { authorization: `Bearer ${accessToken}` };
      await call(
        'PUT',
        '/resume/basic',
        { name: '李雷', gender: 'male', birthYear: 1998, cityCode: '330100', status: 'unemployed' },
        seeker,
      );
      const { response } = await call<{ response: string }>(
        'POST',
        '/__admin/phone-payload',
        { mobile: '13912345678' },
        {},
      );
      await call('POST', '/resume/phone', { response }, seeker);
      const application = await call<{ id: string }>(
        'POST',
        '/applications',
        { jobId: String(job.id) },
        { ...seeker, 'idempotency-key': `bench-video-${run}-${Date.now()}` },
      );
      const slot = new Date(Math.ceil((Date.now() + 10 * MINUTE_MS) / MINUTE_MS) * MINUTE_MS).toISOString();
      const hr = { 'x-hr-id': String(job.hr_id) };
      await call(
        'POST',
        `/employer/applications/${application.id}/invite`,
        { kind: 'video', slots: [slot], lengthMinutes: 30, interviewer: '面试官' },
        hr,
      );
      const { items } = await call<{ items: { id: string; applicationId: string }[] }>(
        'GET',
        '/interviews',
        undefined,
        seeker,
      );
      const interviewId = items.find((item) => item.applicationId === application.id)!.id;
      await call('POST', `/interviews/${interviewId}/accept`, { slot }, seeker);

      // The seeker: the room page, device check passed, into 候场.
      const seekerContext = await browser.newContext({ viewport: { width: 860, height: 900 } });
      await seekerContext.addInitScript((key) => {
        const storage = (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } })
          .localStorage;
        storage.setItem('__sim_settings__', JSON.stringify({ authUser: key }));
      }, user);
      const seekerPage = await seekerContext.newPage();
      await seekerPage.goto(
        `${sim.url}/?launch=${encodeURIComponent(`subpackages/interviews/pages/room/index?id=${interviewId}`)}`,
      );
      const frame = seekerPage.frameLocator('iframe.sim-page-frame[data-top="true"]');
      await frame.locator('.enter-bar .ant-button', { hasText: '进入候场' }).click({ timeout: 30_000 });
      await frame.locator('.phase', { hasText: '候场中' }).waitFor({ timeout: 30_000 });

      // The HR: signed in, in the same room, the seeker waiting.
      const { token } = await call<{ token: string }>('POST', '/employer/session', { hrId: String(job.hr_id) }, {});
      const hrContext = await browser.newContext({ viewport: { width: 1360, height: 860 } });
      await hrContext.addInitScript(
        (session) => {
          const storage = (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } })
            .localStorage;
          storage.setItem('console.session', session);
        },
        JSON.stringify({
          token,
          hr: await call('GET', '/employer/me', undefined, { authorization: `Bearer ${token}` }),
        }),
      );
      const hrPage = await hrContext.newPage();
      await hrPage.goto(`${mock.url}/console/`);
      await hrPage.locator('.ant-menu-item', { hasText: '面试' }).click();
      await hrPage.locator(`.interview-item[data-interview="${interviewId}"]`).click();
      await hrPage.getByRole('button', { name: '进入面试间' }).click();
      await hrPage.locator('.call-admit').waitFor({ timeout: 30_000 });

      const seekerFrame = firstRemoteFrame(seekerPage, ['iframe.sim-page-frame[data-top="true"]', '.sim-rtc-remote']);
      const hrFrame = firstRemoteFrame(hrPage, ['.call-remote']);
      const admittedAt = Date.now();
      await hrPage.locator('.call-admit').click();
      const [seekerAt, hrAt] = await Promise.all([seekerFrame, hrFrame]);
      seekerMs.push(seekerAt - admittedAt);
      hrMs.push(hrAt - admittedAt);
      slower.push(Math.max(seekerAt, hrAt) - admittedAt);
      console.log(`call ${run + 1}: seeker ${seekerAt - admittedAt} ms, HR ${hrAt - admittedAt} ms`);
      await seekerContext.close();
      await hrContext.close();
    }
    const line = { runs: RUNS, first_frame_ms: median(slower), seeker_ms: median(seekerMs), hr_ms: median(hrMs) };
    console.log(`first remote frame after admitting (median of ${RUNS}, slower side): ${line.first_frame_ms} ms`);
    console.log(JSON.stringify(line));
  } finally {
    await browser.close().catch(() => undefined);
    await sim.close();
    await mock.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
