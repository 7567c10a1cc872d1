/**
 * `npm run bench:typing`: types 50 characters at one key every 10 ms into the app's text boxes in the browser
 * simulator (the built dist/, its own mock backend), and prints the setData calls each page sent per second
 * of typing (Alipay allows 20) and whether the box, and the draft the app keeps on the device, hold every
 * character typed.
 * Figures, not a test: the machines are shared and noisy. Ends with one JSON line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SimApp, startStack, type Stack } from '../tests/e2e/support/stack';

const KEY_DELAY_MS = 10;
const EMAIL = 'zhangwei.frontend.2026@example-company-hangzhou.cn';
const TEXT = '负责小程序前端开发，React 与 TypeScript，熟悉性能优化和组件设计，三人小组完成上线。';

interface Case {
  name: string;
  launch: (stack: Stack) => string;
  box: string;
  text: string;
  /** Clears what the box starts with (the apply page's default greeting). */
  clear?: boolean;
  /** Where the app keeps what was typed: the device draft (storage key) and its field. */
  draft?: { key: string; field: string };
}

const CASES: Case[] = [
  {
    name: '基本信息·邮箱',
    launch: () => 'subpackages/resume/pages/basic/index',
    box: '.ant-form-item:has-text("邮箱") input',
    text: EMAIL,
    draft: { key: 'drafts.resume.basic', field: 'email' },
  },
  {
    name: '工作经历·工作内容',
    launch: () => 'subpackages/resume/pages/work/index',
    box: '.ant-form-item:has-text("工作内容") textarea',
    text: TEXT,
    draft: { key: 'drafts.resume.work.new', field: 'description' },
  },
  {
    name: '自我介绍',
    launch: () => 'subpackages/resume/pages/intro/index',
    box: '.ant-form-item:has-text("自我介绍") textarea',
    text: TEXT,
    draft: { key: 'drafts.resume.selfIntro', field: 'selfIntro' },
  },
  {
    name: '投递·打招呼',
    launch: (stack) => {
      const job = stack.mock.db.prepare("SELECT id FROM jobs WHERE status = 'open' ORDER BY id LIMIT 1").get() as {
        id: number;
      };
      return `subpackages/applications/pages/apply/index?jobId=${job.id}`;
    },
    box: 'textarea.greeting-input',
    text: TEXT,
    clear: true,
  },
];

interface Row {
  name: string;
  chars: number;
  typingMs: number;
  setDataCalls: number;
  callsPerSecond: number;
  kept: boolean;
}

async function topPageCalls(app: SimApp): Promise<number> {
  const route = await app.route();
  const stats = (await app.page.evaluate(() =>
    (globalThis as unknown as { __sim: { stats(): unknown } }).__sim.stats(),
  )) as { pages: Array<{ route: string; calls: number }> };
  return stats.pages.filter((page) => page.route === route).reduce((sum, page) => sum + page.calls, 0);
}

async function runCase(stack: Stack, c: Case, index: number): Promise<Row> {
  const app = await SimApp.open(stack, 'bench-typing', { authUser: `bench-typing-${index}`, launch: c.launch(stack) });
  try {
    const box = app.frame().locator(c.box).first();
    await box.waitFor({ timeout: 15_000 });
    await box.click();
    if (c.clear) {
      await box.fill('');
      await app.page.waitForTimeout(500);
    }
    await app.page.waitForTimeout(300);
    const before = await topPageCalls(app);
    const started = Date.now();
    await app.page.keyboard.type(c.text, { delay: KEY_DELAY_MS });
    const typingMs = Date.now() - started;
    // Late transfers (a counter) still count.
    await app.page.waitForTimeout(600);
    const calls = (await topPageCalls(app)) - before;
    // Kept: the box shows every character, and so does what the app saved on the device.
    let kept = (await box.inputValue()) === c.text;
    if (c.draft) {
      const stored = await app.page.evaluate(
        (key) =>
          (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem(key),
        `__sim_app__:${c.draft.key}`,
      );
      const values = stored ? (JSON.parse(stored) as { values?: Record<string, unknown> }).values : undefined;
      kept = kept && values?.[c.draft.field] === c.text;
    }
    await app.shot(c.name);
    return {
      name: c.name,
      chars: c.text.length,
      typingMs,
      setDataCalls: calls,
      callsPerSecond: Number((calls / (typingMs / 1000)).toFixed(1)),
      kept,
    };
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.resolve(__dirname, '../dist/app.json'))) throw new Error('dist/ is missing: npm run build');
  const stack = await startStack();
  try {
    const rows: Row[] = [];
    for (const [i, c] of CASES.entries()) rows.push(await runCase(stack, c, i));
    console.log(`${KEY_DELAY_MS} ms a key; Alipay allows 20 setData a second`);
    console.log('box                 chars  typing ms  setData  per second  all kept');
    for (const r of rows)
      console.log(
        `${r.name.padEnd(14, '　')}  ${String(r.chars).padStart(5)}  ${String(r.typingMs).padStart(9)}  ${String(r.setDataCalls).padStart(7)}  ${String(r.callsPerSecond).padStart(10)}  ${r.kept ? 'yes' : 'NO'}`,
      );
    console.log(
      JSON.stringify({
        key_delay_ms: KEY_DELAY_MS,
        max_setdata_per_second: Math.max(...rows.map((r) => r.callsPerSecond)),
        all_kept: rows.every((r) => r.kept),
        boxes: Object.fromEntries(rows.map((r) => [r.name, { per_second: r.callsPerSecond, kept: r.kept }])),
      }),
    );
  } finally {
    await stack.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
