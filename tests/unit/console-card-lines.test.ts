import type { ChatMessage, MessageCard } from '../../services/contracts/conversations';
import { cardTitleForHr, lineForHr } from '../../console/src/chat/card-lines';

const interview = (step: Extract<MessageCard, { kind: 'interview' }>['step']): MessageCard => ({
  kind: 'interview',
  interviewId: '1',
  step,
  interviewKind: 'video',
  slots: [],
  interviewer: '王经理',
  lengthMinutes: 30,
});

const line = (text: string, card: MessageCard | null): Pick<ChatMessage, 'text' | 'card'> => ({ text, card });

describe('the console words cards for the HR', () => {
  it('titles interview cards by their step, not all 面试邀请', () => {
    expect(cardTitleForHr(interview('invited'))).toBe('面试邀请');
    expect(cardTitleForHr(interview('reinvited'))).toBe('再次面试邀请');
    expect(cardTitleForHr(interview('reschedule_proposed'))).toBe('求职者申请改期');
    expect(cardTitleForHr(interview('reschedule_confirmed'))).toBe('已确认改期');
  });

  it('titles the other kinds, and an unknown kind plainly', () => {
    expect(cardTitleForHr({ kind: 'consent_request', subject: 'phone' })).toBe('请求查看手机号');
    expect(cardTitleForHr({ kind: 'consent_answer', subject: 'attachment', agreed: false, requestSeq: 3 })).toBe(
      '求职者暂不提供附件简历',
    );
    expect(cardTitleForHr({ kind: 'status', status: 'submitted', note: null })).toBe('新的投递');
    expect(cardTitleForHr({ kind: 'status', status: 'viewed', note: null })).toBe('投递状态更新');
    expect(cardTitleForHr({ kind: 'future_kind' } as unknown as MessageCard)).toBe('系统通知');
  });

  it('tells the HR a seeker applied instead of 你投递了…，HR预计…', () => {
    const submitted = line('你投递了「仓库分拣员」，HR预计3天内反馈', {
      kind: 'status',
      status: 'submitted',
      note: 'HR预计3天内反馈',
    });
    expect(lineForHr(submitted)).toBe('求职者投递了这个职位，请尽快查看简历并回复');
  });

  it('words a status change from its card, so a seeker-worded text does not show', () => {
    const hired = line('你已在园区完成报到签到，欢迎入职！', { kind: 'status', status: 'hired', note: null });
    expect(lineForHr(hired)).toBe('投递状态更新为「已入职」');
  });

  it('keeps the text of lines whose card says nothing more (the HR’s own invitation)', () => {
    expect(lineForHr(line('邀请你参加视频面试', interview('invited')))).toBe('邀请你参加视频面试');
  });

  it('words the onboarding lines for the HR, not the seeker’s 你已接受… / 企业已会签…', () => {
    const onboarding = (
      step: 'offer_accepted' | 'contract_signed' | 'contract_reissued',
      reason: string | null = null,
    ) => ({ kind: 'onboarding', step, applicationId: '9', reason }) as MessageCard;
    const accepted = line('你已接受录用通知，请完成实名认证并签署电子合同', onboarding('offer_accepted'));
    const signed = line('企业已会签，电子合同签署完成。请按清单上传入职材料', onboarding('contract_signed'));
    const reissued = line(
      '企业撤销了合同（地址写错），已重新生成，请重新签署',
      onboarding('contract_reissued', '地址写错'),
    );
    expect([accepted, signed, reissued].map((message) => cardTitleForHr(message.card))).toEqual([
      '求职者已接受录用',
      '合同签署完成',
      '合同已重新生成',
    ]);
    expect([accepted, signed, reissued].map(lineForHr)).toEqual([
      '求职者已接受录用通知，待其完成实名认证并签署电子合同',
      '你已会签，电子合同签署完成，待求职者上传入职材料',
      '你已撤销合同（地址写错），新合同待求职者重新签署',
    ]);
  });
});
