/** Months as the resume keeps them ('YYYY-MM') and China-time calendar helpers. Only ES2017 built-ins here. */

/** 'YYYY-MM', China time. */
export type Month = string;

const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The 'YYYY-MM' month of `time` (ms) in China time. */
export function chinaMonthOf(time: number): Month {
  const date = new Date(time + CHINA_UTC_OFFSET_MS);
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The 'YYYY-MM-DD' day of `time` (ms) in China time. */
export function chinaDayOf(time: number): string {
  return new Date(time + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

export function chinaYearOf(time: number): number {
  return new Date(time + CHINA_UTC_OFFSET_MS).getUTCFullYear();
}

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isMonth(value: unknown): value is Month {
  return typeof value === 'string' && MONTH_PATTERN.test(value);
}

/** 'YYYY-MM' plus whole months; 'YYYY-MM' strings compare correctly as strings. */
export function addMonths(month: Month, months: number): Month {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
