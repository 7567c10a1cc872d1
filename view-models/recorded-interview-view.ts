import {
  retakesLeft,
  unansweredQuestions,
  type RecordedInterview,
  type RecordedQuestion,
} from '../services/contracts/recorded-interviews';
import { formatDateTime, formatSeconds } from '../format';

export interface RecordedQuestionView {
  index: number;
  text: string;
  /** "思考30秒 · 最长回答1分30秒" */
  limits: string;
}

export function toRecordedQuestionView(question: RecordedQuestion): RecordedQuestionView {
  const thinking = question.thinkingSeconds > 0 ? `思考${formatSeconds(question.thinkingSeconds)} · ` : '';
  return {
    index: question.index,
    text: question.text,
    limits: `${thinking}最长回答${formatSeconds(question.answerSeconds)}`,
  };
}

/** "共3道题 · 12月10日 18:00前完成" */
export function recordedInterviewMeta(interview: RecordedInterview, now: number = Date.now()): string {
  return `共${interview.questions.length}道题 · ${formatDateTime(interview.deadline, now)}前完成`;
}

/** The rules shown before the device check. */
export function recordedInterviewRules(interview: RecordedInterview, now: number = Date.now()): string[] {
  const retakes = interview.retakes === 0 ? '每题只能录制一次，不能重录' : `每题最多可以重录${interview.retakes}次`;
  return [
    `共${interview.questions.length}道题，每题先有思考时间，倒计时结束后自动开始录制，也可以提前开始`,
    '每题录制到时间上限会自动停止，也可以随时点击结束',
    `${retakes}；录完可以先回看，满意后再提交`,
    '录制中切到后台，这一次作废且不计入重录次数',
    '已提交的回答不会再出现；中途退出后再进入，会从没答的题继续',
    `请在${formatDateTime(interview.deadline, now)}前完成全部作答`,
  ];
}

/** Under the preview: "时长 0:42 · 还可以重录1次". */
export function takeInfo(interview: RecordedInterview, question: RecordedQuestion, durationMs: number): string {
  const left = retakesLeft(interview, question);
  const seconds = Math.max(1, Math.round(durationMs / 1000));
  return `时长 ${formatSeconds(seconds)} · ${left > 0 ? `还可以重录${left}次` : '重录次数已用完'}`;
}

export interface RecordedInviteView {
  id: string;
  /** "待作答 · 还剩2题 · 12月10日 18:00截止" */
  text: string;
  action: string;
}

/** The entry on the application's page, or null when no interview was sent for it. */
export function toRecordedInviteView(
  interview: RecordedInterview | undefined,
  now: number = Date.now(),
): RecordedInviteView | null {
  if (!interview) return null;
  if (interview.status === 'completed') return { id: interview.id, text: '已完成，等待HR查看', action: '查看' };
  if (interview.status === 'expired') return { id: interview.id, text: '已截止', action: '查看' };
  const left = unansweredQuestions(interview).length;
  return {
    id: interview.id,
    text: `待作答 · 还剩${left}题 · ${formatDateTime(interview.deadline, now)}截止`,
    action: '去作答',
  };
}
