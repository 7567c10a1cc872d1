/**
 * `npm run bench:start`: cold start of the built app in the browser simulator, from app launch (navigation
 * start of a fresh browser context: no cache, no storage, so a fresh silent sign-in) to the first job list
 * painted, median of several runs, with the setData calls and bytes the view received on the way.
 * Starts its own mock backend (temp database) and simulator on free ports. Target: ≤ 1 s locally.
 *
 * Ends with one JSON line: {"runs":…,"cold_start_ms":…,"setdata_calls":…,"setdata_bytes":…}
 *   BENCH_RUNS (default 5), BENCH_JOBS (jobs seeded, default 2000)
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startEphemeralMock } from './lib/ephemeral-mock';
import { createSimulatorServer } from '../simulator/server/server';
import { CHROMIUM, CHROMIUM_ARGS } from './lib/chromium';

/** What counts as "the job list painted": a job card in the first page's document. */
const LIST_SELECTOR = process.env.BENCH_SELECTOR ?? '.job-card';

/** The simulator page as the benchmark sees it (this file is type-checked for Node, not the DOM). */
interface BenchWindow {
  __bench: { paintedAt: number; stats: { totals: { calls: number; bytes: number } } | null };
  __simHooks: {
    afterCommit(
      route: string,
      doc: { querySelector(selector: string): unknown } | null,
      stats: BenchWindow['__bench']['stats'],
    ): void;
  };
  requestAnimationFrame(callback: () => void): number;
}

interface Run {
  coldStartMs: number;
  calls: number;
  bytes: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function main(): Promise<void> {
  const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run bash scripts/ensure-chromium.sh`);
  if (!fs.existsSync(path.resolve(__dirname, '../dist/app.json')))
    throw new Error('dist/ is missing: run npm run build');
  const mock = await startEphemeralMock({ seed: { jobs: Number(process.env.BENCH_JOBS ?? 2000), seed: 'bench' } });
  const sim = await createSimulatorServer({ port: 0, mockUrl: mock.url });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const results: Run[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 860, height: 900 } });
      await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
      await context.addInitScript((selector: string) => {
        const page = globalThis as unknown as BenchWindow;
        const bench: BenchWindow['__bench'] = { paintedAt: 0, stats: null };
        page.__bench = bench;
        page.__simHooks = {
          afterCommit(_route, doc, stats) {
            if (bench.stats || !doc || !doc.querySelector(selector)) return;
            bench.stats = stats;
            // painted: the frame after the commit that put the list in the DOM
            page.requestAnimationFrame(() => {
              bench.paintedAt = performance.now();
            });
          },
        };
      }, LIST_SELECTOR);
      const page = await context.newPage();
      await page.goto(sim.url);
      await page.waitForFunction(() => (globalThis as unknown as BenchWindow).__bench.paintedAt > 0, undefined, {
        timeout: 30_000,
      });
      const run = await page.evaluate(() => {
        const bench = (globalThis as unknown as BenchWindow).__bench;
        const totals = bench.stats?.totals ?? { calls: 0, bytes: 0 };
        return { coldStartMs: bench.paintedAt, calls: totals.calls, bytes: totals.bytes };
      });
      results.push(run);
      console.error(
        `run ${i + 1}/${runs}: ${run.coldStartMs.toFixed(0)} ms to the first job list, ${run.calls} setData calls, ${run.bytes} bytes`,
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await sim.close();
    await mock.stop();
  }
  const line = {
    runs,
    cold_start_ms: Math.round(median(results.map((run) => run.coldStartMs))),
    setdata_calls: median(results.map((run) => run.calls)),
    setdata_bytes: median(results.map((run) => run.bytes)),
  };
  console.log(JSON.stringify(line));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
