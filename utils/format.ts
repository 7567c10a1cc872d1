/** Every number and date a user sees is formatted here. */
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import relativeTime from 'dayjs/plugin/relativeTime';
import type { Salary } from '../services/contracts/jobs';

dayjs.extend(relativeTime);
dayjs.locale('zh-cn');

/** 8000 → "8", 8500 → "8.5" (thousands, one decimal at most). */
function thousands(yuan: number): string {
  return String(Math.round(yuan / 100) / 10);
}

/** "8-12K·13薪", "200元/天", "150-200元/天", "25元/时". */
export function formatSalary(salary: Salary): string {
  if (salary.unit === 'month') {
    const range =
      salary.min === salary.max ? thousands(salary.min) : `${thousands(salary.min)}-${thousands(salary.max)}`;
    const months = salary.months && salary.months > 12 ? `·${salary.months}薪` : '';
    return `${range}K${months}`;
  }
  const suffix = salary.unit === 'day' ? '元/天' : '元/时';
  const range = salary.min === salary.max ? `${salary.min}` : `${salary.min}-${salary.max}`;
  return `${range}${suffix}`;
}

const ACTIVE_JUST_NOW_MS = 5 * 60_000;

/** "刚刚活跃", "3小时前活跃", "2天前活跃" for an HR's last activity. */
export function formatLastActive(lastActiveAt: string, now: number = Date.now()): string {
  const at = dayjs(lastActiveAt);
  if (now - at.valueOf() < ACTIVE_JUST_NOW_MS) return '刚刚活跃';
  return `${at.from(dayjs(now)).replace(/\s+/g, '')}活跃`;
}

/** How long an HR may be silent before their jobs count as likely unattended. */
export const HR_INACTIVE_AFTER_DAYS = 14;

export function isLongInactive(lastActiveAt: string, now: number = Date.now()): boolean {
  return now - dayjs(lastActiveAt).valueOf() > HR_INACTIVE_AFTER_DAYS * 86_400_000;
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
