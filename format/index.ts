/** Every number and date a user sees is formatted here. */
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import relativeTime from 'dayjs/plugin/relativeTime';
import { formatSalary } from '../services/contracts/jobs';
export { formatDateTime } from '../services/contracts/date-time';
import {
  formatFen,
  formatMetres,
  formatMinutes,
  formatWorkDay,
  PAY_KIND_LABELS,
  type PayKind,
} from '../services/contracts/onboarding';

dayjs.extend(relativeTime);
dayjs.locale('zh-cn');

/** "8-12K·13薪", "200元/天": shared with the HR console, so it lives with the salary type. */
export { formatSalary };

const ACTIVE_JUST_NOW_MS = 5 * 60_000;

/** "刚刚活跃", "3小时前活跃", "2天前活跃" for an HR's last activity. */
export function formatLastActive(lastActiveAt: string, now: number = Date.now()): string {
  const at = dayjs(lastActiveAt);
  if (now - at.valueOf() < ACTIVE_JUST_NOW_MS) return '刚刚活跃';
  return `${at.from(dayjs(now)).replace(/\s+/g, '')}活跃`;
}

/** "回复率 85%" */
export function formatReplyRate(rate: number): string {
  return `回复率 ${Math.round(rate * 100)}%`;
}

/** Message times: "14:05" today, "昨天", "11月3日", "2025年11月3日". */
export function formatMessageTime(at: string, now: number = Date.now()): string {
  const time = dayjs(at);
  const today = dayjs(now);
  if (time.isSame(today, 'day')) return time.format('HH:mm');
  if (time.isSame(today.subtract(1, 'day'), 'day')) return '昨天';
  if (time.isSame(today, 'year')) return time.format('M月D日');
  return time.format('YYYY年M月D日');
}

/** Unread badges stop at 99+. */
export function formatCount(count: number): string {
  return count > 99 ? '99+' : String(count);
}

/** "2088****0001": an account id is never shown whole. */
export function maskUserId(userId: string): string {
  return userId.length > 8 ? `${userId.slice(0, 4)}****${userId.slice(-4)}` : userId;
}

/** "2026年11月加入" */
export function formatJoinedDate(createdAt: string): string {
  return `${dayjs(createdAt).format('YYYY年M月')}加入`;
}

/** "800m", "2.3km", "126km" */
export function formatDistance(km: number): string {
  if (km < 1) return `${Math.max(10, Math.round((km * 1000) / 10) * 10)}m`;
  return km < 100 ? `${Math.round(km * 10) / 10}km` : `${Math.round(km)}km`;
}

/**
 * When the employer is due to answer an application: "今天内反馈" when the deadline falls today, else
 * "预计3天内反馈" (whole days left, rounded up); "已超过预计反馈时间" once it has passed.
 */
export function formatRespondBy(respondBy: string, now: number = Date.now()): string {
  const due = dayjs(respondBy);
  const left = due.valueOf() - now;
  if (left <= 0) return '已超过预计反馈时间';
  if (due.isSame(dayjs(now), 'day')) return '今天内反馈';
  return `预计${Math.ceil(left / (24 * 60 * 60_000))}天内反馈`;
}

/** "HR回复率 85%": how often this employer answers applicants. */
export function formatEmployerReplyRate(rate: number): string {
  return `HR${formatReplyRate(rate)}`;
}

/** File sizes: "820B", "320KB", "1.2MB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes}B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)}KB`;
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10}MB`;
}

/** A text box's counter: "12/200". */
export function formatLengthCounter(length: number, max: number): string {
  return `${length}/${max}`;
}

// ---------------------------------------------------------------------------------------------------------
// Online resume

/** "2024-03" → "2024.03"; null → `present` ("至今", "在读"). */
export function formatMonth(month: string | null, present = '至今'): string {
  return month ? month.replace('-', '.') : present;
}

/** "2020.03 - 至今", "2016.09 - 2020.06". */
export function formatMonthRange(start: string, end: string | null, present = '至今'): string {
  return `${formatMonth(start)} - ${formatMonth(end, present)}`;
}

/** "1995年生" */
export function formatBirthYear(year: number): string {
  return `${year}年生`;
}

/** Year options of pickers: "1995年". */
export function formatYear(year: number): string {
  return `${year}年`;
}

/** "完成度 65%" */
export function formatCompleteness(score: number): string {
  return `完成度 ${Math.round(score)}%`;
}

/** "上传中 45%" */
export function formatUploadProgress(percent: number): string {
  return `上传中 ${Math.round(percent)}%`;
}

/** "2025年11月3日上传" */
export function formatUploadedAt(uploadedAt: string): string {
  return `${dayjs(uploadedAt).format('YYYY年M月D日')}上传`;
}

/** "2025年11月3日认证" */
export function formatVerifiedAt(verifiedAt: string): string {
  return `${dayjs(verifiedAt).format('YYYY年M月D日')}认证`;
}

/** Name for an image picked as an attachment resume (its temporary path has none): "简历图片-20251103-0930". */
export function formatUploadFileName(now: number = Date.now()): string {
  return `简历图片-${dayjs(now).format('YYYYMMDD-HHmm')}`;
}

/** "期望月薪 8-12K" */
export function formatExpectedSalary(min: number, max: number): string {
  return `期望月薪 ${formatSalary({ min, max, unit: 'month' })}`;
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** An interview slot: "12月9日 周三 14:00" (the year too when it is not this year's). */
export function formatInterviewTime(at: string, now: number = Date.now()): string {
  const time = dayjs(at);
  const day = time.isSame(dayjs(now), 'year') ? time.format('M月D日') : time.format('YYYY年M月D日');
  return `${day} ${WEEKDAYS[time.day()]} ${time.format('HH:mm')}`;
}

/** An offer's pay: "月薪 ¥8,000", "日结 ¥220.50/天" (cents only when there are some). */
export function formatOfferPay(payKind: PayKind, payFen: number): string {
  const amount = payFen % 100 === 0 ? formatFen(payFen).slice(0, -3) : formatFen(payFen);
  return `${PAY_KIND_LABELS[payKind]} ${amount}${payKind === 'daily' ? '/天' : ''}`;
}

/** Time until something: "2天3小时", "3小时20分钟", "12分钟", "45秒". */
export function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (days > 0) return hours > 0 ? `${days}天${hours}小时` : `${days}天`;
  if (hours > 0) return minutes > 0 ? `${hours}小时${minutes}分钟` : `${hours}小时`;
  if (minutes > 0) return `${minutes}分钟`;
  return `${seconds}秒`;
}

/** "面试爽约率 12%" from the seekers' answers, or '' before anyone answered. */
export function formatNoShowRate(rate: number | null): string {
  return rate === null ? '' : `面试爽约率 ${Math.round(rate * 100)}%`;
}

/** Money in fen, distances in metres and shift minutes: shared with the HR console, so they live with the contract. */
export { formatFen, formatMetres, formatMinutes, formatWorkDay };

/** "2026年12月" from '2026-12'. */
export function formatYearMonth(month: string): string {
  return `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
}

/** A length in seconds as the seeker reads it: "45秒", "3分钟", "1分30秒". */
export function formatSeconds(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return `${rest}秒`;
  return rest === 0 ? `${minutes}分钟` : `${minutes}分${rest}秒`;
}

/** A running recording: "0:07". */
export function formatClock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
