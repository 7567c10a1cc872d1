import type { MessageCard } from '../../services/contracts/conversations';
import type { CardSubjects } from '../../view-models/chat-card-view';
import { threadContext, toChatMessageView, type ThreadMessage } from '../../view-models/chat-view';

const NOW = Date.UTC(2026, 11, 7, 2, 0);
const nothingLoaded: CardSubjects = {
  interview: () => undefined,
  offer: () => undefined,
  recordedInterview: () => undefined,
  interviewActing: () => false,
  offerActing: () => false,
  failed: false,
};

describe('onboarding lines in the seeker’s chat', () => {
  it('read as the platform’s plain lines, worded for the seeker, though they carry a card for the HR', () => {
    const lines: ThreadMessage[] = [
      ['你已接受录用通知，请完成实名认证并签署电子合同', 'offer_accepted', null],
      ['企业撤销了合同（地址写错），已重新生成，请重新签署', 'contract_reissued', '地址写错'],
    ].map(([text, step, reason], index) => ({
      key: `s${index + 1}`,
      seq: index + 1,
      from: 'system',
      text: text as string,
      card: { kind: 'onboarding', step, applicationId: '9', reason } as MessageCard,
      sentAt: new Date(NOW).toISOString(),
      clientId: null,
    }));
    const context = threadContext(lines, nothingLoaded, NOW);
    const views = lines.map((message) => toChatMessageView(message, null, context, NOW));
    expect(views.map((view) => [view.side, view.text, view.cardKind, view.cardTitle])).toEqual([
      ['system', '你已接受录用通知，请完成实名认证并签署电子合同', '', ''],
      ['system', '企业撤销了合同（地址写错），已重新生成，请重新签署', '', ''],
    ]);
  });
});
