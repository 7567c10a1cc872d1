import type { InputRules, Rules } from './validation';
import { textRule } from './text';

/**
 * The recorded (one-way) video interview: the HR sets up to 5 questions for a job, sends them to an
 * applicant with a deadline, and the seeker answers each on camera when it suits them. Each answer is one
 * video; a question may be recorded again `retakes` times. The mock keeps the videos and the HR plays,
 * rates and decides from the console (or the autopilot does for an HR on autopilot).
 */

export const RECORDED_QUESTIONS_MAX = 5;
export const QUESTION_TEXT_MAX = 200;
export const THINKING_SECONDS_MAX = 60;
export const ANSWER_SECONDS_MIN = 15;
export const ANSWER_SECONDS_MAX = 180;
export const RETAKES_MAX = 2;
export const DEADLINE_DAYS_MAX = 14;
/** Each answer video is at most this many bytes. */
export const ANSWER_VIDEO_MAX_BYTES = 100 * 1024 * 1024;
/** The multipart field of the video in `my.uploadFile`. */
export const ANSWER_VIDEO_FIELD = 'file';
/** The formData field carrying the take's length as `startRecord` reported it (ms). */
export const ANSWER_DURATION_FIELD = 'durationMs';
export const RATING_MAX = 5;

export interface RecordedQuestionInput {
  text: string;
  /** Seconds to think before recording starts, 0–60. */
  thinkingSeconds: number;
  /** Longest answer, 15–180 s: the recording stops by itself then. */
  answerSeconds: number;
}

/** PUT /employer/jobs/:id/recorded-interview: the job's question set. */
export interface RecordedQuestionSetInput {
  questions: RecordedQuestionInput[];
  /** How many times each question may be recorded again, 0–2. */
  retakes: number;
}

export interface RecordedQuestionSet extends RecordedQuestionSetInput {
  jobId: string;
  /** ISO 8601; null before the HR saves one. */
  updatedAt: string | null;
}

const questionRules: Rules = {
  text: textRule('题目', { required: true, requiredMessage: '请填写题目', max: QUESTION_TEXT_MAX, multiline: true }),
  thinkingSeconds: {
    type: 'integer',
    required: true,
    min: 0,
    max: THINKING_SECONDS_MAX,
    message: `思考时间为0–${THINKING_SECONDS_MAX}秒`,
  },
  answerSeconds: {
    type: 'integer',
    required: true,
    min: ANSWER_SECONDS_MIN,
    max: ANSWER_SECONDS_MAX,
    message: `回答时长为${ANSWER_SECONDS_MIN}秒到${ANSWER_SECONDS_MAX / 60}分钟`,
  },
};

export const recordedQuestionSetRules: InputRules<RecordedQuestionSetInput> = {
  questions: {
    type: 'array',
    required: true,
    min: 1,
    max: RECORDED_QUESTIONS_MAX,
    message: `请设置1–${RECORDED_QUESTIONS_MAX}道题目`,
    defaultField: { type: 'object', required: true, message: '题目格式不正确', fields: questionRules },
  },
  retakes: {
    type: 'integer',
    required: true,
    min: 0,
    max: RETAKES_MAX,
    message: `重录次数为0–${RETAKES_MAX}次`,
  },
};

/** POST /employer/applications/:id/recorded-interview: sends the job's questions to the applicant. */
export interface SendRecordedInterviewRequest {
  /** Days the applicant has to answer, 1–14. */
  deadlineDays: number;
}

export const sendRecordedInterviewRules: InputRules<SendRecordedInterviewRequest> = {
  deadlineDays: {
    type: 'integer',
    required: true,
    min: 1,
    max: DEADLINE_DAYS_MAX,
    message: `截止时间为1–${DEADLINE_DAYS_MAX}天内`,
  },
};

export type RecordedInterviewStatus = 'pending' | 'completed' | 'expired';

export const RECORDED_INTERVIEW_STATUS_LABELS: Record<RecordedInterviewStatus, string> = {
  pending: '待作答',
  completed: '已完成',
  expired: '已过期',
};

export interface RecordedAnswer {
  /** ISO 8601 */
  uploadedAt: string;
  durationMs: number;
  sizeBytes: number;
  mimeType: AnswerVideoMimeType;
}

export interface RecordedQuestion extends RecordedQuestionInput {
  id: string;
  /** 1-based position. */
  index: number;
  /** Takes started so far (an interrupted take is given back). */
  takesUsed: number;
  answer: RecordedAnswer | null;
}

/** What the seeker sees: GET /recorded-interviews/:id. */
export interface RecordedInterview {
  id: string;
  applicationId: string;
  jobTitle: string;
  companyName: string;
  status: RecordedInterviewStatus;
  retakes: number;
  /** ISO 8601 */
  deadline: string;
  /** ISO 8601 */
  sentAt: string;
  /** ISO 8601 once every question has an answer. */
  completedAt: string | null;
  questions: RecordedQuestion[];
}

export interface RecordedInterviewList {
  items: RecordedInterview[];
}

/** POST /recorded-interviews/:id/questions/:questionId/takes → 201: a take may start recording. */
export interface RecordedTake {
  /** 1-based; the upload names it. */
  take: number;
  /** Retakes this question still allows after this one. */
  retakesLeft: number;
}

/** The employer's view of an answer: the video to play and the HR's rating. */
export interface EmployerRecordedQuestion extends RecordedQuestion {
  /** Path of the video on the mock (GET), null until answered. */
  videoUrl: string | null;
  /** 1–5, null until rated. */
  rating: number | null;
}

export interface EmployerRecordedInterview extends Omit<RecordedInterview, 'questions'> {
  questions: EmployerRecordedQuestion[];
  /** ISO 8601 when the autopilot reviewed it (HRs on autopilot); null otherwise. */
  reviewedAt: string | null;
}

/** PUT /employer/recorded-interviews/:id/questions/:questionId/rating */
export interface RateAnswerRequest {
  rating: number;
}

export const rateAnswerRules: InputRules<RateAnswerRequest> = {
  rating: { type: 'integer', required: true, min: 1, max: RATING_MAX, message: `评分为1–${RATING_MAX}分` },
};

/** Containers `startRecord` produces: MP4/MOV on phones, WebM from the simulator's MediaRecorder. */
export const ANSWER_VIDEO_TYPES = ['video/mp4', 'video/quicktime', 'video/webm'] as const;
export type AnswerVideoMimeType = (typeof ANSWER_VIDEO_TYPES)[number];

/** The video type the first bytes of a file show (ISO BMFF `ftyp` box, or the EBML header), or null. */
export function sniffVideoType(head: Uint8Array): AnswerVideoMimeType | null {
  if (head.length >= 4 && head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) {
    return 'video/webm';
  }
  if (head.length >= 12 && String.fromCharCode(head[4], head[5], head[6], head[7]) === 'ftyp') {
    return String.fromCharCode(head[8], head[9], head[10], head[11]) === 'qt  ' ? 'video/quicktime' : 'video/mp4';
  }
  return null;
}

export const WRONG_VIDEO_TYPE_MESSAGE = '视频格式不支持，请重新录制（支持MP4、MOV、WebM）';
export const VIDEO_TOO_LARGE_MESSAGE = `视频不能超过${ANSWER_VIDEO_MAX_BYTES / 1024 / 1024}MB，请缩短回答后重新录制`;

/** Unanswered questions in order: after a restart, the seeker is never asked an answered one again. */
export function unansweredQuestions(interview: Pick<RecordedInterview, 'questions'>): RecordedQuestion[] {
  return interview.questions.filter((question) => question.answer === null);
}

/** Retakes still allowed for a question before its next take starts (the first take is not a retake). */
export function retakesLeft(interview: Pick<RecordedInterview, 'retakes'>, question: RecordedQuestion): number {
  return Math.max(0, interview.retakes + 1 - Math.max(1, question.takesUsed));
}
