import { backTo } from '../../../../services/platform/navigation';
import { retakesLeft } from '../../../../services/contracts/recorded-interviews';
import { bindView, unbindView } from '../../../../stores/bind';
import { PRACTICE_QUESTION, recordedInterviewStore, type RecordedStep } from '../../../../stores/recorded-interview';
import { formatClock } from '../../../../format';
import {
  recordedInterviewMeta,
  recordedInterviewRules,
  takeInfo,
  toRecordedQuestionView,
  type RecordedQuestionView,
} from '../../../../view-models/recorded-interview-view';

interface CheckView {
  name: string;
  state: 'pending' | 'ok' | 'failed';
  text: string;
}

/** Steps where the `<camera>` is on the page. */
const CAMERA_STEPS: RecordedStep[] = ['check', 'thinking', 'ready', 'recording'];
const QUESTION_STEPS: RecordedStep[] = ['thinking', 'ready', 'recording', 'preview', 'uploading', 'upload-failed'];

const data = {
  interviewId: '',
  step: 'loading' as RecordedStep,
  errorMessage: '',
  title: '',
  company: '',
  meta: '',
  rules: [] as string[],
  showCamera: false,
  cameraReady: false,
  checks: [] as CheckView[],
  storageFailed: false,
  deviceReady: false,
  practiceText: PRACTICE_QUESTION.text,
  practiceRecording: false,
  practiceVideo: '',
  answeredCount: 0,
  questionTotal: 0,
  question: null as RecordedQuestionView | null,
  notice: '',
  thinkingLeft: 0,
  recordingText: '0:00',
  videoPath: '',
  takeInfo: '',
  canRetake: false,
  uploadPercent: 0,
  doneMessage: '',
  closedMessage: '',
  skeletonParagraph: { rows: 3 },
  retryButton: { layout: 'horizontal', list: [{ text: '重新加载', type: 'primary' }] },
  listButton: { layout: 'horizontal', list: [{ text: '查看我的投递', type: 'primary' }] },
};

Page({
  data,
  timer: null as ReturnType<typeof setTimeout> | null,
  onLoad(query: Record<string, string | undefined>) {
    const interviewId = query.id ?? '';
    this.setData({ interviewId });
    bindView(this, () => {
      const store = recordedInterviewStore;
      const interview = store.interview;
      const question = store.question;
      const step = store.step;
      const inQuestion = QUESTION_STEPS.indexOf(step) >= 0 && question !== null;
      return {
        step,
        errorMessage: store.errorMessage,
        // The job title on a line of its own, whole; the company under it.
        title: interview?.jobTitle ?? '',
        company: interview?.companyName ?? '',
        meta: interview ? recordedInterviewMeta(interview) : '',
        rules: interview && step === 'rules' ? recordedInterviewRules(interview) : [],
        showCamera: CAMERA_STEPS.indexOf(step) >= 0 && store.camera !== 'failed',
        cameraReady: store.camera === 'ok',
        checks: [
          {
            name: '摄像头和麦克风',
            state: store.camera,
            text: store.camera === 'ok' ? '正常' : store.camera === 'failed' ? store.cameraMessage : '检测中…',
          },
          {
            name: '存储空间',
            state: store.storage,
            text: store.storage === 'ok' ? '充足' : store.storage === 'failed' ? store.storageMessage : '检测中…',
          },
        ],
        storageFailed: store.storage === 'failed',
        deviceReady: store.deviceReady,
        practiceRecording: store.practiceRecording,
        practiceVideo: store.practiceVideo?.path ?? '',
        answeredCount: store.answeredCount,
        questionTotal: interview?.questions.length ?? 0,
        question: inQuestion && question ? toRecordedQuestionView(question) : null,
        notice: store.notice,
        thinkingLeft: store.thinkingLeft,
        recordingText: formatClock(store.recordingSeconds),
        videoPath: store.video?.path ?? '',
        takeInfo: interview && question && store.video ? takeInfo(interview, question, store.video.durationMs) : '',
        canRetake: !!interview && !!question && retakesLeft(interview, question) > 0,
        uploadPercent: store.uploadPercent,
        doneMessage: interview ? `${interview.questions.length}道题已全部提交，HR查看后会在消息里联系你` : '',
        closedMessage: interview ? '已超过截止时间，未回答的题目不能再作答' : '',
      };
    });
    void recordedInterviewStore.open(interviewId);
  },
  onShow() {
    this.startTimer();
  },
  onHide() {
    this.stopTimer();
    // The camera stops when the page hides; a take in progress is dropped without spending a retake.
    void recordedInterviewStore.cameraStopped();
  },
  onUnload() {
    this.stopTimer();
    recordedInterviewStore.leave();
    unbindView(this);
  },
  /** Once a second, only while the page shows: the thinking countdown and the recording clock. */
  startTimer() {
    if (this.timer) return;
    const next = () => {
      this.timer = setTimeout(() => {
        recordedInterviewStore.tick();
        next();
      }, 1000);
    };
    next();
  },
  stopTimer() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  },
  onRetryLoad() {
    void recordedInterviewStore.open(this.data.interviewId);
  },
  onOpenList() {
    backTo('subpackages/applications/pages/list/index');
  },
  onStartCheck() {
    recordedInterviewStore.startCheck();
  },
  onCameraReady() {
    recordedInterviewStore.cameraReady();
  },
  onCameraError(event: { detail?: { error?: number; errorCode?: number } }) {
    recordedInterviewStore.cameraFailed(event.detail?.error ?? event.detail?.errorCode);
  },
  onCameraStop() {
    void recordedInterviewStore.cameraStopped();
  },
  onRetryStorage() {
    void recordedInterviewStore.checkStorage();
  },
  onPracticeTap() {
    if (recordedInterviewStore.practiceRecording) recordedInterviewStore.stopPractice();
    else void recordedInterviewStore.startPractice();
  },
  onBegin() {
    recordedInterviewStore.beginQuestions();
  },
  onRecordNow() {
    void recordedInterviewStore.record();
  },
  onStopRecording() {
    recordedInterviewStore.stopRecording();
  },
  onRetake() {
    void recordedInterviewStore.record();
  },
  onUpload() {
    void recordedInterviewStore.upload();
  },
});
