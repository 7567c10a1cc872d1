import type { EmployerApplicationWithResume } from '../../services/contracts/resume';
import type { SimulatedClock } from '../clock';
import { forbidden, notFound } from '../http/api-error';
import type { ApplicationRecord, ListFilter } from './application-store';
import type { ApplicationService } from './application-service';

/** What an HR can do from the employer side, limited to applications for the HR's own jobs. */
export class EmployerActions {
  constructor(
    private readonly applications: ApplicationService,
    private readonly clock: SimulatedClock,
  ) {}

  list(hrId: number, filter: ListFilter) {
    return this.applications.store.listForHr(hrId, filter);
  }

  view(hrId: number, id: number): EmployerApplicationWithResume {
    this.ownApplication(hrId, id);
    return this.viewOf(id);
  }

  /** Opening the resume: 已查看 for the seeker. */
  markViewed(hrId: number, id: number): EmployerApplicationWithResume {
    const record = this.ownApplication(hrId, id);
    this.applications.transition(record, { to: 'viewed', at: this.clock.now(), byEmployerApi: true });
    return this.viewOf(id);
  }

  reject(hrId: number, id: number, reason: string): EmployerApplicationWithResume {
    const record = this.viewedFirst(this.ownApplication(hrId, id));
    this.applications.transition(record, { to: 'rejected', at: this.clock.now(), reason, byEmployerApi: true });
    return this.viewOf(id);
  }

  invite(hrId: number, id: number, note: string): EmployerApplicationWithResume {
    const record = this.viewedFirst(this.ownApplication(hrId, id));
    this.applications.transition(record, {
      to: 'interview',
      at: this.clock.now(),
      note,
      message: { from: 'hr', text: note },
      byEmployerApi: true,
    });
    return this.viewOf(id);
  }

  offer(hrId: number, id: number, note: string | undefined): EmployerApplicationWithResume {
    const record = this.ownApplication(hrId, id);
    const text = note ? `恭喜你通过面试！${note}` : '恭喜你通过面试！我们决定录用你，入职安排稍后发给你。';
    this.applications.transition(record, {
      to: 'offer',
      at: this.clock.now(),
      note: note ?? null,
      message: { from: 'hr', text },
      byEmployerApi: true,
    });
    return this.viewOf(id);
  }

  hire(hrId: number, id: number): EmployerApplicationWithResume {
    const record = this.ownApplication(hrId, id);
    this.applications.transition(record, { to: 'hired', at: this.clock.now(), byEmployerApi: true });
    return this.viewOf(id);
  }

  /** 404 when it does not exist; 403 when it belongs to another HR's job. */
  private ownApplication(hrId: number, id: number): ApplicationRecord {
    const record = this.applications.store.record(id);
    if (!record) throw notFound('投递记录不存在');
    if (record.hrId !== hrId) throw forbidden('只能处理自己负责职位的投递');
    return record;
  }

  /** Deciding on an unopened application opens it first, so the timeline reads as it happened. */
  private viewedFirst(record: ApplicationRecord): ApplicationRecord {
    if (record.status === 'submitted') {
      this.applications.transition(record, { to: 'viewed', at: this.clock.now(), byEmployerApi: true });
    }
    return record;
  }

  private viewOf(id: number): EmployerApplicationWithResume {
    const view = this.applications.store.employerView(id);
    if (!view) throw notFound('投递记录不存在');
    return view;
  }
}
