/**
 * `npm run bench:setdata`: drives the real jobs page through the binding for 10 appended pages of 20
 * jobs, against the real mock backend, and prints what crossed to the view per page next to what
 * resending the whole list would have cost. Figures, not a pass/fail test.
 */
import { startEphemeralMock } from './lib/ephemeral-mock';
import { createRuntime } from '../runtime/harness/runtime';

const PAGES = 10;
const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

async function main(): Promise<void> {
  const server = await startEphemeralMock({ seed: { jobs: 400, seed: 'bench-setdata' } });
  const runtime = createRuntime({ globals: { __API_BASE_URL__: server.url } });
  try {
    const page = runtime.mountPage<{ jobs: unknown[] }>('pages/jobs/index');
    await page.flush();
    const rows: Array<{ page: number; calls: number; bytes: number; newItemBytes: number; fullResendBytes: number }> =
      [];
    for (let n = 1; n <= PAGES; n++) {
      const before = page.data.jobs.length;
      page.clearSetDataCalls();
      page.reachBottom();
      await page.flush();
      const newItems = page.data.jobs.slice(before);
      rows.push({
        page: n,
        calls: new Set(page.setDataCalls.map((call) => call.transfer)).size,
        bytes: page.setDataCalls.reduce((sum, call) => sum + call.bytes, 0),
        newItemBytes: bytesOf(newItems),
        fullResendBytes: bytesOf({ jobs: page.data.jobs }),
      });
    }
    console.log('page  setData  bytes sent  new items  whole list');
    for (const r of rows) {
      console.log(
        `${String(r.page).padStart(4)}  ${String(r.calls).padStart(7)}  ${String(r.bytes).padStart(10)}  ${String(r.newItemBytes).padStart(9)}  ${String(r.fullResendBytes).padStart(10)}`,
      );
    }
    const sum = (key: keyof (typeof rows)[number]) => rows.reduce((total, r) => total + r[key], 0);
    const result = {
      pages: PAGES,
      setdata_calls_per_page: Math.max(...rows.map((r) => r.calls)),
      append_bytes_ratio: Number((sum('bytes') / sum('newItemBytes')).toFixed(3)),
      full_resend_ratio: Number((sum('fullResendBytes') / sum('bytes')).toFixed(2)),
    };
    console.log(JSON.stringify(result));
  } finally {
    runtime.dispose();
    await server.stop();
  }
}

void main();
