import type { Database } from 'better-sqlite3';
import {
  canMoveInterview,
  INTERVIEW_KIND_LABELS,
  INTERVIEW_MOVE_NAMES,
  INTERVIEW_STATUS_LABELS,
  MAX_RESCHEDULES,
  REMINDER_OFFSETS_MS,
  offeredSlotErrors,
  slotErrors,
  type EmployerInterview,
  type Interview,
  type InterviewFeedbackRequest,
  type InterviewKind,
  type InterviewList,
  type InterviewMove,
  type InviteInterviewRequest,
} from '../../services/contracts/interviews';
import type { InterviewCardStep, MessageCard } from '../../services/contracts/conversations';
import type { EmployerServerEvent } from '../../services/contracts/realtime';
import type { ApplicationService } from '../applications/application-service';
import type { ApplicationRecord } from '../applications/application-store';
import { iso, type SimulatedClock } from '../clock';
import { afterCommit } from '../db/after-commit';
import { conflict, invalidInput, notFound } from '../http/api-error';
import type { Notify } from '../realtime/hub';
import type { SubscriptionService } from '../subscriptions/subscription-service';
import { employerInterviewOf, InterviewStore, slotTimes, type InterviewRecord } from './interview-store';

const MINUTE_MS = 60 * 1000;
const CHINA_UTC_OFFSET_MS = 8 * 60 * MINUTE_MS;

const CHINA_WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** "12月9日 周三 09:00", China time, as the app's cards write it: how the timeline, the chat and the reminders name a slot. */
export function slotText(time: number): string {
  const china = new Date(time + CHINA_UTC_OFFSET_MS);
  const clock = [china.getUTCHours(), china.getUTCMinutes()].map((part) => String(part).padStart(2, '0')).join(':');
  return `${china.getUTCMonth() + 1}月${china.getUTCDate()}日 ${CHINA_WEEKDAYS[china.getUTCDay()]} ${clock}`;
}

/** The chat card of an interview step: enough to draw it before the interview itself is loaded. */
function interviewCard(
  interviewId: number,
  step: InterviewCardStep,
  interview: { kind: InterviewKind; interviewer: string; lengthMinutes: number },
  slots: number[],
): MessageCard {
  return {
    kind: 'interview',
    interviewId: String(interviewId),
    step,
    interviewKind: interview.kind,
    slots: slots.map(iso),
    interviewer: interview.interviewer.trim(),
    lengthMinutes: interview.lengthMinutes,
  };
}

/** Who acts: the seeker (by user id) or an HR of the interview's company. */
export type InterviewActor = { seeker: string } | { companyId: number };

/**
 * Interviews through their moves (INTERVIEW_MOVES): each move is checked against the interview's status and
 * the application's, recorded on the application's timeline, said in the conversation, and pushed to both
 * sides. Also sends the reminders and answers reschedules for HRs the autopilot plays.
 */
export class InterviewService {
  readonly store: InterviewStore;

  constructor(
    private readonly db: Database,
    private readonly clock: SimulatedClock,
    private readonly applications: ApplicationService,
    private readonly subscriptions: SubscriptionService,
    private readonly notifySeeker: Notify,
    private readonly notifyCompany: (companyId: number, event: EmployerServerEvent) => void,
  ) {
    this.store = new InterviewStore(db);
    applications.onStatusChange(({ record, input }) => {
      const active = this.store.activeForApplication(record.id);
      if (!active) return;
      const { row } = active;
      // An offer makes an invitation never agreed moot; one agreed stays (it may already have taken place),
      // at the time agreed when the seeker had asked to move it.
      const neverAgreed =
        row.status === 'invited' || (row.status === 'reschedule_requested' && row.agreed_before_reschedule === null);
      if (input.to === 'offer' && !neverAgreed) {
        if (row.status === 'reschedule_requested') {
          this.update(row.id, {
            status: 'scheduled',
            scheduled_at: row.agreed_before_reschedule,
            proposed_slots: '[]',
            agreed_before_reschedule: null,
          });
          this.push(row.id);
        }
        return;
      }
      const reason =
        input.to === 'withdrawn'
          ? '求职者已撤回投递'
          : input.to === 'rejected'
            ? '投递已结束'
            : input.to === 'offer'
              ? '已发放录用通知，无需再面试'
              : null;
      if (!reason) return;
      this.update(row.id, { status: 'cancelled', cancel_reason: reason });
      this.push(row.id);
    });
  }

  listForUser(userId: string): InterviewList {
    return { items: this.store.listForUser(userId), now: iso(this.clock.now()) };
  }

  /** The seeker's own interview, or 404 for anyone else's. */
  forSeeker(userId: string, id: number): InterviewRecord {
    const record = this.store.find(id);
    if (!record || record.userId !== userId) throw notFound('面试不存在或不属于你');
    return record;
  }

  forCompany(companyId: number, id: number): InterviewRecord {
    const record = this.store.find(id);
    if (!record || record.companyId !== companyId) throw notFound('面试不存在');
    return record;
  }

  /**
   * The HR (or the autopilot) invites: the application moves to 面试 (or, already there, a new round goes on
   * its timeline). Refuses an application that already has an open invitation, and slots in the past or
   * overlapping.
   */
  invite(application: ApplicationRecord, request: InviteInterviewRequest, byEmployerApi: boolean): Interview {
    this.checkInvitation(application, request);
    const now = this.clock.now();
    const slots = request.slots.map((slot) => Date.parse(slot)).sort((a, b) => a - b);
    const kind = INTERVIEW_KIND_LABELS[request.kind];
    const summary = `${kind}：${slots.map(slotText).join('、')}，面试官${request.interviewer.trim()}，约${request.lengthMinutes}分钟`;
    const text = `邀请你参加${summary}。${request.notes?.trim() ?? ''}请在「我的面试」中选择时间或回复。`;
    const id = this.db.transaction(() => {
      const result = this.db
        .prepare(
          `INSERT INTO interviews (application_id, kind, address, phone, interviewer, length_minutes, notes, status,
             slots, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'invited', ?, ?, ?)`,
        )
        .run(
          application.id,
          request.kind,
          request.kind === 'onsite' ? (request.address ?? '').trim() : null,
          request.kind === 'phone' ? (request.phone ?? '').trim() : null,
          request.interviewer.trim(),
          request.lengthMinutes,
          request.notes?.trim() ?? '',
          JSON.stringify(slots),
          now,
          now,
        );
      const interviewId = Number(result.lastInsertRowid);
      const again = application.status === 'interview';
      const card = interviewCard(interviewId, again ? 'reinvited' : 'invited', request, slots);
      if (again) {
        this.applications.recordStep(application, `再次邀请面试（${summary}）`, { from: 'hr', text, card });
      } else {
        this.applications.transition(application, {
          to: 'interview',
          at: now,
          note: summary,
          message: { from: 'hr', text, card },
          byEmployerApi,
        });
      }
      return interviewId;
    })();
    return this.push(id);
  }

  /** What `invite` refuses, checked before anything is stored (slots, an invitation already open). */
  checkInvitation(application: ApplicationRecord, request: InviteInterviewRequest): void {
    const errors = slotErrors(request.slots, request.lengthMinutes, this.clock.now());
    if (errors.length) throw invalidInput(errors);
    if (this.store.activeForApplication(application.id)) {
      throw conflict('该投递已有进行中的面试邀请，请先处理或取消它', { reason: 'illegal_move' });
    }
  }

  accept(userId: string, id: number, slot: string): Interview {
    const record = this.allowed(this.forSeeker(userId, id), 'accept');
    const start = this.pickSlot(slotTimes(record.row.slots), slot, '请从邀请中的时间里选择一个');
    this.db.transaction(() => {
      this.update(id, { status: 'scheduled', scheduled_at: start, reschedule_refusal: null });
      this.step(record, `已接受面试：${slotText(start)}`, `面试时间已确认：${slotText(start)}`);
    })();
    return this.push(id);
  }

  decline(userId: string, id: number, reason: string): Interview {
    const record = this.allowed(this.forSeeker(userId, id), 'decline');
    this.db.transaction(() => {
      this.update(id, { status: 'declined', decline_reason: reason, scheduled_at: null });
      this.step(record, `已拒绝面试：${reason}`, `求职者拒绝了这次面试：${reason}`);
    })();
    return this.push(id);
  }

  propose(userId: string, id: number, slots: string[]): Interview {
    const record = this.allowed(this.forSeeker(userId, id), 'propose');
    if (record.row.reschedule_count >= MAX_RESCHEDULES) {
      throw conflict(`每场面试最多改期${MAX_RESCHEDULES}次，本场已改期${record.row.reschedule_count}次，无法再改期`, {
        reason: 'reschedule_limit',
      });
    }
    const errors = slotErrors(slots, record.row.length_minutes, this.clock.now()).concat(
      offeredSlotErrors(
        slots,
        slotTimes(record.row.slots).map((time) => new Date(time).toISOString()),
      ),
    );
    if (errors.length) throw invalidInput(errors);
    const times = slots.map((slot) => Date.parse(slot)).sort((a, b) => a - b);
    const count = record.row.reschedule_count + 1;
    this.db.transaction(() => {
      this.update(id, {
        status: 'reschedule_requested',
        proposed_slots: JSON.stringify(times),
        reschedule_count: count,
        agreed_before_reschedule: record.row.scheduled_at,
        reschedule_refusal: null,
        scheduled_at: null,
      });
      const listed = times.map(slotText).join('、');
      this.step(
        record,
        `申请改期（第${count}次）：${listed}`,
        `求职者申请改期（第${count}次），方便的时间：${listed}，等待HR确认`,
        'seeker',
        interviewCard(id, 'reschedule_proposed', record.view, times),
      );
    })();
    return this.push(id);
  }

  confirm(companyId: number, id: number, slot: string): EmployerInterview {
    const record = this.allowed(this.forCompany(companyId, id), 'confirm');
    const start = this.pickSlot(slotTimes(record.row.proposed_slots), slot, '请从求职者提议的时间里选择一个');
    this.db.transaction(() => {
      this.update(id, {
        status: 'scheduled',
        scheduled_at: start,
        slots: JSON.stringify([start]),
        proposed_slots: '[]',
        agreed_before_reschedule: null,
      });
      this.step(
        record,
        `HR已确认改期：${slotText(start)}`,
        `已确认改期，${slotText(start)}见。`,
        'hr',
        interviewCard(id, 'reschedule_confirmed', record.view, [start]),
      );
    })();
    return this.pushForCompany(id);
  }

  /**
   * The HR keeps to its times: the time agreed before the proposal stands again, or, with none, the seeker
   * picks from the HR's times still ahead. When none is ahead, refused: confirm one of the seeker's times or
   * cancel and invite again. The refused proposal still counts toward MAX_RESCHEDULES (no endless ping-pong).
   */
  refuse(companyId: number, id: number, reason: string): EmployerInterview {
    const record = this.allowed(this.forCompany(companyId, id), 'refuse');
    const now = this.clock.now();
    const agreed = record.row.agreed_before_reschedule;
    const ahead = slotTimes(record.row.slots).filter((slot) => slot > now);
    const keep = agreed !== null && agreed > now ? agreed : null;
    if (keep === null && !ahead.length) {
      throw conflict('原定的面试时间都已过去，请确认求职者提议的一个时间，或取消面试后重新邀请', {
        reason: 'no_time_left',
      });
    }
    this.db.transaction(() => {
      this.update(id, {
        status: keep === null ? 'invited' : 'scheduled',
        scheduled_at: keep,
        slots: JSON.stringify(keep === null ? ahead : slotTimes(record.row.slots)),
        proposed_slots: '[]',
        agreed_before_reschedule: null,
        reschedule_refusal: reason,
      });
      const outcome =
        keep === null
          ? `请从原定时间中选择：${ahead.map(slotText).join('、')}`
          : `面试仍按原定时间 ${slotText(keep)} 进行`;
      this.step(record, `HR未同意改期：${reason}`, `抱歉，无法改到你提议的时间：${reason}。${outcome}。`, 'hr');
    })();
    return this.pushForCompany(id);
  }

  cancel(companyId: number, id: number, reason: string): EmployerInterview {
    const record = this.allowed(this.forCompany(companyId, id), 'cancel');
    this.db.transaction(() => {
      this.update(id, { status: 'cancelled', cancel_reason: reason });
      this.step(record, `面试已取消：${reason}`, `抱歉，这次面试取消了：${reason}`, 'hr');
    })();
    return this.pushForCompany(id);
  }

  /** After the agreed slot: did it take place, did the interviewer come? Counts toward the HR's no-show rate. */
  feedback(userId: string, id: number, answer: InterviewFeedbackRequest): Interview {
    const record = this.forSeeker(userId, id);
    if (record.row.feedback_at !== null) throw conflict('你已评价过这场面试', { reason: 'feedback_given' });
    const start = record.row.scheduled_at;
    if (record.row.status !== 'scheduled' || start === null) {
      throw conflict('只有已确认的面试可以评价', { reason: 'illegal_move' });
    }
    const now = this.clock.now();
    if (start + record.row.length_minutes * MINUTE_MS > now) {
      throw conflict('面试结束后才能评价', { reason: 'feedback_too_early' });
    }
    this.db.transaction(() => {
      this.update(id, {
        feedback_took_place: answer.tookPlace ? 1 : 0,
        feedback_interviewer_came: answer.interviewerCame ? 1 : 0,
        feedback_at: now,
      });
      this.db
        .prepare(
          `UPDATE hrs SET interviews_reviewed = interviews_reviewed + 1,
             interviews_no_show = interviews_no_show + ? WHERE id = ?`,
        )
        .run(answer.interviewerCame ? 0 : 1, record.hrId);
    })();
    return this.push(id);
  }

  /**
   * Reminders due by now (24 h and 1 h before each agreed interview), each using one consent; when both are
   * due (agreed late), only the nearer one goes. Then the autopilot confirms reschedules for its HRs.
   */
  tick(): void {
    const now = this.clock.now();
    const longest = Math.max(...REMINDER_OFFSETS_MS);
    const mark = this.db.prepare(
      `INSERT OR IGNORE INTO interview_reminders (interview_id, scheduled_at, offset_ms, handled_at, sent)
       VALUES (?, ?, ?, ?, ?)`,
    );
    const handled = this.db.prepare(
      'SELECT 1 FROM interview_reminders WHERE interview_id = ? AND scheduled_at = ? AND offset_ms = ?',
    );
    for (const record of this.store.scheduledBetween(now, now + longest)) {
      const start = record.row.scheduled_at as number;
      const due = REMINDER_OFFSETS_MS.filter((offset) => start - offset <= now).sort((a, b) => a - b);
      if (!due.length || handled.get(record.row.id, start, due[0])) continue;
      this.db.transaction(() => {
        const sent = this.subscriptions.sendInterviewReminder({
          userId: record.userId,
          applicationId: record.row.application_id,
          interviewId: record.row.id,
          values: [
            record.view.job.title,
            record.view.company.name,
            slotText(start),
            INTERVIEW_KIND_LABELS[record.row.kind],
          ],
          at: now,
        });
        for (const offset of due) mark.run(record.row.id, start, offset, now, offset === due[0] && sent ? 1 : 0);
      })();
    }
    for (const record of this.store.awaitingAutopilotConfirmation()) {
      const [first] = slotTimes(record.row.proposed_slots);
      if (first !== undefined && first > now) this.confirm(record.companyId, record.row.id, iso(first));
    }
  }

  private allowed(record: InterviewRecord, move: InterviewMove): InterviewRecord {
    if (!canMoveInterview(record.row.status, move)) {
      throw conflict(
        `面试当前为「${INTERVIEW_STATUS_LABELS[record.row.status]}」，无法${INTERVIEW_MOVE_NAMES[move]}${
          record.row.cancel_reason && record.row.status === 'cancelled' ? `（${record.row.cancel_reason}）` : ''
        }`,
        { reason: record.row.status === 'cancelled' ? 'interview_cancelled' : 'illegal_move' },
      );
    }
    return record;
  }

  private pickSlot(offered: number[], slot: string, message: string): number {
    const start = Date.parse(slot);
    if (!offered.includes(start)) throw invalidInput([{ path: 'slot', message }]);
    if (start <= this.clock.now()) throw invalidInput([{ path: 'slot', message: '该时间已经过去，请选择其他时间' }]);
    return start;
  }

  private update(id: number, columns: Record<string, string | number | null>): void {
    const names = Object.keys(columns);
    this.db
      .prepare(
        `UPDATE interviews SET ${names.map((name) => `${name} = @${name}`).join(', ')}, updated_at = @now WHERE id = @id`,
      )
      .run({ ...columns, now: this.clock.now(), id });
  }

  private step(
    record: InterviewRecord,
    note: string,
    text: string,
    from: 'seeker' | 'hr' = 'seeker',
    card?: MessageCard,
  ): void {
    const application = this.applications.store.record(record.row.application_id);
    if (!application) throw notFound('投递记录不存在');
    this.applications.recordStep(application, note, { from: from === 'hr' ? 'hr' : 'system', text, card });
  }

  /** Tells both sides (each its own view) and answers the seeker's view. */
  private push(id: number): Interview {
    return this.pushRecord(id).view;
  }

  /** As `push`, answering the console's view (the HR's moves). */
  private pushForCompany(id: number): EmployerInterview {
    return employerInterviewOf(this.pushRecord(id));
  }

  private pushRecord(id: number): InterviewRecord {
    const record = this.store.find(id);
    if (!record) throw notFound('面试不存在');
    afterCommit(this.db, () => {
      this.notifySeeker(record.userId, { type: 'interview.updated', interview: record.view });
      this.notifyCompany(record.companyId, { type: 'interview.updated', interview: employerInterviewOf(record) });
    });
    return record;
  }
}
