import { MESSAGE_TEXT_MAX } from '../../../../services/contracts/chat-text';
import { visibleLength } from '../../../../services/contracts/text';
import type { ConsentSubject } from '../../../../services/contracts/conversations';
import { confirm, prompt } from '../../../../services/platform/dialog';
import { navigateTo, switchTab } from '../../../../services/platform/navigation';
import { showToast } from '../../../../services/platform/ui';
import { bindView, unbindView } from '../../../../stores/bind';
import { chatStore } from '../../../../stores/chat';
import type { LoadStatus } from '../../../../stores/load-status';
import { quickRepliesStore } from '../../../../stores/quick-replies';
import type { RealtimeState } from '../../../../stores/chat';
import { interviewsStore } from '../../../../stores/interviews';
import { onboardingStore } from '../../../../stores/onboarding';
import {
  threadContext,
  toChatHeaderView,
  toChatMessageView,
  type ChatHeaderView,
  type ChatMessageView,
} from '../../../../view-models/chat-view';
import type { CardAction } from '../../../../view-models/chat-card-view';
import { formatInterviewTime, formatLengthCounter } from '../../../../format';

const CONNECTION_TEXT: Partial<Record<RealtimeState, string>> = {
  connecting: '正在连接…',
  waiting: '连接已断开，正在重连…',
  paused: '网络不可用，消息将在恢复后自动发送',
};

/** Card states that depend on the time (an invitation expiring, the video room opening) move on this often. */
const CARD_CLOCK_MS = 30 * 1000;

const INTERVIEW_DETAIL = 'subpackages/interviews/pages/detail/index';

/** The counter shows once the draft gets near the limit. */
const COUNTER_FROM = MESSAGE_TEXT_MAX - 100;

const data = {
  id: '',
  status: 'idle' as LoadStatus,
  errorMessage: '',
  header: null as ChatHeaderView | null,
  messages: [] as ChatMessageView[],
  hasOlder: false,
  loadingOlder: false,
  olderError: '',
  scrollTarget: '',
  connectionText: '',
  draft: '',
  draftCounter: '',
  draftTooLong: false,
  quickOpen: false,
  manageOpen: false,
  quickReplies: [] as string[],
  retryButton: { layout: 'horizontal', list: [{ text: '重新加载', type: 'primary' }] },
  messagesButton: { layout: 'horizontal', list: [{ text: '查看全部消息', type: 'primary' }] },
};

Page({
  data,
  onLoad(query: Record<string, string | undefined>) {
    const id = query.id ?? '';
    // Fixed for the visit, so lines already shown never change and a new message crosses alone.
    const openedAt = Date.now();
    this.setData({ id });
    bindView(this, () => {
      const thread = chatStore.thread(id);
      const lines = chatStore.messages(id);
      const context = threadContext(lines, chatStore.cardSubjects(id), interviewsStore.now());
      const last = lines[lines.length - 1];
      const hrActiveAt = chatStore.hrLastActiveAt(id);
      return {
        status: thread?.status ?? 'loading',
        errorMessage: thread?.errorMessage ?? '',
        header: thread?.summary && hrActiveAt ? toChatHeaderView(thread.summary, hrActiveAt, openedAt) : null,
        messages: lines.map((line) => toChatMessageView(line, chatStore.deliveryState(id, line), context, openedAt)),
        hasOlder: thread?.hasOlder ?? false,
        loadingOlder: thread?.loadingOlder ?? false,
        olderError: thread?.olderError ?? '',
        // The end of the list, renamed whenever the last line changes, so the view scrolls to it then only.
        scrollTarget: last ? `bottom-${last.key}-${last.seq ?? 'pending'}` : 'bottom',
        connectionText: CONNECTION_TEXT[chatStore.connection] ?? '',
        quickReplies: quickRepliesStore.items.slice(),
      };
    });
  },
  cardClock: null as ReturnType<typeof setInterval> | null,
  onShow() {
    chatStore.setVisible(this.data.id);
    this.stopCardClock();
    this.cardClock = setInterval(() => interviewsStore.tick(), CARD_CLOCK_MS);
    // First show, or back from the background or another page: opens, or catches up on what came meanwhile
    // (and loads again if another conversation was opened before this one's answer came).
    void chatStore.open(this.data.id);
  },
  onHide() {
    chatStore.setVisible(null);
    this.stopCardClock();
  },
  onUnload() {
    chatStore.setVisible(null);
    this.stopCardClock();
    unbindView(this);
  },
  stopCardClock() {
    if (this.cardClock) clearInterval(this.cardClock);
    this.cardClock = null;
  },
  onRetry() {
    void chatStore.open(this.data.id);
  },
  onOpenMessages() {
    switchTab('pages/messages/index');
  },
  onLoadOlder() {
    void chatStore.loadOlder(this.data.id);
  },
  onDraftChange(value: string) {
    const length = visibleLength(value);
    this.setData({
      draft: value,
      draftCounter: length >= COUNTER_FROM ? formatLengthCounter(length, MESSAGE_TEXT_MAX) : '',
      draftTooLong: length > MESSAGE_TEXT_MAX,
    });
  },
  onSend(value?: string) {
    const text = typeof value === 'string' ? value : this.data.draft;
    const problem = chatStore.send(this.data.id, text);
    // What was typed stays in the box when it cannot be sent.
    if (problem) showToast(problem, 'fail');
    else this.setData({ draft: '', draftCounter: '', draftTooLong: false, quickOpen: false });
  },
  onResend(event: { currentTarget: { dataset: { clientId: string } } }) {
    chatStore.retry(this.data.id, event.currentTarget.dataset.clientId);
  },
  onToggleQuick() {
    this.setData({ quickOpen: !this.data.quickOpen });
  },
  onUseQuickReply(event: { currentTarget: { dataset: { text: string } } }) {
    this.onSend(event.currentTarget.dataset.text);
  },
  onManageQuickReplies() {
    this.setData({ manageOpen: true });
  },
  onCloseManage() {
    this.setData({ manageOpen: false });
  },
  async onAddQuickReply() {
    const text = await prompt({ title: '添加常用语', placeholder: '最多100个字' });
    if (text === null) return;
    const problem = quickRepliesStore.add(text);
    showToast(problem ?? '已添加', problem ? 'fail' : 'success');
  },
  async onEditQuickReply(event: { currentTarget: { dataset: { index: number } } }) {
    const index = Number(event.currentTarget.dataset.index);
    const text = await prompt({
      title: '编辑常用语',
      message: quickRepliesStore.items[index],
      placeholder: '输入新的内容',
    });
    if (text === null) return;
    const problem = quickRepliesStore.edit(index, text);
    showToast(problem ?? '已保存', problem ? 'fail' : 'success');
  },
  async onDeleteQuickReply(event: { currentTarget: { dataset: { index: number } } }) {
    const index = Number(event.currentTarget.dataset.index);
    const confirmed = await confirm({ title: '删除常用语', content: quickRepliesStore.items[index] ?? '' });
    if (!confirmed) return;
    const problem = quickRepliesStore.remove(index);
    if (problem) showToast(problem, 'fail');
  },
  onMoveUp(event: { currentTarget: { dataset: { index: number } } }) {
    const problem = quickRepliesStore.move(Number(event.currentTarget.dataset.index), -1);
    if (problem) showToast(problem, 'fail');
  },
  async answer(subject: ConsentSubject, agreed: boolean, requestSeq?: number) {
    const failure = await chatStore.answerConsent(this.data.id, { subject, agreed, requestSeq });
    if (failure) showToast(failure, 'fail');
  },
  async onAgree(event: { currentTarget: { dataset: { seq: number; subject: ConsentSubject } } }) {
    const { seq, subject } = event.currentTarget.dataset;
    await this.answer(subject, true, Number(seq));
  },
  async onDecline(event: { currentTarget: { dataset: { seq: number; subject: ConsentSubject } } }) {
    const { seq, subject } = event.currentTarget.dataset;
    await this.answer(subject, false, Number(seq));
  },
  async onShareAttachment() {
    const confirmed = await confirm({
      title: '发送附件简历',
      content: '将把你最新上传的附件简历发送给这位HR。',
      confirmButtonText: '发送',
    });
    if (confirmed) await this.answer('attachment', true);
  },
  async onSharePhone() {
    const confirmed = await confirm({
      title: '交换手机号',
      content: '同意后，这位HR可以看到你的完整手机号并联系你。',
      confirmButtonText: '同意发送',
      cancelButtonText: '暂不',
    });
    if (confirmed) await this.answer('phone', true);
  },
  async onReport(event: { currentTarget: { dataset: { seq: number } } }) {
    const failure = await chatStore.report(
      this.data.id,
      Number(event.currentTarget.dataset.seq),
      '疑似诈骗：平台安全提醒',
    );
    showToast(failure ?? '已举报，平台会尽快核实处理', failure ? 'fail' : 'success');
  },
  async onBlockFromWarning() {
    if (!this.data.header?.blocked) await this.onToggleBlock();
  },
  async onToggleBlock() {
    const blocked = !this.data.header?.blocked;
    if (blocked) {
      const confirmed = await confirm({
        title: '屏蔽该HR',
        content: '屏蔽后对方将无法再给你发消息，你可以随时取消屏蔽。',
        confirmButtonText: '屏蔽',
      });
      if (!confirmed) return;
    }
    const failure = await chatStore.setBlocked(this.data.id, blocked);
    showToast(failure ?? (blocked ? '已屏蔽' : '已取消屏蔽'), failure ? 'fail' : 'success');
  },
  onOpenJob() {
    if (this.data.header) navigateTo('subpackages/job/pages/detail/index', { id: this.data.header.jobId });
  },
  onOpenApplication() {
    if (this.data.header)
      navigateTo('subpackages/applications/pages/detail/index', { id: this.data.header.applicationId });
  },
  /** 接受 one of an invitation's times right on its card; the reminder consent is asked right after, as on the interview page. */
  async onCardSlot(event: { currentTarget: { dataset: { subject: string; value: string } } }) {
    const { subject, value } = event.currentTarget.dataset;
    const interview = interviewsStore.entry(subject).interview;
    if (!interview) return;
    const time = formatInterviewTime(value, interviewsStore.now());
    const confirmed = await confirm({
      title: '接受面试',
      content: `${time}，面试官${interview.interviewer}`,
      confirmButtonText: '接受',
    });
    if (!confirmed) return;
    const failure = await interviewsStore.accept(subject, value);
    if (failure) return showToast(failure, 'fail');
    showToast(`已接受，${time}见`, 'success');
    const reminder = await interviewsStore.subscribeReminder(subject);
    if (reminder.ok) showToast(reminder.message, 'success');
  },
  async onCardAction(event: { currentTarget: { dataset: { action: CardAction; subject: string } } }) {
    const { action, subject } = event.currentTarget.dataset;
    switch (action) {
      case 'decline-interview':
        return navigateTo(INTERVIEW_DETAIL, { id: subject, answer: 'decline' });
      case 'propose-interview':
        return navigateTo(INTERVIEW_DETAIL, { id: subject, answer: 'propose' });
      case 'open-interview':
        return navigateTo(INTERVIEW_DETAIL, { id: subject });
      case 'enter-room':
        return navigateTo('subpackages/interviews/pages/room/index', { id: subject });
      case 'answer-recorded':
        return navigateTo('subpackages/recorded-interview/pages/answer/index', { id: subject });
      case 'open-offer':
        return navigateTo('subpackages/onboarding/pages/offer/index', { applicationId: subject });
      case 'accept-offer':
        return this.acceptOffer(subject);
      case 'reload-cards':
        return chatStore.loadCardStates(this.data.id);
    }
  },
  async acceptOffer(applicationId: string) {
    const offer = onboardingStore.entry(applicationId).onboarding?.offer;
    if (!offer) return;
    const confirmed = await confirm({
      title: '接受录用通知',
      content: `${offer.company} · ${offer.position}。接受后请完成实名认证并签署电子合同。`,
      confirmButtonText: '接受',
    });
    if (!confirmed) return;
    const outcome = await onboardingStore.accept(applicationId);
    if (!outcome.ok) {
      if (outcome.message) showToast(outcome.message, 'fail');
      return;
    }
    showToast('已接受录用通知', 'success');
  },
});
