import { chinaDayStart } from '../../../services/contracts/onboarding';

/**
 * The offer's expiry the console sends: `validDays` from now, but never past the start of the first day
 * (the shared rule in offerDateErrors). A start date not yet a day keeps the days chosen; the rules name it.
 */
export function offerExpiry(values: { validDays: number; startDate: string | undefined }, now: number): string {
  const firstDay = chinaDayStart(values.startDate ?? '');
  const chosen = now + values.validDays * 86400 * 1000;
  return new Date(Number.isNaN(firstDay) ? chosen : Math.min(chosen, firstDay)).toISOString();
}
