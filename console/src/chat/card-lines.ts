import { APPLICATION_STATUS_LABELS } from '../../../services/contracts/applications';
import {
  CONSENT_SUBJECT_LABELS,
  type ChatMessage,
  type InterviewCardStep,
  type MessageCard,
} from '../../../services/contracts/conversations';

/**
 * What a card or a platform line says to the HR. Cards carry a `text` written for the seeker ("你投递了…",
 * "请提高警惕"); where the card tells what happened, the HR reads a line of their own.
 */

const INTERVIEW_TITLES: Record<InterviewCardStep, string> = {
  invited: '面试邀请',
  reinvited: '再次面试邀请',
  reschedule_proposed: '求职者申请改期',
  reschedule_confirmed: '已确认改期',
};

const CARD_TITLES: Record<string, string> = {
  status: '投递状态更新',
  offer: '录用通知',
  recorded_interview: '录制面试',
  scam_warning: '平台安全提醒',
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
  if (card?.kind === 'scam_warning') {
    const why = card.flags.map((flag) => flag.reason.split('：')[0]).join('、');
    return `平台已提醒求职者警惕上面这条消息（${why}）。招聘方不得向求职者收取任何费用，也不得扣押或索要证件`;
  }
  return message.text;
}
