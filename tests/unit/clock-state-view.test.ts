import type { Shift } from '../../services/contracts/onboarding';
import { toClockStateView } from '../../view-models/onboarding-view';

// 2026-12-07 20:00 China time.
const NOW = Date.parse('2026-12-07T12:00:00Z');

function shift(day: string, clockInAt: string, clockOutAt: string | null, workedMinutes: number | null): Shift {
  return {
    id: `sh_${clockInAt}`,
    applicationId: 'app_1',
    position: '仓库分拣员',
    company: '顺达物流',
    day,
    clockInAt,
    clockOutAt,
    workedMinutes,
    approvedMinutes: null,
    status: clockOutAt ? 'submitted' : 'working',
    rejectReason: null,
    payFen: null,
    orderId: null,
  } as Shift;
}

describe('toClockStateView', () => {
  it('offers 上班打卡 before any shift', () => {
    expect(toClockStateView([], NOW)).toEqual({ text: '', clockInLabel: '上班打卡' });
  });

  it("after today's clock-out says 今日已下班 and labels a further shift as such", () => {
    const shifts = [
      shift('2026-12-06', '2026-12-06T01:00:00Z', '2026-12-06T09:00:00Z', 480),
      shift('2026-12-07', '2026-12-07T01:00:00Z', '2026-12-07T09:30:00Z', 510),
    ];
    expect(toClockStateView(shifts, NOW)).toEqual({ text: '今日已下班 · 工作8小时30分', clockInLabel: '再次上班打卡' });
  });

  it("names the day of an earlier day's last shift and offers a plain 上班打卡", () => {
    const shifts = [shift('2026-12-06', '2026-12-06T01:00:00Z', '2026-12-06T09:00:00Z', 480)];
    expect(toClockStateView(shifts, NOW)).toEqual({ text: '12月6日 周日已下班 · 工作8小时', clockInLabel: '上班打卡' });
  });

  it('says nothing while a shift is under way', () => {
    expect(toClockStateView([shift('2026-12-07', '2026-12-07T01:00:00Z', null, null)], NOW).text).toBe('');
  });
});
