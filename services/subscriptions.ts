import type { SubscribeRequest, SubscriptionConsentList } from './contracts/subscriptions';
import { authorizedRequest } from './api';

/** Records the one-time consents the seeker gave in Alipay's subscription sheet. */
export function recordSubscriptions(request: SubscribeRequest): Promise<SubscriptionConsentList> {
  return authorizedRequest<SubscriptionConsentList>({ method: 'POST', path: '/subscriptions', body: request });
}
