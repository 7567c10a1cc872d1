import { APPLICATION_STATUS_LABELS } from '../../../services/contracts/applications';
import {
  CONSENT_SUBJECT_LABELS,
  type ChatMessage,
  type InterviewCardStep,
  type MessageCard,
  type OnboardingCardStep,
} from '../../../services/contracts/conversations';

/**
 * What a card or a platform line says to the HR. Cards carry a `text` written for the seeker ("你投递了…");
 * where the card tells what happened, the HR reads a line of their own.
 */

const INTERVIEW_TITLES: Record<InterviewCardStep, string> = {
  invited: '面试邀请',
  reinvited: '再次面试邀请',
  reschedule_proposed: '求职者申请改期',
  reschedule_confirmed: '已确认改期',
};

const ONBOARDING_TITLES: Record<OnboardingCardStep, string> = {
  offer_accepted: '求职者已接受录用',
  contract_signed: '合同签署完成',
  contract_reissued: '合同已重新生成',
};

const CARD_TITLES: Record<string, string> = {
  status: '投递状态更新',
  offer: '录用通知',
  recorded_interview: '录制面试',
};
const DEFAULT_CARD_TITLE = '系统通知';

/** The card's title for the HR. A kind this console does not know yet still gets a plain title. */
export function cardTitleForHr(card: MessageCard | null): string {
  if (!card) return DEFAULT_CARD_TITLE;
  switch (card.kind) {
    case 'consent_request':
      return `请求查看${CONSENT_SUBJECT_LABELS[card.subject]}`;
    case 'consent_answer': {
      const label = CONSENT_SUBJECT_LABELS[card.subject];
      return card.agreed ? `求职者已同意分享${label}` : `求职者暂不提供${label}`;
    }
    case 'interview':
      return INTERVIEW_TITLES[card.step] ?? INTERVIEW_TITLES.invited;
    case 'status':
      return card.status === 'submitted' ? '新的投递' : CARD_TITLES.status;
    case 'onboarding':
      return ONBOARDING_TITLES[card.step] ?? DEFAULT_CARD_TITLE;
    default:
      return CARD_TITLES[card.kind] ?? DEFAULT_CARD_TITLE;
  }
}

/** The line the HR reads for a message: the message's own text unless its card tells what happened. */
export function lineForHr(message: Pick<ChatMessage, 'text' | 'card'>): string {
  const card = message.card;
  if (card?.kind === 'status') {
    if (card.status === 'submitted') return '求职者投递了这个职位，请尽快查看简历并回复';
    const label = APPLICATION_STATUS_LABELS[card.status];
    return card.note ? `投递状态更新为「${label}」：${card.note}` : `投递状态更新为「${label}」`;
  }
  if (card?.kind === 'onboarding') {
    switch (card.step) {
      case 'offer_accepted':
        return '求职者已接受录用通知，待其完成实名认证并签署电子合同';
      case 'contract_signed':
        return '你已会签，电子合同签署完成，待求职者上传入职材料';
      case 'contract_reissued':
        return `你已撤销合同（${card.reason ?? '未写明原因'}），新合同待求职者重新签署`;
    }
  }
  return message.text;
}
