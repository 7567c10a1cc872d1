import { QuietText } from '../../../../components/quiet-text';
import { MAX_SLOTS, OFFERED_SLOT_MESSAGE, offeredSlotErrors } from '../../../../services/contracts/interviews';
import { openLocation } from '../../../../services/platform/location';
import { backTo, navigateTo } from '../../../../services/platform/navigation';
import { makePhoneCall } from '../../../../services/platform/phone';
import { showToast, stopPullDownRefresh } from '../../../../services/platform/ui';
import { bindView, unbindView } from '../../../../stores/bind';
import { interviewsStore, type InterviewAction } from '../../../../stores/interviews';
import type { LoadStatus } from '../../../../stores/load-status';
import { formatInterviewTime } from '../../../../format';
import {
  proposeWheelColumns,
  slotOfWheel,
  toInterviewDetailView,
  type InterviewDetailView,
} from '../../../../view-models/interview-view';

const DECLINE_REASONS = [
  { text: '时间冲突', value: '时间冲突，无法参加' },
  { text: '已找到工作', value: '已接受其他工作机会' },
  { text: '岗位不合适', value: '考虑后觉得岗位不太合适' },
];
const YES_NO = [
  { text: '是', value: 'yes' },
  { text: '否', value: 'no' },
];

Page({
  data: {
    id: '',
    status: 'idle' as LoadStatus,
    interview: null as InterviewDetailView | null,
    errorMessage: '',
    acting: '' as InterviewAction | '',
    reminderConsents: 0,
    pickedSlot: '',
    declineVisible: false,
    declineReasons: DECLINE_REASONS,
    declinePreset: '',
    declineText: '',
    declineError: '',
    proposeVisible: false,
    proposeColumns: [] as { label: string; value: string }[][],
    proposedSlots: [] as { value: string; text: string }[],
    proposeError: '',
    yesNo: YES_NO,
    tookPlace: '',
    interviewerCame: '',
    feedbackError: '',
    skeletonParagraph: { rows: 6 },
    retryButton: { layout: 'horizontal', list: [{ text: '重新加载', type: 'primary' }] },
    listButton: { layout: 'horizontal', list: [{ text: '查看我的面试', type: 'primary' }] },
  },
  declineBox: null as QuietText | null,
  countdownTimer: null as ReturnType<typeof setInterval> | null,
  /** The answer the page was opened for, opened once the interview is loaded (if still allowed). */
  openingAnswer: '' as 'decline' | 'propose' | '',
  /** `answer=decline|propose` (from the chat card's 拒绝 / 申请改期) opens that answer once loaded. */
  onLoad(query: Record<string, string | undefined>) {
    const id = query.id ?? '';
    this.setData({ id });
    this.declineBox = new QuietText(this, 'declineText');
    if (query.answer === 'decline' || query.answer === 'propose') this.openingAnswer = query.answer;
    bindView(this, () => {
      const entry = interviewsStore.entry(id);
      return {
        status: entry.status,
        interview: entry.interview ? toInterviewDetailView(entry.interview, interviewsStore.now()) : null,
        errorMessage: entry.errorMessage,
        acting: entry.acting,
        reminderConsents: entry.reminderConsents,
      };
    });
  },
  onShow() {
    void this.loadAndOpenAnswer();
    this.stopCountdown();
    this.countdownTimer = setInterval(() => interviewsStore.tick(), 1000);
  },
  /** Loads the interview; the answer the page was opened for opens only if the interview still allows it. */
  async loadAndOpenAnswer() {
    await interviewsStore.loadDetail(this.data.id);
    const answer = this.openingAnswer;
    const interview = this.data.interview;
    if (!answer || !interview) return;
    this.openingAnswer = '';
    if (answer === 'decline' && interview.canDecline) this.onDeclineTap();
    else if (answer === 'propose' && interview.canPropose) this.onProposeTap();
    else showToast(`这场面试${interview.statusText}，不能再${answer === 'decline' ? '拒绝' : '申请改期'}`);
  },
  onHide() {
    this.stopCountdown();
  },
  onUnload() {
    this.stopCountdown();
    unbindView(this);
  },
  async onPullDownRefresh() {
    await interviewsStore.loadDetail(this.data.id);
    stopPullDownRefresh();
  },
  onRetry() {
    void interviewsStore.loadDetail(this.data.id);
  },
  onOpenList() {
    backTo('subpackages/interviews/pages/list/index');
  },
  onSlotChange(value: string | undefined) {
    this.setData({ pickedSlot: value ?? '' });
  },
  async onAcceptTap() {
    const { pickedSlot, id } = this.data;
    if (!pickedSlot) return showToast('请先选择一个面试时间');
    const failure = await interviewsStore.accept(id, pickedSlot);
    if (failure) return showToast(failure, 'fail');
    showToast(`已接受，${formatInterviewTime(pickedSlot, interviewsStore.now())}见`, 'success');
    // A reminder needs its own consent; asked right after the seeker committed to a time.
    const reminder = await interviewsStore.subscribeReminder(id);
    if (reminder.ok) showToast(reminder.message, 'success');
  },
  onDeclineTap() {
    this.setData({ declineVisible: true, declineError: '' });
  },
  onDeclineClose() {
    this.setData({ declineVisible: false });
  },
  onDeclinePresetChange(value: string | undefined) {
    this.setData({ declinePreset: value ?? '', declineError: '' });
  },
  onDeclineInput(event: { detail: { value: string } }) {
    this.declineBox?.typedIn(event.detail.value);
  },
  async onDeclineSubmit() {
    const typed = this.declineBox?.text.trim() ?? '';
    const reason = [this.data.declinePreset, typed].filter(Boolean).join('；');
    if (!reason) return this.setData({ declineError: '请选择或填写拒绝的原因' });
    const failure = await interviewsStore.decline(this.data.id, reason);
    // The popup stays open with what was typed when sending fails.
    if (failure) return this.setData({ declineError: failure });
    this.setData({ declineVisible: false });
    showToast('已告知HR', 'success');
  },
  onProposeTap() {
    this.setData({
      proposeVisible: true,
      proposeError: '',
      proposeColumns: proposeWheelColumns(interviewsStore.now()),
    });
  },
  onProposeClose() {
    this.setData({ proposeVisible: false });
  },
  onProposePick(value: string[]) {
    if (!Array.isArray(value) || value.length < 2) return;
    const slot = slotOfWheel(value);
    const { proposedSlots } = this.data;
    if (proposedSlots.some((item) => item.value === slot))
      return this.setData({ proposeError: '这个时间已经添加过了' });
    const offered = interviewsStore.entry(this.data.id).interview?.slots ?? [];
    if (offeredSlotErrors([slot], offered).length) return this.setData({ proposeError: OFFERED_SLOT_MESSAGE });
    if (proposedSlots.length >= MAX_SLOTS) return this.setData({ proposeError: `最多提供${MAX_SLOTS}个时间` });
    const next = proposedSlots.concat({ value: slot, text: formatInterviewTime(slot, interviewsStore.now()) });
    next.sort((a, b) => Date.parse(a.value) - Date.parse(b.value));
    this.setData({ proposedSlots: next, proposeError: '' });
  },
  onProposedRemove(event: { currentTarget: { dataset: { value?: string } } }) {
    const { value } = event.currentTarget.dataset;
    this.setData({ proposedSlots: this.data.proposedSlots.filter((item) => item.value !== value) });
  },
  async onProposeSubmit() {
    const slots = this.data.proposedSlots.map((item) => item.value);
    if (!slots.length) return this.setData({ proposeError: '请至少添加一个你方便的时间' });
    const failure = await interviewsStore.propose(this.data.id, slots);
    if (failure) return this.setData({ proposeError: failure });
    this.setData({ proposeVisible: false, proposedSlots: [] });
    showToast('已发给HR确认', 'success');
  },
  onAddressTap() {
    const interview = interviewsStore.entry(this.data.id).interview;
    if (!interview?.location) return;
    openLocation({
      latitude: interview.location.latitude,
      longitude: interview.location.longitude,
      name: interview.company.name,
      address: interview.address ?? '',
    }).catch(() => showToast('无法打开地图，请复制地址后在地图中搜索', 'fail'));
  },
  onPhoneTap() {
    const phone = interviewsStore.entry(this.data.id).interview?.phone;
    if (phone) makePhoneCall(phone).catch(() => showToast('无法拨打电话，请手动拨打', 'fail'));
  },
  async onRemindTap() {
    const answer = await interviewsStore.subscribeReminder(this.data.id);
    if (answer.message) showToast(answer.message, answer.ok ? 'success' : 'none');
  },
  onRoomTap() {
    if (this.data.interview?.roomOpen) navigateTo('subpackages/interviews/pages/room/index', { id: this.data.id });
  },
  onTookPlaceChange(value: string | undefined) {
    this.setData({ tookPlace: value ?? '', feedbackError: '' });
  },
  onInterviewerCameChange(value: string | undefined) {
    this.setData({ interviewerCame: value ?? '', feedbackError: '' });
  },
  async onFeedbackSubmit() {
    const { tookPlace, interviewerCame } = this.data;
    if (!tookPlace || !interviewerCame) return this.setData({ feedbackError: '请回答两个问题' });
    const failure = await interviewsStore.feedback(this.data.id, {
      tookPlace: tookPlace === 'yes',
      interviewerCame: interviewerCame === 'yes',
    });
    if (failure) return this.setData({ feedbackError: failure });
    showToast('感谢反馈', 'success');
  },
  stopCountdown() {
    if (this.countdownTimer) clearInterval(this.countdownTimer);
    this.countdownTimer = null;
  },
});
