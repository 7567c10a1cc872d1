/**
 * Recorded-interview upload benchmark: starts the mock in a child process (so its memory is measured apart
 * from this script), prepares an interview through the real API, uploads one 50 MB answer video over
 * loopback as `my.uploadFile` would (multipart), and samples the mock's resident memory while it streams.
 * Prints throughput and the mock's peak RSS growth; ends with one JSON line. Target: growth < 20 MB.
 *
 * Usage: npm run bench:upload [-- --mb 50]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TokenPair } from '../services/contracts/auth';
import type { JobDetail, JobSummary } from '../services/contracts/jobs';
import type { CursorPage } from '../services/contracts/page';
import type { EmployerRecordedInterview, RecordedTake } from '../services/contracts/recorded-interviews';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const MEGABYTES = option('mb', 50);
const BYTES = MEGABYTES * 1024 * 1024;
const ROOT = path.join(__dirname, '..');

/** Resident memory of a process in bytes, from /proc (Linux). */
function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

/** The mock as `npm run mock` starts it (its Node flags included), as this process's direct child. */
function mockCommand(): string[] {
  const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [program, ...args] = packageJson.scripts.mock.split(/\s+/);
  if (program !== 'node') throw new Error(`npm run mock is expected to start node: ${packageJson.scripts.mock}`);
  return args;
}

async function startMock(dir: string) {
  const child = spawn(
    process.execPath,
    [...mockCommand(), '--port', '0', '--db', path.join(dir, 'mock.db'), '--jobs', '300'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`mock exited with ${code}: ${output}`)));
  });
  // Keep draining its request log.
  child.stdout.resume();
  return { child, url };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-upload-'));
  const { child, url } = await startMock(dir);
  const pid = child.pid as number;
  try {
    const call = async <T>(method: string, urlPath: string, body?: unknown, headers: Record<string, string> = {}) => {
      const response = await fetch(url + urlPath, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = (await response.json()) as T;
      if (!response.ok) throw new Error(`${method} ${urlPath}: ${response.status} ${JSON.stringify(json)}`);
      return json;
    };
    const tokens = await call<TokenPair>('POST', '/auth/login', { authCode: `u_bench.${Date.now()}` });
    const seeker = { authorization: `Bearer ${tokens.accessToken}` };
    await call(
      'PUT',
      '/resume/basic',
      { name: '压测', gender: 'male', birthYear: 1995, cityCode: '330100', status: 'employed' },
      seeker,
    );
    const payload = await call<{ response: string }>('POST', '/__admin/phone-payload', { mobile: '13800002222' });
    await call('POST', '/resume/phone', payload, seeker);
    const [job] = (await call<CursorPage<JobSummary>>('GET', '/jobs?limit=1')).items;
    const hr = { 'x-hr-id': (await call<JobDetail>('GET', `/jobs/${job.id}`)).hr.id };
    const application = await call<{ id: string }>(
      'POST',
      '/applications',
      { jobId: job.id },
      {
        ...seeker,
        'idempotency-key': `bench-${Date.now()}`,
      },
    );
    await call(
      'PUT',
      `/employer/jobs/${job.id}/recorded-interview`,
      {
        questions: [
          { text: '热身：说一句话', thinkingSeconds: 0, answerSeconds: 15 },
          { text: '请介绍一下你自己', thinkingSeconds: 10, answerSeconds: 180 },
        ],
        retakes: 0,
      },
      hr,
    );
    const interview = await call<EmployerRecordedInterview>(
      'POST',
      `/employer/applications/${application.id}/recorded-interview`,
      { deadlineDays: 3 },
      hr,
    );
    const upload = async (questionId: string, blob: Blob, durationMs: number) => {
      const takesPath = `/recorded-interviews/${interview.id}/questions/${questionId}/takes`;
      const { take } = await call<RecordedTake>('POST', takesPath, undefined, seeker);
      const form = new FormData();
      form.append('durationMs', String(durationMs));
      form.append('file', blob, 'answer.webm');
      const response = await fetch(`${url}${takesPath}/${take}/video`, { method: 'POST', headers: seeker, body: form });
      const answer = await response.json();
      if (response.status !== 200) throw new Error(`upload: ${response.status} ${JSON.stringify(answer)}`);
      return answer as { questions: { answer: { sizeBytes: number } | null }[] };
    };
    const webmHeader = Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0, 0, 0]);
    // A small answer first, so the baseline includes the upload path's code and first allocations.
    await upload(interview.questions[0].id, new Blob([webmHeader, Buffer.alloc(256 * 1024, 7)]), 5000);

    // A WebM header, then filler: the file is read from disk as the upload streams.
    const videoPath = path.join(dir, 'answer.webm');
    const file = fs.openSync(videoPath, 'w');
    fs.writeSync(file, webmHeader);
    const chunk = Buffer.alloc(1024 * 1024, 7);
    for (let written = 12; written < BYTES; written += chunk.length) {
      fs.writeSync(file, chunk, 0, Math.min(chunk.length, BYTES - written));
    }
    fs.closeSync(file);

    // Settle, then take the baseline.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const baseline = rssOf(pid);
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssOf(pid));
    }, 5);

    const blob = await fs.openAsBlob(videoPath, { type: 'video/webm' });
    const started = process.hrtime.bigint();
    const answer = await upload(interview.questions[1].id, blob, 175000);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    peak = Math.max(peak, rssOf(pid));
    const stored = answer.questions[1].answer;
    if (stored?.sizeBytes !== BYTES) throw new Error(`stored ${stored?.sizeBytes} bytes, sent ${BYTES}`);

    const mbPerS = MEGABYTES / seconds;
    const growthMb = (peak - baseline) / 1024 / 1024;
    console.log(`uploaded ${MEGABYTES} MB in ${seconds.toFixed(2)} s: ${mbPerS.toFixed(1)} MB/s`);
    console.log(
      `mock RSS: baseline ${(baseline / 1024 / 1024).toFixed(1)} MB, peak ${(peak / 1024 / 1024).toFixed(1)} MB, ` +
        `growth ${growthMb.toFixed(1)} MB (target < 20 MB)`,
    );
    console.log(
      JSON.stringify({
        bytes: BYTES,
        mb_per_s: Number(mbPerS.toFixed(1)),
        mock_rss_growth_mb: Number(growthMb.toFixed(1)),
      }),
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
