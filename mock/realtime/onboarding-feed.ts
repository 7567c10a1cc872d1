import type { OnboardingService } from '../onboarding/onboarding-service';
import type { RealtimeHub } from './hub';

/** After every onboarding change, both sides get the whole state again: the seeker, and the company's consoles. */
export function feedOnboarding(onboarding: OnboardingService, hub: RealtimeHub, employerHub: RealtimeHub): void {
  onboarding.onChange((party) => {
    if (hub.connectionCountOf(party.userId) > 0) {
      hub.sendToUser(party.userId, {
        type: 'onboarding.updated',
        onboarding: onboarding.view(party.applicationId, { seeker: party.userId }),
      });
    }
    const company = String(party.companyId);
    if (employerHub.connectionCountOf(company) > 0) {
      employerHub.sendToUser(company, {
        type: 'onboarding.updated',
        onboarding: onboarding.view(party.applicationId, { hr: { hrId: 0, companyId: party.companyId } }),
      });
    }
  });
}
