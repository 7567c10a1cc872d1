import type { EmployerApplicationWithResume } from '../../services/contracts/employer';
import type { InviteInterviewRequest } from '../../services/contracts/interviews';
import type { EmployerIdentity } from '../auth/hr-sessions';
import type { SimulatedClock } from '../clock';
import { notFound } from '../http/api-error';
import type { ApplicationRecord, ListFilter } from './application-store';
import type { InterviewService } from '../interviews/interview-service';
import type { ApplicationService } from './application-service';

/** What an HR can do from the employer side, limited to applications to its own company's jobs. */
export class EmployerActions {
  constructor(
    private readonly applications: ApplicationService,
    private readonly clock: SimulatedClock,
    private readonly interviews: InterviewService,
  ) {}

  list(hr: EmployerIdentity, filter: ListFilter) {
    return this.applications.store.listForCompany(hr.companyId, filter);
  }

  view(hr: EmployerIdentity, id: number): EmployerApplicationWithResume {
    this.ownApplication(hr, id);
    return this.viewOf(id);
  }

  /** Opening the resume: 已查看 for the seeker. */
  markViewed(hr: EmployerIdentity, id: number): EmployerApplicationWithResume {
    const record = this.ownApplication(hr, id);
    this.applications.transition(record, { to: 'viewed', at: this.clock.now(), byEmployerApi: true });
    return this.viewOf(id);
  }

  reject(hr: EmployerIdentity, id: number, reason: string): EmployerApplicationWithResume {
    const record = this.viewedFirst(this.ownApplication(hr, id));
    this.applications.transition(record, { to: 'rejected', at: this.clock.now(), reason, byEmployerApi: true });
    return this.viewOf(id);
  }

  /** Invites to an interview with its time slots (the application moves to 面试 on the way). */
  invite(hr: EmployerIdentity, id: number, request: InviteInterviewRequest): EmployerApplicationWithResume {
    const own = this.ownApplication(hr, id);
    this.interviews.checkInvitation(own, request);
    this.interviews.invite(this.viewedFirst(own), request, true);
    return this.viewOf(id);
  }

  /** 404 when it does not exist or went to another company: other companies' applications do not exist for it. */
  private ownApplication(hr: EmployerIdentity, id: number): ApplicationRecord {
    const record = this.applications.store.record(id);
    if (!record || this.applications.store.companyOf(id) !== hr.companyId) throw notFound('投递记录不存在');
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
