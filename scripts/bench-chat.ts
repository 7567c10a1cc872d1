/**
 * `npm run bench:chat`: the real mock backend and the app's own chat (stores/chat over services/realtime on
 * the jest harness's `my`, in Node). 1,000 messages each way while the connection is dropped 10 times, the
 * mock restarts once (same database file, same port) and the phone goes offline once. The seeker types into
 * the app; the HR posts through the employer API (retrying with the same client id) and listens on the
 * employer socket, catching up by sequence after each reconnect. Prints sent, delivered, lost, duplicated,
 * out of order and send→ack / send→other side latencies, ending with one JSON line. Figures, not a test.
 */
import WebSocket from 'ws';
import type { ApplicationDetail } from '../services/contracts/applications';
import type { ChatMessage, MessagePage } from '../services/contracts/conversations';
import type { EmployerSession } from '../services/contracts/employer';
import type { JobSummary } from '../services/contracts/jobs';
import type { CursorPage } from '../services/contracts/page';
import { EMPLOYER_REALTIME_PATH, type EmployerServerEvent } from '../services/contracts/realtime';
import { createRuntime } from '../runtime/harness/runtime';
import { makeReadyToApply } from '../tests/support/mock-server';
import type * as ChatModule from '../stores/chat';
import type * as OutboxModule from '../services/chat-outbox';
import type * as RealtimeModule from '../services/realtime';
import type * as SocketModule from '../services/platform/socket';
import { startEphemeralMock } from './lib/ephemeral-mock';

const MESSAGES = 1000;
const DROPS = 10;
/** One message each way every this many ms: the run lasts about MESSAGES × SEND_INTERVAL_MS. */
const SEND_INTERVAL_MS = 60;
const OFFLINE_MS = 600;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 10) / 10;
}

/**
 * The HR's side, signed in to the console (session token): HTTP sends with retries under one client id, and
 * the employer socket with catch-up.
 */
class HrSide {
  readonly received = new Map<string, number>();
  readonly arrivalOrder: string[] = [];
  private socket: WebSocket | undefined;
  private lastSeq = 0;
  private stopped = false;

  constructor(
    private readonly base: () => string,
    private readonly token: string,
    private readonly conversationId: string,
  ) {}

  connect(): void {
    if (this.stopped) return;
    const socket = new WebSocket(`${this.base().replace(/^http/, 'ws')}${EMPLOYER_REALTIME_PATH}?token=${this.token}`);
    this.socket = socket;
    socket.on('message', (data) => {
      const event = JSON.parse(data.toString()) as EmployerServerEvent;
      if (event.type === 'hello') void this.catchUp();
      if (event.type === 'message') this.take([event.message]);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (this.socket === socket) setTimeout(() => this.connect(), 100);
    });
  }

  drop(): void {
    this.socket?.terminate();
  }

  stop(): void {
    this.stopped = true;
    this.socket?.terminate();
  }

  async catchUp(): Promise<void> {
    for (;;) {
      try {
        const response = await fetch(
          `${this.base()}/employer/conversations/${this.conversationId}/messages?afterSeq=${this.lastSeq}&limit=100`,
          { headers: { authorization: `Bearer ${this.token}` } },
        );
        const page = (await response.json()) as MessagePage;
        this.take(page.items);
        if (!page.hasMore) return;
      } catch {
        return; // The next hello catches up.
      }
    }
  }

  /** Posts until the server has it; the client id makes every retry the same message. */
  async send(text: string, clientId: string): Promise<number> {
    for (;;) {
      try {
        const response = await fetch(`${this.base()}/employer/conversations/${this.conversationId}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
          body: JSON.stringify({ text, clientId }),
        });
        if (response.status === 201 || response.status === 200) return performance.now();
      } catch {
        // The server is restarting: try again.
      }
      await sleep(50);
    }
  }

  /** In sequence order only, as the app does: a gap is filled by catching up, never skipped. */
  private take(messages: ChatMessage[]): void {
    for (const message of messages) {
      if (message.seq <= this.lastSeq) continue;
      if (message.seq > this.lastSeq + 1) {
        void this.catchUp();
        return;
      }
      this.lastSeq = message.seq;
      if (message.from !== 'seeker' || this.received.has(message.text)) continue;
      this.received.set(message.text, performance.now());
      this.arrivalOrder.push(message.text);
    }
  }
}

async function main(): Promise<void> {
  const server = await startEphemeralMock({
    seed: { jobs: 200, seed: 'bench-chat' },
    // Thousands of messages a minute from one sender is a flood by design: the limit is lifted to measure delivery.
    chatRate: { burst: 100_000, perSecond: 100_000 },
  });
  const base = server.url;

  const runtime = createRuntime({ globals: { __API_BASE_URL__: base }, strict: false });
  const fake = runtime.fake;
  fake.setAuthUser('bench-seeker');
  const outbox = runtime.requireFromRoot<typeof OutboxModule>('services/chat-outbox');
  const { chatStore } = runtime.requireFromRoot<typeof ChatModule>('stores/chat');
  const { realtime } = runtime.requireFromRoot<typeof RealtimeModule>('services/realtime');
  const { watchNetwork } = runtime.requireFromRoot<typeof SocketModule>('services/platform/socket');
  const sessionTokens = runtime.requireFromRoot<typeof import('../services/session-tokens')>('services/session-tokens');

  // What the seeker typed, by client id, and when the server acknowledged it (acks and catch-up both end here).
  const typedAt = new Map<string, number>();
  const textOfClient = new Map<string, string>();
  const ackedAt = new Map<string, number>();
  const originalAdd = outbox.ChatOutbox.prototype.add;
  outbox.ChatOutbox.prototype.add = function add(entry) {
    textOfClient.set(entry.clientId, entry.text);
    return originalAdd.call(this, entry);
  };
  const originalRemove = outbox.ChatOutbox.prototype.remove;
  outbox.ChatOutbox.prototype.remove = function remove(clientId) {
    const text = textOfClient.get(clientId);
    if (text && !ackedAt.has(text)) ackedAt.set(text, performance.now());
    originalRemove.call(this, clientId);
  };

  const { accessToken } = await sessionTokens.validTokens();
  await makeReadyToApply(server, accessToken);
  const jobs = (await (await fetch(`${base}/jobs?limit=1`)).json()) as CursorPage<JobSummary>;
  const job = jobs.items[0];
  const application = (await (
    await fetch(`${base}/applications`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${accessToken}`,
        'idempotency-key': 'bench-chat-apply',
      },
      body: JSON.stringify({ jobId: job.id }),
    })
  ).json()) as ApplicationDetail;
  const conversationId = application.conversationId;

  watchNetwork((online) => realtime.setOffline(!online));
  chatStore.start();
  await chatStore.open(conversationId);
  chatStore.setVisible(conversationId);
  const session = (await (
    await fetch(`${base}/employer/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hrId: job.hr.id }),
    })
  ).json()) as EmployerSession;
  const hr = new HrSide(() => base, session.token, conversationId);
  hr.connect();
  while (!realtime.isOpen) await sleep(10);

  // HR messages as the seeker's app shows them: first sight of each in the thread (checked every millisecond).
  const hrSentAt = new Map<string, number>();
  const hrAckedAt = new Map<string, number>();
  const seekerReceived = new Map<string, number>();
  const seekerArrival: string[] = [];
  const watch = setInterval(() => {
    for (const message of chatStore.thread(conversationId)?.stored.slice(-200) ?? []) {
      if (message.from === 'hr' && hrSentAt.has(message.text) && !seekerReceived.has(message.text)) {
        seekerReceived.set(message.text, performance.now());
        seekerArrival.push(message.text);
      }
    }
  }, 1);

  const dropAt = new Set(Array.from({ length: DROPS }, (_, i) => Math.round(((i + 1) * MESSAGES) / (DROPS + 3))));
  const restartAt = Math.round(MESSAGES * 0.55);
  const offlineAt = Math.round(MESSAGES * 0.8);
  let drops = 0;
  let restarts = 0;
  const refusals: string[] = [];
  const hrSends: Promise<void>[] = [];
  let hrChain = Promise.resolve();

  for (let i = 0; i < MESSAGES; i++) {
    if (dropAt.has(i)) {
      fake.dropSockets();
      hr.drop();
      drops++;
    }
    if (i === restartAt) {
      void server.restart().then(() => restarts++);
    }
    if (i === offlineAt) {
      fake.setOffline(true);
      setTimeout(() => fake.setOffline(false), OFFLINE_MS);
    }
    const seekerText = `S-${i} 你好，这是第${i}条消息`;
    typedAt.set(seekerText, performance.now());
    const problem = chatStore.send(conversationId, seekerText);
    if (problem) refusals.push(problem);
    const hrText = `H-${i} 收到，第${i}条回复`;
    // The HR types in order: each message after the previous one is stored, as one person would.
    hrChain = hrChain.then(async () => {
      hrSentAt.set(hrText, performance.now());
      hrAckedAt.set(hrText, await hr.send(hrText, `hr-bench-${i}-0000`));
    });
    hrSends.push(hrChain);
    await sleep(SEND_INTERVAL_MS);
  }
  await Promise.all(hrSends);
  const deadline = Date.now() + 30_000;
  while (
    Date.now() < deadline &&
    (hr.received.size < MESSAGES || seekerReceived.size < MESSAGES || ackedAt.size < MESSAGES)
  ) {
    await sleep(50);
  }
  clearInterval(watch);

  // What the server stored, straight from the database: each text once, in typing order per sender.
  const stored = server.db
    .prepare('SELECT sender, text, seq FROM messages WHERE conversation_id = ? ORDER BY seq')
    .all(Number(conversationId)) as Array<{ sender: string; text: string; seq: number }>;
  const storedCount = new Map<string, number>();
  for (const row of stored) storedCount.set(row.text, (storedCount.get(row.text) ?? 0) + 1);
  const duplicated = [...storedCount.values()].filter((n) => n > 1).length;
  const indexOf = (text: string) => Number(/^[SH]-(\d+)/.exec(text)?.[1] ?? -1);
  const inversions = (texts: string[]) => {
    let count = 0;
    let highest = -1;
    for (const text of texts) {
      const index = indexOf(text);
      if (index < highest) count++;
      else highest = index;
    }
    return count;
  };
  const storedSeeker = stored.filter((r) => r.sender === 'seeker' && r.text.startsWith('S-')).map((r) => r.text);
  const storedHr = stored.filter((r) => r.sender === 'hr' && r.text.startsWith('H-')).map((r) => r.text);
  const outOfOrder =
    inversions(storedSeeker) + inversions(storedHr) + inversions(hr.arrivalOrder) + inversions(seekerArrival);
  const lostSeeker = [...typedAt.keys()].filter((t) => !storedCount.has(t) || !hr.received.has(t)).length;
  const lostHr = [...hrSentAt.keys()].filter((t) => !storedCount.has(t) || !seekerReceived.has(t)).length;

  const sendToAck: number[] = [];
  const sendToOther: number[] = [];
  for (const [text, at] of typedAt) {
    const ack = ackedAt.get(text);
    const other = hr.received.get(text);
    if (ack !== undefined) sendToAck.push(ack - at);
    if (other !== undefined) sendToOther.push(other - at);
  }
  for (const [text, at] of hrSentAt) {
    const ack = hrAckedAt.get(text);
    const other = seekerReceived.get(text);
    if (ack !== undefined) sendToAck.push(ack - at);
    if (other !== undefined) sendToOther.push(other - at);
  }

  console.log(`messages each way   ${MESSAGES} (one each way every ${SEND_INTERVAL_MS} ms)`);
  console.log(
    `disruptions         ${drops} socket drops, ${restarts} mock restart, 1 offline spell of ${OFFLINE_MS} ms`,
  );
  console.log(`seeker → HR         sent ${typedAt.size}, delivered ${hr.received.size}, lost ${lostSeeker}`);
  console.log(`HR → seeker         sent ${hrSentAt.size}, delivered ${seekerReceived.size}, lost ${lostHr}`);
  console.log(`duplicated          ${duplicated}`);
  console.log(`out of order        ${outOfOrder}`);
  console.log(`refused by the app  ${refusals.length}${refusals.length ? ` (${refusals[0]})` : ''}`);
  console.log(`send → ack          p50 ${percentile(sendToAck, 50)} ms, p95 ${percentile(sendToAck, 95)} ms`);
  console.log(`send → other side   p50 ${percentile(sendToOther, 50)} ms, p95 ${percentile(sendToOther, 95)} ms`);
  console.log(
    JSON.stringify({
      messages: MESSAGES * 2,
      drops,
      restarts,
      lost: lostSeeker + lostHr,
      duplicated,
      out_of_order: outOfOrder,
      p50_ms: percentile(sendToOther, 50),
      p95_ms: percentile(sendToOther, 95),
    }),
  );

  hr.stop();
  chatStore.setVisible(null);
  runtime.dispose();
  await server.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
