import { offerExpiry } from '../../console/src/widgets/offer-expiry';
import { offerDateErrors } from '../../services/contracts/onboarding';

/** 2026-12-08 10:00 in China. */
const NOW = Date.parse('2026-12-08T10:00:00+08:00');

describe('an offer is answered by the start of the first day', () => {
  it('refuses a start date of today or before, naming 入职日期', () => {
    const expiresAt = '2026-12-08T12:00:00+08:00';
    expect(offerDateErrors({ startDate: '2026-12-07', expiresAt }, NOW)).toEqual([
      { path: 'startDate', message: '入职日期不能早于今天' },
    ]);
    expect(offerDateErrors({ startDate: '2026-12-08', expiresAt }, NOW)).toEqual([
      { path: 'startDate', message: '入职日期最早为明天：求职者需要在入职前确认录用通知' },
    ]);
  });

  it('refuses an expiry after the first day begins, naming 有效期; up to its start is fine', () => {
    expect(offerDateErrors({ startDate: '2026-12-10', expiresAt: '2026-12-10T00:00:01+08:00' }, NOW)).toEqual([
      { path: 'expiresAt', message: '有效期不能晚于入职日期当天0点，请缩短有效期或推后入职日期' },
    ]);
    expect(offerDateErrors({ startDate: '2026-12-10', expiresAt: '2026-12-10T00:00:00+08:00' }, NOW)).toEqual([]);
  });

  it('the console keeps the days chosen, shortened to the first day when it comes sooner', () => {
    const iso = (at: string) => new Date(at).toISOString();
    expect(offerExpiry({ validDays: 3, startDate: '2026-12-15' }, NOW)).toBe(iso('2026-12-11T10:00:00+08:00'));
    expect(offerExpiry({ validDays: 3, startDate: '2026-12-09' }, NOW)).toBe(iso('2026-12-09T00:00:00+08:00'));
    // What the console sends passes the shared rule.
    for (const startDate of ['2026-12-09', '2026-12-10', '2026-12-30']) {
      const expiresAt = offerExpiry({ validDays: 7, startDate }, NOW);
      expect(offerDateErrors({ startDate, expiresAt }, NOW)).toEqual([]);
    }
    // A start date the rules will name keeps the days chosen rather than failing.
    expect(offerExpiry({ validDays: 1, startDate: '' }, NOW)).toBe(iso('2026-12-09T10:00:00+08:00'));
  });
});
