/** Every number and date the console shows is formatted here (salaries with the contract's formatSalary). */
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';

dayjs.locale('zh-cn');

import { formatSalary } from '../../services/contracts/jobs';
export { formatDateTime } from '../../services/contracts/date-time';
import { formatFen, formatMetres, formatMinutes } from '../../services/contracts/onboarding';

export { formatSalary, formatFen, formatMetres, formatMinutes };

/** Today in China as 'YYYY-MM-DD' (an offer's default start date). */
export function chinaToday(now: number = Date.now()): string {
  return new Date(now + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** "2020.03 - 至今", "2016.09 - 2020.06". */
export function formatMonthRange(start: string, end: string | null, present = '至今'): string {
  const month = (value: string) => value.replace('-', '.');
  return `${month(start)} - ${end ? month(end) : present}`;
}

/** "1995年生" */
export function formatBirthYear(year: number): string {
  return `${year}年生`;
}

/** "820B", "320KB", "1.2MB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes}B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)}KB`;
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10}MB`;
}

/** "2025年11月3日上传" */
export function formatUploadedAt(uploadedAt: string): string {
  return `${dayjs(uploadedAt).format('YYYY年M月D日')}上传`;
}

/** "8-12K" for a seeker's expected monthly pay. */
export function formatExpectedSalary(min: number, max: number): string {
  return formatSalary({ min, max, unit: 'month' });
}

/** "匹配度 80%": how well an application's resume fits its job. */
export function formatMatchScore(score: number): string {
  return `匹配度 ${score}%`;
}

/** "需在2天内处理", "今天内需处理", "已超时": how long an HR has left before an application closes itself. */
export function formatHandleBy(respondBy: string, now: number = Date.now()): string {
  const due = dayjs(respondBy);
  const left = due.valueOf() - now;
  if (left <= 0) return '已超时';
  if (due.isSame(dayjs(now), 'day')) return '今天内需处理';
  return `需在${Math.ceil(left / (24 * 60 * 60_000))}天内处理`;
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** An interview slot: "12月9日 周三 14:00". */
export function formatInterviewTime(at: string): string {
  const time = dayjs(at);
  return `${time.format('M月D日')} ${WEEKDAYS[time.day()]} ${time.format('HH:mm')}`;
}

/** A video's length: "0:42", "2:05". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
