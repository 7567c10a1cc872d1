import type { ApplicationService } from '../applications/application-service';
import type { RealtimeHub } from './hub';

/**
 * Tells the consoles of a company about each application to its jobs as it arrives or changes (by the
 * seeker, the autopilot, or another HR), with the application as that company sees it.
 */
export function feedEmployers(applications: ApplicationService, employerHub: RealtimeHub): void {
  applications.onChange(({ applicationId, created }) => {
    const companyId = applications.store.companyOf(applicationId);
    if (companyId === undefined || employerHub.connectionCountOf(String(companyId)) === 0) return;
    const application = applications.store.employerView(applicationId);
    if (!application) return;
    employerHub.sendToUser(String(companyId), {
      type: created ? 'application.created' : 'application.updated',
      application,
    });
  });
}
