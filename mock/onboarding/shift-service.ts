import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import {
  CHECK_IN_RADIUS_M,
  distanceMetres,
  fenToYuanString,
  formatMetres,
  shiftPayFen,
  type GeoPoint,
  type MonthlyIncome,
  type PaySlip,
  type Shift,
  type ShiftStatus,
} from '../../services/contracts/onboarding';
import type { EmployerIdentity } from '../auth/hr-sessions';
import type { SimulatedClock } from '../clock';
import { conflict, notFound } from '../http/api-error';
import type { FundTransferGateway } from './fund-transfer';
import { chinaDay, type Actor, type OnboardingService } from './onboarding-service';

interface ShiftRow {
  id: number;
  application_id: number;
  day: string;
  clock_in_at: number;
  clock_out_at: number | null;
  worked_minutes: number | null;
  approved_minutes: number | null;
  status: ShiftStatus;
  reject_reason: string | null;
  pay_fen: number | null;
  out_biz_no: string;
  order_id: string | null;
  paid_at: number | null;
}

const MINUTE_MS = 60 * 1000;
const iso = (time: number | null) => (time === null ? null : new Date(time).toISOString());

/**
 * 日结 work: clock in and out at the place, the HR approves the hours, the shift is paid once through the
 * transfer gateway with its own `out_biz_no`, however often the payout is retried.
 */
export class ShiftService {
  constructor(
    private readonly db: Database,
    private readonly clock: SimulatedClock,
    private readonly onboarding: OnboardingService,
    readonly gateway: FundTransferGateway,
  ) {}

  clockIn(userId: string, applicationId: number, position: GeoPoint): Shift {
    const party = this.onboarding.party(applicationId, { seeker: userId });
    const offer = this.dailyOffer(applicationId);
    if (party.status !== 'hired') throw conflict('完成报到签到后才能打卡上班');
    this.requireNear(position, offer.terms, '上班打卡');
    if (this.db.prepare("SELECT 1 FROM shifts WHERE application_id = ? AND status = 'working'").get(applicationId)) {
      throw conflict('你已在上班中，请先下班打卡');
    }
    const now = this.clock.now();
    const outBizNo = `SHIFT${applicationId}T${randomBytes(8).toString('hex').toUpperCase()}`;
    const id = Number(
      this.db
        .prepare('INSERT INTO shifts (application_id, day, clock_in_at, out_biz_no) VALUES (?, ?, ?, ?)')
        .run(applicationId, chinaDay(now), now, outBizNo).lastInsertRowid,
    );
    this.onboarding.changed(party);
    return this.shift(id);
  }

  clockOut(userId: string, shiftId: number, position: GeoPoint): Shift {
    const row = this.row(shiftId, { seeker: userId });
    const party = this.onboarding.party(row.application_id, { seeker: userId });
    if (row.status !== 'working') throw conflict('这个班次已下班打卡');
    this.requireNear(position, this.dailyOffer(row.application_id).terms, '下班打卡');
    const now = this.clock.now();
    const worked = Math.max(1, Math.floor((now - row.clock_in_at) / MINUTE_MS));
    this.db
      .prepare("UPDATE shifts SET clock_out_at = ?, worked_minutes = ?, status = 'submitted' WHERE id = ?")
      .run(now, worked, shiftId);
    this.onboarding.changed(party);
    return this.shift(shiftId);
  }

  /** The HR approves the hours (all worked minutes, or fewer) and the pay is fixed from the offer's day rate. */
  approve(hr: EmployerIdentity, shiftId: number, minutes: number | undefined): Shift {
    const row = this.row(shiftId, { hr });
    if (row.status !== 'submitted') throw conflict('只有待审核的班次可以审核');
    const worked = row.worked_minutes as number;
    if (minutes !== undefined && minutes > worked) throw conflict(`核定工时不能超过实际工时（${worked}分钟）`);
    const approved = minutes ?? worked;
    const offer = this.dailyOffer(row.application_id);
    const pay = shiftPayFen(offer.row.pay_fen, approved, offer.terms.dayHours * 60);
    this.db
      .prepare("UPDATE shifts SET approved_minutes = ?, pay_fen = ?, status = 'approved' WHERE id = ?")
      .run(approved, pay, shiftId);
    this.onboarding.changed(this.onboarding.party(row.application_id, { hr }));
    return this.shift(shiftId);
  }

  reject(hr: EmployerIdentity, shiftId: number, reason: string): Shift {
    const row = this.row(shiftId, { hr });
    if (row.status !== 'submitted') throw conflict('只有待审核的班次可以驳回');
    this.db
      .prepare("UPDATE shifts SET status = 'rejected', reject_reason = ? WHERE id = ?")
      .run(reason.trim(), shiftId);
    this.onboarding.changed(this.onboarding.party(row.application_id, { hr }));
    return this.shift(shiftId);
  }

  /**
   * Pays an approved shift. Safe to repeat after any failure: the transfer carries the shift's own
   * `out_biz_no`, so Alipay answers the order already made rather than paying twice. A paid shift answers as is.
   */
  pay(hr: EmployerIdentity, shiftId: number): Shift {
    const row = this.row(shiftId, { hr });
    if (row.status === 'paid') return this.shift(shiftId);
    if (row.status !== 'approved') throw conflict('审核通过后才能发薪');
    const party = this.onboarding.party(row.application_id, { hr });
    const answer = this.gateway.uniTransfer({
      out_biz_no: row.out_biz_no,
      trans_amount: fenToYuanString(row.pay_fen as number),
      product_code: 'TRANS_ACCOUNT_NO_PWD',
      biz_scene: 'DIRECT_TRANSFER',
      order_title: `${party.company} ${row.day} 日结工资`,
      payee_info: { identity: party.userId, identity_type: 'ALIPAY_USER_ID' },
    });
    this.db
      .prepare("UPDATE shifts SET status = 'paid', order_id = ?, paid_at = ? WHERE id = ? AND status = 'approved'")
      .run(answer.order_id, Date.parse(answer.trans_date), shiftId);
    this.onboarding.changed(party);
    return this.shift(shiftId);
  }

  list(applicationId: number): Shift[] {
    const rows = this.db
      .prepare('SELECT id FROM shifts WHERE application_id = ? ORDER BY id DESC LIMIT 60')
      .all(applicationId) as { id: number }[];
    return rows.map((row) => this.shift(row.id));
  }

  /** A month's pay slips (China days) and their total, in fen. */
  income(userId: string, month: string): MonthlyIncome {
    const rows = this.db
      .prepare(
        `SELECT s.* FROM shifts s JOIN applications a ON a.id = s.application_id
          WHERE a.user_id = ? AND s.status = 'paid' AND s.day LIKE ? ORDER BY s.day DESC, s.id DESC`,
      )
      .all(userId, `${month}-%`) as ShiftRow[];
    const slips = rows.map((row) => this.toSlip(row));
    return { month, totalFen: slips.reduce((total, slip) => total + slip.payFen, 0), slips };
  }

  private toSlip(row: ShiftRow): PaySlip {
    const shift = this.shift(row.id);
    return {
      shiftId: shift.id,
      company: shift.company,
      position: shift.position,
      day: row.day,
      approvedMinutes: row.approved_minutes as number,
      dayRateFen: (this.onboarding.acceptedOffer(row.application_id)?.row.pay_fen ?? 0) as number,
      payFen: row.pay_fen as number,
      orderId: row.order_id as string,
      outBizNo: row.out_biz_no,
      paidAt: iso(row.paid_at) as string,
    };
  }

  private dailyOffer(applicationId: number) {
    const offer = this.onboarding.acceptedOffer(applicationId);
    if (!offer || offer.row.pay_kind !== 'daily') throw conflict('只有日结岗位按班次打卡结算');
    return offer;
  }

  private requireNear(position: GeoPoint, place: GeoPoint, action: string): void {
    const distance = distanceMetres(position, place);
    if (distance > CHECK_IN_RADIUS_M) {
      throw conflict(`你距离工作地点${formatMetres(distance)}，需在${CHECK_IN_RADIUS_M}米内${action}`, {
        distanceM: distance,
      });
    }
  }

  private row(shiftId: number, actor: Actor): ShiftRow {
    const row = this.db.prepare('SELECT * FROM shifts WHERE id = ?').get(shiftId) as ShiftRow | undefined;
    if (!row) throw notFound('班次不存在');
    try {
      this.onboarding.party(row.application_id, actor);
    } catch {
      throw notFound('班次不存在');
    }
    return row;
  }

  private shift(id: number): Shift {
    const row = this.db.prepare('SELECT * FROM shifts WHERE id = ?').get(id) as ShiftRow;
    const meta = this.db
      .prepare(
        `SELECT c.name AS company, o.terms FROM applications a JOIN jobs j ON j.id = a.job_id
           JOIN companies c ON c.id = j.company_id JOIN offers o ON o.application_id = a.id WHERE a.id = ?`,
      )
      .get(row.application_id) as { company: string; terms: string };
    return {
      id: String(row.id),
      applicationId: String(row.application_id),
      position: (JSON.parse(meta.terms) as { position: string }).position,
      company: meta.company,
      day: row.day,
      clockInAt: new Date(row.clock_in_at).toISOString(),
      clockOutAt: iso(row.clock_out_at),
      workedMinutes: row.worked_minutes,
      approvedMinutes: row.approved_minutes,
      status: row.status,
      rejectReason: row.reject_reason,
      payFen: row.pay_fen,
      outBizNo: row.out_biz_no,
      orderId: row.order_id,
      paidAt: iso(row.paid_at),
    };
  }
}
