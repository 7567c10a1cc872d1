import dayjs from 'dayjs';

/** Times on a timeline or a list, app and console alike: "今天 14:05", "昨天 09:30", "11月3日 14:05", "2025年11月3日 14:05". */
export function formatDateTime(at: string, now: number = Date.now()): string {
  const time = dayjs(at);
  const today = dayjs(now);
  if (time.isSame(today, 'day')) return `今天 ${time.format('HH:mm')}`;
  if (time.isSame(today.subtract(1, 'day'), 'day')) return `昨天 ${time.format('HH:mm')}`;
  if (time.isSame(today, 'year')) return time.format('M月D日 HH:mm');
  return time.format('YYYY年M月D日 HH:mm');
}
