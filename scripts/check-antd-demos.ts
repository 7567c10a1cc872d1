/**
 * antd-mini's own demo pages as a test of the runtime model: builds them (scripts/lib/antd-demos.ts, then our
 * build) at the release that node_modules/antd-mini is, opens each in the simulator, and lists the pages
 * that show an error or use something the simulator lacks. Ends with one JSON line of figures.
 *
 *   ANTD_MINI_REPO=/path/to/ant-design-mini npm run check:antd-demos [-- --strict] [-- Button SwipeAction]
 *
 * ANTD_MINI_REPO is a clone (or bare git directory) of ant-design/ant-design-mini with the release tag. The
 * demos are not vendored here: without a clone the check says so and exits 0. `--strict` exits 1 when a page
 * shows an error; page names after it keep only the pages whose route contains one of them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { buildMiniProgram } from './build/mini-program';
import { nodeModules, projectRoot } from './build/paths';
import { stageDemos } from './lib/antd-demos';
import { CHROMIUM, CHROMIUM_ARGS } from './lib/chromium';
import { createSimulatorServer } from '../simulator/server/server';

const WORK_DIR = path.join(projectRoot, '.data', 'antd-demos');
/** After the page is on screen, how long its timers and first updates get to show an error. */
const SETTLE_MS = 800;

interface SimWindow {
  __sim: { route(): string | null; errors(): string[]; unsupported(): string[] };
}

function gitDirOf(repo: string): string | null {
  if (fs.existsSync(path.join(repo, '.git'))) return path.join(repo, '.git');
  if (fs.existsSync(path.join(repo, 'HEAD')) && fs.existsSync(path.join(repo, 'objects'))) return repo;
  return null;
}

function skip(reason: string): void {
  console.log(`check:antd-demos skipped: ${reason}`);
  console.log(JSON.stringify({ skipped: true, reason }));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const strict = args.includes('--strict');
  const only = args.filter((arg) => !arg.startsWith('--'));
  const version = (
    JSON.parse(fs.readFileSync(path.join(nodeModules, 'antd-mini', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const repo = process.env.ANTD_MINI_REPO;
  if (!repo) return skip('ANTD_MINI_REPO is not set (a clone of ant-design/ant-design-mini)');
  const gitDir = gitDirOf(repo);
  if (!gitDir) return skip(`${repo} is not a git repository`);
  const tag = [version, `v${version}`].find((candidate) => {
    try {
      execFileSync('git', ['--git-dir', gitDir, 'rev-parse', '--verify', '--quiet', `${candidate}^{commit}`]);
      return true;
    } catch {
      return false;
    }
  });
  if (!tag) return skip(`${repo} has no tag ${version} (the antd-mini version in node_modules)`);
  if (!fs.existsSync(CHROMIUM)) return skip(`${CHROMIUM} is missing: run bash scripts/ensure-chromium.sh`);

  const appDir = path.join(WORK_DIR, 'app');
  const distDir = path.join(WORK_DIR, 'dist');
  const staged = await stageDemos(gitDir, tag, appDir, nodeModules);
  const built = await buildMiniProgram(distDir, appDir);
  console.error(`antd-mini ${tag}: ${staged.pages.length} demo pages, built in ${built.ms} ms`);

  // The demos need no backend: requests go nowhere and fail like a phone without network.
  const sim = await createSimulatorServer({ port: 0, distDir, mockUrl: 'http://127.0.0.1:9' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const pages = staged.pages.filter((route) => only.length === 0 || only.some((name) => route.includes(name)));
  const failing: Array<{ route: string; problems: string[] }> = [];
  try {
    const context = await browser.newContext({ viewport: { width: 860, height: 900 } });
    // No internet: remote images fail at once (the simulator shows its placeholder).
    await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
    const page = await context.newPage();
    let pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
    for (const route of pages) {
      pageErrors = [];
      const problems: string[] = [];
      try {
        await page.goto(`${sim.url}/?launch=${encodeURIComponent(route)}&watch=0`);
        await page.waitForFunction(
          (expected) => (globalThis as unknown as SimWindow).__sim?.route() === expected,
          route,
          { timeout: 15_000 },
        );
        await page.waitForTimeout(SETTLE_MS);
        const seen = await page.evaluate(() => {
          const sim = (globalThis as unknown as SimWindow).__sim;
          return { errors: sim.errors(), unsupported: sim.unsupported() };
        });
        // Red boxes where the page's view hit something the simulator cannot render.
        const boxes: string[] = [];
        for (const frame of page.frames())
          boxes.push(
            ...(await frame
              .$$eval('sim-error', (elements) => elements.map((element) => element.textContent ?? ''))
              .catch(() => [] as string[])),
          );
        problems.push(
          ...seen.errors,
          ...seen.unsupported.map((what) => `unsupported: ${what}`),
          ...boxes.map((text) => `red box: ${text}`),
          ...pageErrors,
        );
      } catch (error) {
        problems.push(`did not open: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
      if (problems.length) {
        failing.push({ route, problems });
        console.log(`✗ ${route}`);
        for (const problem of [...new Set(problems)].slice(0, 5))
          console.log(`    ${problem.split('\n')[0].slice(0, 220)}`);
      } else console.log(`✓ ${route}`);
    }
    await context.close();
  } finally {
    await browser.close();
    await sim.close();
  }
  const clean = pages.length - failing.length;
  console.log(`${clean} of ${pages.length} antd-mini ${tag} demo pages ran clean in the simulator`);
  console.log(JSON.stringify({ antd_mini: tag, pages: pages.length, clean, with_errors: failing.length }));
  if (strict && failing.length) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
