import { SUBSCRIBE_TEMPLATES_PER_CALL } from '../contracts/subscriptions';

/** What `my.requestSubscribeMessage` hands to `success` (the parts the app reads). */
interface SubscribeAnswer {
  behavior?: '' | 'subscribe' | 'cancel';
  result?: { subscribedEntityIds?: string[]; subscribeEntityIds?: string[] };
  [entityId: string]: unknown;
}

/**
 * Alipay's subscription sheet for up to three one-time templates. Resolves with the template ids the
 * seeker accepted: [] when they refuse, close the sheet, or the client cannot show it. Consent is optional,
 * so this never rejects.
 */
export function requestSubscribeMessage(templateIds: readonly string[]): Promise<string[]> {
  if (templateIds.length === 0) return Promise.resolve([]);
  if (templateIds.length > SUBSCRIBE_TEMPLATES_PER_CALL) {
    return Promise.reject(new Error(`requestSubscribeMessage takes at most ${SUBSCRIBE_TEMPLATES_PER_CALL} ids`));
  }
  return new Promise((resolve) => {
    try {
      my.requestSubscribeMessage({
        entityIds: [...templateIds],
        success: (answer: SubscribeAnswer) => resolve(acceptedIds(answer, templateIds)),
        fail: () => resolve([]),
      });
    } catch {
      // Older clients lack the API: applying works without notifications.
      resolve([]);
    }
  });
}

function acceptedIds(answer: SubscribeAnswer, asked: readonly string[]): string[] {
  if (answer.behavior === 'cancel') return [];
  const listed = answer.result?.subscribedEntityIds ?? answer.result?.subscribeEntityIds;
  // Some clients answer per id (`{ [id]: 'accept' | 'reject' }`) instead of the result lists.
  const accepted = listed ?? asked.filter((id) => answer[id] === 'accept');
  return asked.filter((id) => accepted.indexOf(id) >= 0);
}
