import './mobx-config';
import { makeAutoObservable, runInAction } from 'mobx';
import {
  unansweredQuestions,
  type RecordedInterview,
  type RecordedQuestion,
  type RecordedTake,
} from '../services/contracts/recorded-interviews';
import { UPLOAD_FILE_MISSING } from '../services/api';
import { ApiError } from '../services/http';
import { KeyedLateAnswers, LateAnswers } from './late-answers';
import { loadFailure } from './load-status';
import { messageOf } from './outcome';
import { cameraErrorMessage, CameraRecording, type RecordedVideo } from '../services/platform/camera';
import { readStorage, removeStorage, storageUsage, writeStorage } from '../services/platform/storage';
import {
  getRecordedInterview,
  interruptTake,
  listRecordedInterviews,
  startTake,
  uploadAnswer,
  type AnswerUpload,
} from '../services/recorded-interviews';

/** The `id` of the page's `<camera>`: recordings run on it. */
export const ANSWER_CAMERA_ID = 'answer-camera';
/** The practice take is never uploaded and never counts. */
export const PRACTICE_QUESTION = { text: '练习题：请用15秒钟介绍一下你自己（不会上传）', answerSeconds: 15 };
/** Device storage the interview needs to remember an answer across a restart. */
const STORAGE_NEEDED_KB = 64;

export type RecordedStep =
  | 'loading'
  | 'error'
  /** No such interview (withdrawn, or not this seeker's): reloading cannot help. */
  | 'missing'
  /** Rules and what to expect. */
  | 'rules'
  /** Camera and microphone (the camera's onReady / onError), storage, the practice question. */
  | 'check'
  /** The question and the thinking countdown. */
  | 'thinking'
  /** Waiting for the seeker to record again (after an interrupted take). */
  | 'ready'
  | 'recording'
  | 'preview'
  | 'uploading'
  | 'upload-failed'
  | 'done'
  /** Past the deadline with questions unanswered. */
  | 'closed';

export type DeviceCheck = 'pending' | 'ok' | 'failed';

/** An answer recorded but not yet uploaded, kept on the device so a restart uploads it again. */
type PendingAnswer = AnswerUpload;

const pendingKey = (interviewId: string) => `recorded-interview.pending.${interviewId}`;

/**
 * Answering one recorded interview: the steps above, takes counted by the server, the take in hand, its
 * upload, and what survives a restart (the server's answers; the pending upload on the device).
 */
export class RecordedInterviewStore {
  interviewId = '';
  interview: RecordedInterview | null = null;
  step: RecordedStep = 'loading';
  errorMessage = '';
  /** A one-line note above the question (an interrupted take, a lost file). */
  notice = '';
  camera: DeviceCheck = 'pending';
  cameraMessage = '';
  storage: DeviceCheck = 'pending';
  storageMessage = '';
  practiceRecording = false;
  practiceVideo: RecordedVideo | null = null;
  thinkingLeft = 0;
  recordingSeconds = 0;
  take: RecordedTake | null = null;
  video: RecordedVideo | null = null;
  uploadPercent = 0;
  /** Every interview sent to the seeker, for the entry on each application. */
  invites: RecordedInterview[] = [];
  private recording: CameraRecording | null = null;
  /** Reads of the interview lose to a newer open and to any write (a take, an upload) made since. */
  private readonly interviewAnswers = new LateAnswers();
  private readonly inviteAnswers = new LateAnswers();
  /** Per interview: a push supersedes what a list read begun before it says about that interview only. */
  private readonly invitePushes = new KeyedLateAnswers<string>();

  constructor() {
    makeAutoObservable<RecordedInterviewStore, 'recording' | 'interviewAnswers' | 'inviteAnswers' | 'invitePushes'>(
      this,
      {
        recording: false,
        interviewAnswers: false,
        inviteAnswers: false,
        invitePushes: false,
      },
    );
  }

  /** The question being answered: the first without an answer on the server. */
  get question(): RecordedQuestion | null {
    return this.interview ? (unansweredQuestions(this.interview)[0] ?? null) : null;
  }

  get answeredCount(): number {
    return this.interview ? this.interview.questions.length - unansweredQuestions(this.interview).length : 0;
  }

  get deviceReady(): boolean {
    return this.camera === 'ok' && this.storage === 'ok';
  }

  /** The interview sent for an application, if any. */
  inviteFor(applicationId: string): RecordedInterview | undefined {
    return this.invites.find((invite) => invite.applicationId === applicationId);
  }

  /** Lists the interviews sent to the seeker; on failure the entries shown stay (the next show retries). */
  async loadInvites(): Promise<void> {
    const isLatest = this.inviteAnswers.begin();
    const isFresh = this.invitePushes.observeAll();
    try {
      const { items } = await listRecordedInterviews();
      runInAction(() => {
        if (!isLatest()) return;
        // An interview pushed while the list was on its way keeps its pushed state; one sent meanwhile stays.
        const pushed = this.invites.filter((invite) => !isFresh(invite.id));
        const listed = new Set(items.map((invite) => invite.id));
        this.invites = [
          ...pushed.filter((invite) => !listed.has(invite.id)),
          ...items.map((item) => (isFresh(item.id) ? item : (pushed.find((p) => p.id === item.id) ?? item))),
        ];
      });
    } catch {
      // Only an entry point: the application itself still shows.
    }
  }

  /**
   * An interview the server pushed (sent, or answered elsewhere): the entry points follow it. The one being
   * answered here keeps its own state, which its takes and uploads keep current.
   */
  receive(interview: RecordedInterview): void {
    this.invitePushes.supersede(interview.id);
    const known = this.invites.some((invite) => invite.id === interview.id);
    // Newest first, as the list comes.
    this.invites = known
      ? this.invites.map((invite) => (invite.id === interview.id ? interview : invite))
      : [interview, ...this.invites];
  }

  /** Loads the interview; an upload a restart cut off goes again, answered questions are never asked again. */
  async open(interviewId: string): Promise<void> {
    this.reset(interviewId);
    const isLatest = this.interviewAnswers.begin();
    try {
      const interview = await getRecordedInterview(interviewId);
      if (!isLatest()) return;
      runInAction(() => {
        this.interview = interview;
      });
    } catch (error) {
      if (!isLatest()) return;
      runInAction(() => {
        const failure = loadFailure(error, '这场视频面试不存在，或已被撤回', '视频面试加载失败，请稍后重试');
        this.step = failure.status;
        this.errorMessage = failure.errorMessage;
      });
      return;
    }
    const pending = readStorage<PendingAnswer>(pendingKey(interviewId));
    const pendingQuestion = pending && this.interview?.questions.find((q) => q.id === pending.questionId);
    if (pending && pendingQuestion && pendingQuestion.answer === null) {
      runInAction(() => {
        this.take = { take: pending.take, retakesLeft: 0 };
        this.video = { path: pending.filePath, durationMs: pending.durationMs, sizeBytes: 0 };
      });
      await this.upload();
      return;
    }
    if (pending) removeStorage(pendingKey(interviewId));
    runInAction(() => {
      this.step = this.settledStep() ?? (this.answeredCount > 0 ? 'check' : 'rules');
    });
    if (this.step === 'check') void this.checkStorage();
  }

  /** From the rules to the device check. */
  startCheck(): void {
    this.step = 'check';
    void this.checkStorage();
  }

  cameraReady(): void {
    this.camera = 'ok';
    this.cameraMessage = '';
  }

  cameraFailed(code: number | undefined): void {
    this.camera = 'failed';
    this.cameraMessage = cameraErrorMessage(code);
    this.recording = null;
    this.practiceRecording = false;
  }

  async checkStorage(): Promise<void> {
    try {
      const { currentKb, limitKb } = await storageUsage();
      runInAction(() => {
        const ok = limitKb - currentKb >= STORAGE_NEEDED_KB;
        this.storage = ok ? 'ok' : 'failed';
        this.storageMessage = ok ? '' : '手机存储空间不足，无法保存答题进度：请清理支付宝缓存后重试';
      });
    } catch {
      runInAction(() => {
        this.storage = 'failed';
        this.storageMessage = '无法读取存储空间，请重试';
      });
    }
  }

  /** The practice question: recorded and played back here, never uploaded. */
  async startPractice(): Promise<void> {
    if (this.camera !== 'ok' || this.practiceRecording) return;
    const recording = new CameraRecording(ANSWER_CAMERA_ID);
    this.recording = recording;
    this.practiceRecording = true;
    this.practiceVideo = null;
    try {
      await recording.start(PRACTICE_QUESTION.answerSeconds);
      const video = await recording.finished;
      runInAction(() => {
        if (this.recording !== recording) return;
        this.practiceVideo = video;
        this.practiceRecording = false;
        this.recording = null;
      });
    } catch {
      runInAction(() => {
        if (this.recording !== recording) return;
        this.practiceRecording = false;
        this.recording = null;
        this.cameraMessage = '练习录制失败，可以再试一次';
      });
    }
  }

  stopPractice(): void {
    if (this.practiceRecording) this.recording?.stop();
  }

  /** From the device check to the first unanswered question. */
  beginQuestions(): void {
    if (!this.deviceReady || this.practiceRecording) return;
    this.askQuestion();
  }

  /** Once a second from the page while thinking or recording. */
  tick(): void {
    if (this.step === 'thinking') {
      this.thinkingLeft = Math.max(0, this.thinkingLeft - 1);
      if (this.thinkingLeft === 0) void this.record();
    } else if (this.step === 'recording') {
      this.recordingSeconds += 1;
    }
  }

  /**
   * Starts a take: the server counts it first (refusing more than allowed), then the camera records until
   * the answer's time limit or a tap on stop.
   */
  async record(): Promise<void> {
    const question = this.question;
    if (!question || (this.step !== 'thinking' && this.step !== 'ready' && this.step !== 'preview')) return;
    const interviewId = this.interviewId;
    this.step = 'recording';
    this.recordingSeconds = 0;
    this.notice = '';
    let take: RecordedTake;
    this.interviewAnswers.supersede();
    try {
      take = await startTake(interviewId, question.id);
    } catch (error) {
      runInAction(() => this.refused(error, this.video ? 'preview' : 'ready'));
      return;
    }
    if (this.step !== 'recording') {
      // The page hid while the take was being counted: give it straight back.
      await interruptTake(interviewId, question.id, take.take).catch(() => undefined);
      return;
    }
    const recording = new CameraRecording(ANSWER_CAMERA_ID);
    runInAction(() => {
      this.take = take;
      this.video = null;
      this.recording = recording;
      // The server counted it: what the preview says about retakes follows.
      question.takesUsed = take.take;
    });
    try {
      await recording.start(question.answerSeconds);
      const video = await recording.finished;
      runInAction(() => {
        if (this.recording !== recording) return;
        this.recording = null;
        this.video = video;
        this.step = 'preview';
      });
    } catch {
      if (this.recording === recording) await this.dropTake('录制失败，这次不计入重录次数，请重新录制');
    }
  }

  stopRecording(): void {
    if (this.step === 'recording') this.recording?.stop();
  }

  /**
   * The camera stopped because the page hid or the app left the foreground (`<camera onStop>`): the take
   * is dropped and given back, so recording again spends no retake.
   */
  async cameraStopped(): Promise<void> {
    if (this.practiceRecording) {
      this.practiceRecording = false;
      this.recording = null;
      return;
    }
    if (this.step !== 'recording') return;
    await this.dropTake('录制被中断（App切到了后台），这次不计入重录次数，请重新录制');
  }

  /** Sends the take in the preview; it is remembered on the device until the server has it. */
  async upload(): Promise<void> {
    const question = this.question;
    const take = this.take;
    const video = this.video;
    const pending =
      readStorage<PendingAnswer>(pendingKey(this.interviewId)) ??
      (question && take && video
        ? {
            interviewId: this.interviewId,
            questionId: question.id,
            take: take.take,
            filePath: video.path,
            durationMs: video.durationMs,
          }
        : null);
    if (!pending) return;
    writeStorage(pendingKey(this.interviewId), pending);
    this.step = 'uploading';
    this.uploadPercent = 0;
    this.errorMessage = '';
    try {
      const interview = await uploadAnswer(pending, (percent) => runInAction(() => (this.uploadPercent = percent)));
      removeStorage(pendingKey(this.interviewId));
      this.interviewAnswers.supersede();
      runInAction(() => {
        this.interview = interview;
        this.take = null;
        this.video = null;
        const settled = this.settledStep();
        if (settled) this.step = settled;
        // After a restart the camera has to come up again before the next question.
        else if (!this.deviceReady) this.startCheck();
        else this.askQuestion(submittedNotice(interview, pending.questionId));
      });
    } catch (error) {
      await this.uploadFailed(pending, error);
    }
  }

  /** Leaves the question screen (the page unloads): a recording in progress is dropped. */
  leave(): void {
    if (this.step === 'recording') void this.cameraStopped();
  }

  private async uploadFailed(pending: PendingAnswer, error: unknown): Promise<void> {
    const reason = error instanceof ApiError ? error.details.reason : undefined;
    if (error instanceof ApiError && error.details.platformError === UPLOAD_FILE_MISSING) {
      removeStorage(pendingKey(this.interviewId));
      runInAction(() => {
        this.video = null;
        this.take = { take: pending.take, retakesLeft: 0 };
        this.step = 'recording';
      });
      await this.dropTake('上次录好的视频已不在手机上，请重新录制（不计入重录次数）');
      return;
    }
    if (
      reason === 'already_answered' ||
      reason === 'deadline_passed' ||
      reason === 'stale_take' ||
      reason === 'application_ended'
    ) {
      removeStorage(pendingKey(this.interviewId));
      runInAction(() => this.refused(error, 'ready'));
      await this.reload();
      return;
    }
    runInAction(() => {
      this.step = 'upload-failed';
      this.errorMessage = messageOf(error, '上传失败，请重试');
    });
  }

  private async dropTake(notice: string): Promise<void> {
    const question = this.question;
    const take = this.take;
    runInAction(() => {
      this.recording = null;
      this.video = null;
      this.take = null;
      this.step = 'ready';
      this.notice = notice;
    });
    if (!question || !take) return;
    try {
      await interruptTake(this.interviewId, question.id, take.take);
    } catch {
      // The take stays counted on the server; the next take start says how many are left.
    }
    await this.reload();
  }

  private refused(error: unknown, back: RecordedStep): void {
    this.notice = messageOf(error, '操作失败，请重试');
    this.step = back;
  }

  private async reload(): Promise<void> {
    const isFresh = this.interviewAnswers.observe();
    try {
      const interview = await getRecordedInterview(this.interviewId);
      if (!isFresh()) return;
      runInAction(() => {
        this.interview = interview;
        const settled = this.settledStep();
        if (settled) this.step = settled;
      });
    } catch {
      // What is shown stays; the next action reloads again.
    }
  }

  /** notice: shown above the question until recording starts, e.g. that the last answer went in. */
  private askQuestion(notice = ''): void {
    const question = this.question;
    if (!question) {
      this.step = this.settledStep() ?? 'done';
      return;
    }
    this.take = null;
    this.video = null;
    this.notice = notice;
    this.thinkingLeft = question.thinkingSeconds;
    this.step = 'thinking';
    if (question.thinkingSeconds === 0) void this.record();
  }

  /** Done when every question has an answer; closed when the deadline passed first. */
  private settledStep(): RecordedStep | null {
    if (!this.interview) return null;
    if (this.interview.status === 'completed') return 'done';
    if (this.interview.status === 'expired') return 'closed';
    return null;
  }

  private reset(interviewId: string): void {
    this.interviewId = interviewId;
    this.interview = null;
    this.step = 'loading';
    this.errorMessage = '';
    this.notice = '';
    this.camera = 'pending';
    this.cameraMessage = '';
    this.storage = 'pending';
    this.storageMessage = '';
    this.practiceRecording = false;
    this.practiceVideo = null;
    this.take = null;
    this.video = null;
    this.uploadPercent = 0;
    this.recording = null;
  }
}

export const recordedInterviewStore = new RecordedInterviewStore();

/** "第1题已提交": the answer went in before the next question's countdown starts. */
function submittedNotice(interview: RecordedInterview, questionId: string): string {
  const index = interview.questions.findIndex((question) => question.id === questionId);
  return index < 0 ? '' : `第${index + 1}题已提交`;
}
