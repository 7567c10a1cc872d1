import { callClockText, type CallState } from '../../../../services/contracts/rtc';
import { confirm } from '../../../../services/platform/dialog';
import { backTo, navigateBack } from '../../../../services/platform/navigation';
import { openSettings } from '../../../../services/platform/rtc';
import { bindView, unbindView } from '../../../../stores/bind';
import { interviewRoomStore as room } from '../../../../stores/interview-room';
import { CALL_PHASE_TEXT } from '../../../../view-models/interview-view';

const CHECK_TEXT = { pending: '检测中…', ok: '正常', failed: '异常' };

Page({
  data: {
    stage: 'loading',
    refusal: '',
    cameraText: '',
    cameraFailed: false,
    cameraMessage: '',
    networkText: '',
    networkFailed: false,
    checksPassed: false,
    phase: 'connecting',
    phaseText: '',
    peerReconnecting: false,
    callMessage: '',
    joinError: '',
    clockText: '',
    muted: false,
    cameraOn: true,
    over: false,
    retryButton: { layout: 'horizontal', list: [{ text: '返回', type: 'primary' }] },
    listButton: { layout: 'horizontal', list: [{ text: '查看我的面试', type: 'primary' }] },
  },
  clockTimer: null as ReturnType<typeof setInterval> | null,
  onLoad(query: Record<string, string | undefined>) {
    void room.open(query.id ?? '');
    bindView(this, () => {
      const phase = room.call.phase;
      return {
        stage: room.stage,
        refusal: room.refusal,
        cameraText: CHECK_TEXT[room.camera],
        cameraFailed: room.camera === 'failed',
        cameraMessage: room.cameraMessage,
        networkText:
          room.network === 'ok'
            ? `正常（${room.networkMs}ms）`
            : room.network === 'failed'
              ? room.networkMs
                ? `较慢（${room.networkMs}ms），画面可能卡顿`
                : '无法连接服务器'
              : CHECK_TEXT.pending,
        networkFailed: room.network === 'failed',
        checksPassed: room.checksPassed,
        phase,
        phaseText: CALL_PHASE_TEXT[phase],
        peerReconnecting: room.call.peer === 'reconnecting',
        callMessage: room.call.message,
        joinError: room.joinError,
        clockText: room.ticket ? callClockText(room.ticket, room.now(), { phase, startedAt: room.callStartedAt }) : '',
        muted: room.muted,
        cameraOn: room.cameraOn,
        over: phase === 'ended' || phase === 'failed',
      };
    });
    this.clockTimer = setInterval(() => room.tick(), 1000);
  },
  onUnload() {
    if (this.clockTimer) clearInterval(this.clockTimer);
    this.clockTimer = null;
    room.leave();
    unbindView(this);
  },
  /** The 返回 button (not named onBack: that is the page event the back arrow fires, which would pop twice). */
  onBackTap() {
    navigateBack();
  },
  onOpenList() {
    backTo('subpackages/interviews/pages/list/index');
  },
  onCameraReady() {
    room.cameraReady();
  },
  onCameraError(event: { detail?: { error?: number } }) {
    room.cameraFailed(Number(event.detail?.error ?? 1004));
  },
  onOpenSettings() {
    void openSettings();
  },
  onRetryNetwork() {
    void room.checkNetwork();
  },
  async onEnterTap() {
    if (!room.checksPassed) {
      const goOn = await confirm({
        title: '设备检测未通过',
        content: '摄像头、麦克风或网络有异常，面试中对方可能看不到或听不清你。仍要进入吗？',
        confirmButtonText: '仍要进入',
        cancelButtonText: '再检查一下',
      });
      if (!goOn) return;
    }
    void room.enter();
  },
  onStateChange(event: { detail: CallState }) {
    room.callChanged(event.detail);
  },
  onPluginError(event: { detail?: { errorMessage?: string } }) {
    room.callChanged({ ...room.call, phase: 'failed', message: event.detail?.errorMessage ?? '通话出错' });
  },
  onMuteTap() {
    room.toggleMute();
  },
  onCameraTap() {
    room.toggleCamera();
  },
  onSwitchTap() {
    room.switchCamera();
  },
  async onHangupTap() {
    const sure = await confirm({ title: '挂断', content: '确定结束这次视频面试吗？', confirmButtonText: '挂断' });
    if (sure) room.hangup();
  },
  onRejoinTap() {
    void room.enter();
  },
});
