import { showToast, stopPullDownRefresh } from '../../../../services/platform/ui';
import { applicationsButton, leaveMissing } from '../../reload-onboarding';
import { bindView, unbindView } from '../../../../stores/bind';
import type { LoadStatus } from '../../../../stores/load-status';
import { onboardingStore } from '../../../../stores/onboarding';
import { formatYearMonth } from '../../../../format';
import {
  toClockStateView,
  toIncomeView,
  toShiftViews,
  type ClockStateView,
  type IncomeView,
  type ShiftView,
} from '../../../../view-models/onboarding-view';

const data = {
  applicationId: '',
  month: '',
  monthText: '',
  status: 'idle' as LoadStatus,
  loaded: false,
  shifts: [] as ShiftView[],
  workingShiftId: '',
  clockState: { text: '', clockInLabel: '上班打卡' } as ClockStateView,
  income: null as IncomeView | null,
  incomeError: '',
  clockError: '',
  errorMessage: '',
  clocking: false,
  /** Shifts start after the first-day check-in (已入职); before it the button waits with why. */
  checkedIn: false,
  skeletonParagraph: { rows: 6 },
  retryButton: { layout: 'horizontal', list: [{ text: '重新加载', type: 'primary' }] },
  applicationsButton,
};

/** This month's China month, 'YYYY-MM'. */
function currentMonth(now: number = Date.now()): string {
  return new Date(now + 8 * 3600 * 1000).toISOString().slice(0, 7);
}

/** 日结: clock in and out at the place, each shift's status and pay, this month's income and pay slips. */
Page({
  data,
  ...leaveMissing,
  onLoad(query: Record<string, string | undefined>) {
    const applicationId = query.applicationId ?? '';
    const month = currentMonth();
    this.setData({ applicationId, month, monthText: formatYearMonth(month) });
    bindView(this, () => {
      const entry = onboardingStore.entry(applicationId);
      const shifts = entry.onboarding?.shifts ?? [];
      const income = onboardingStore.incomeOf(month);
      return {
        status: entry.status,
        loaded: !!entry.onboarding,
        shifts: toShiftViews(shifts),
        workingShiftId: shifts.find((shift) => shift.status === 'working')?.id ?? '',
        clockState: toClockStateView(shifts),
        income: income.income ? toIncomeView(income.income) : null,
        incomeError: income.errorMessage,
        errorMessage: entry.errorMessage,
        clocking: entry.acting === 'clock-in' || entry.acting === 'clock-out',
        checkedIn: !!entry.onboarding?.checkIn,
      };
    });
  },
  onShow() {
    this.reload();
  },
  onUnload() {
    unbindView(this);
  },
  async onPullDownRefresh() {
    await Promise.all([onboardingStore.load(this.data.applicationId), onboardingStore.loadIncome(this.data.month)]);
    stopPullDownRefresh();
  },
  reload() {
    void onboardingStore.load(this.data.applicationId);
    void onboardingStore.loadIncome(this.data.month);
  },
  onRetry() {
    this.reload();
  },
  onRetryIncome() {
    void onboardingStore.loadIncome(this.data.month);
  },
  async onClockIn() {
    this.setData({ clockError: '' });
    const outcome = await onboardingStore.clockIn(this.data.applicationId);
    if (outcome.ok) showToast('上班打卡成功', 'success');
    else if (outcome.message) this.setData({ clockError: outcome.message });
  },
  async onClockOut() {
    this.setData({ clockError: '' });
    const outcome = await onboardingStore.clockOut(this.data.applicationId, this.data.workingShiftId);
    if (outcome.ok) showToast('下班打卡成功，等待HR审核工时', 'success');
    else if (outcome.message) this.setData({ clockError: outcome.message });
  },
});
