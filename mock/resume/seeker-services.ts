import type { MockContext } from '../context';
import { PrivacyStore } from '../privacy/privacy-store';
import { SubscriptionService } from '../subscriptions/subscription-service';
import { TrustService } from '../trust/trust-service';
import { AttachmentStore } from './attachment-store';
import { ResumeStore } from './resume-store';

/** The seeker-side services of resume, trust, privacy and subscriptions, built once per server. */
export interface SeekerServices {
  resumes: ResumeStore;
  attachments: AttachmentStore;
  privacy: PrivacyStore;
  trust: TrustService;
  subscriptions: SubscriptionService;
}

const servicesByContext = new WeakMap<MockContext, SeekerServices>();

/**
 * The route files register separately (one line each in server.ts) but share these; keyed by the server's
 * context so two servers in one process (tests) never share state.
 */
export function seekerServices(ctx: MockContext): SeekerServices {
  let services = servicesByContext.get(ctx);
  if (!services) {
    services = {
      resumes: new ResumeStore(ctx.db),
      attachments: AttachmentStore.forDatabase(ctx.db),
      privacy: new PrivacyStore(ctx.db),
      trust: new TrustService(ctx.db, ctx.clock),
      subscriptions: new SubscriptionService(ctx.db, ctx.clock),
    };
    servicesByContext.set(ctx, services);
  }
  return services;
}
