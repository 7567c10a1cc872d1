/**
 * 日结 payout benchmark: 500 approved shifts paid through the mock's alipay.fund.trans.uni.transfer-shaped
 * gateway over HTTP, with 20 % of transfer attempts failing: half before Alipay commits (nothing moved), half
 * AFTER it committed with the answer lost (the money moved, the caller saw an error). The payer retries each
 * shift until it reads 已发薪. Counts what Alipay's side holds against what was owed.
 * Ends with one JSON line: {"payouts","transfers","duplicates","missing","diff_fen"}.
 *
 * Usage: npm run bench:payout [-- --shifts 500 --fault-rate 0.2 --seed payout]
 */
import type { Shift } from '../services/contracts/onboarding';
import { createRandom } from '../mock/seed/prng';
import { startTestBackend } from '../tests/integration/mock-fixture';
import { openJobs } from '../tests/integration/mock-resume-helpers';
import {
  hireThroughOnboarding,
  interviewedApplication,
  offerInput,
  PLACE,
} from '../tests/integration/onboarding-support';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

const SHIFTS = Number(option('shifts', '500'));
const FAULT_RATE = Number(option('fault-rate', '0.2'));
const SEED = option('seed', 'payout');
const MAX_ATTEMPTS = 20;

async function main(): Promise<void> {
  const backend = await startTestBackend();
  try {
    const { db, context } = backend.server;
    const [job] = openJobs(backend, 1);
    const hrId = String(job.hrId);
    const { accessToken, applicationId, hr } = await interviewedApplication(backend, 'bench-payout', job);
    await hr('POST', `/employer/applications/${applicationId}/offer`, offerInput(backend, { payYuan: '187.33' }));
    await hireThroughOnboarding(backend, accessToken, applicationId, hrId);
    const userId = context.tokens.requireUser(`Bearer ${accessToken}`);
    const identity = { hrId: job.hrId, companyId: job.companyId };

    // Shifts of varied length, approved: what each is owed is fixed at approval.
    const random = createRandom(`${SEED}:shifts`);
    const shiftIds: string[] = [];
    for (let index = 0; index < SHIFTS; index += 1) {
      const shift = context.shifts.clockIn(userId, Number(applicationId), PLACE);
      context.clock.advance(random.int(60, 10 * 60) * 60 * 1000);
      context.shifts.clockOut(userId, Number(shift.id), PLACE);
      context.shifts.approve(identity, Number(shift.id), undefined);
      context.clock.advance(14 * 3600 * 1000);
      shiftIds.push(shift.id);
    }

    const faults = createRandom(`${SEED}:faults`);
    const injected = { before_commit: 0, after_commit: 0 };
    context.shifts.gateway.faultPlan = () => {
      if (!faults.chance(FAULT_RATE)) return null;
      const fault = faults.chance(0.5) ? 'before_commit' : 'after_commit';
      injected[fault] += 1;
      return fault;
    };

    let attempts = 0;
    let unpaid = 0;
    const started = performance.now();
    for (const id of shiftIds) {
      let paid = false;
      for (let attempt = 0; attempt < MAX_ATTEMPTS && !paid; attempt += 1) {
        attempts += 1;
        const answer = await backend.request<Shift>('POST', `/employer/shifts/${id}/pay`, {
          headers: { 'x-hr-id': hrId },
        });
        paid = answer.status === 200 && answer.body.status === 'paid';
      }
      if (!paid) unpaid += 1;
    }
    const elapsedMs = performance.now() - started;

    const owed = db
      .prepare('SELECT count(*) AS n, sum(pay_fen) AS fen FROM shifts WHERE application_id = ?')
      .get(Number(applicationId)) as { n: number; fen: number };
    // Every transfer Alipay's side holds for this payee, whatever its out_biz_no: a payout made twice under a
    // new key would show here as a duplicate (more transfers than shifts that have one).
    const transfers = db
      .prepare('SELECT count(*) AS n, coalesce(sum(amount_fen), 0) AS fen FROM fund_transfers WHERE payee_user_id = ?')
      .get(userId) as { n: number; fen: number };
    const shiftsWithTransfer = (
      db
        .prepare(
          `SELECT count(*) AS n FROM shifts s WHERE s.application_id = ?
             AND EXISTS (SELECT 1 FROM fund_transfers t WHERE t.out_biz_no = s.out_biz_no)`,
        )
        .get(Number(applicationId)) as { n: number }
    ).n;
    const duplicates = transfers.n - shiftsWithTransfer;
    const missing = (
      db
        .prepare(
          `SELECT count(*) AS n FROM shifts s WHERE s.application_id = ?
             AND NOT EXISTS (SELECT 1 FROM fund_transfers t WHERE t.out_biz_no = s.out_biz_no)`,
        )
        .get(Number(applicationId)) as { n: number }
    ).n;
    const paidShifts = (
      db
        .prepare("SELECT count(*) AS n FROM shifts WHERE status = 'paid' AND application_id = ?")
        .get(Number(applicationId)) as {
        n: number;
      }
    ).n;

    console.log(`shifts approved           ${owed.n}, owed ${owed.fen} fen`);
    console.log(
      `pay attempts              ${attempts} (faults injected: ${injected.before_commit} before commit, ${injected.after_commit} after commit)`,
    );
    console.log(`shifts read as paid       ${paidShifts} (gave up on ${unpaid})`);
    console.log(`transfers                 ${transfers.n}, paid ${transfers.fen} fen`);
    console.log(`duplicates                ${duplicates}`);
    console.log(`missing                   ${missing}`);
    console.log(`diff_fen (owed − paid)    ${owed.fen - transfers.fen}`);
    console.log(
      `time                      ${Math.round(elapsedMs)} ms (${(elapsedMs / attempts).toFixed(1)} ms an attempt)`,
    );
    console.log(
      JSON.stringify({
        payouts: owed.n,
        transfers: transfers.n,
        duplicates,
        missing,
        diff_fen: owed.fen - transfers.fen,
      }),
    );
  } finally {
    await backend.close();
  }
}

void main();
