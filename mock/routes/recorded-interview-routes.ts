import fs from 'node:fs';
import path from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  ANSWER_DURATION_FIELD,
  ANSWER_SECONDS_MAX,
  ANSWER_VIDEO_FIELD,
  ANSWER_VIDEO_MAX_BYTES,
  rateAnswerRules,
  recordedQuestionSetRules,
  sendRecordedInterviewRules,
  type RecordedInterviewList,
} from '../../services/contracts/recorded-interviews';
import type { MockContext } from '../context';
import { invalidInput, notFound } from '../http/api-error';
import { validateInput } from '../http/validate-input';
import { parseId } from '../jobs/job-queries';
import { receiveVideo, videoFileError, videoTooLarge } from '../recorded-interviews/receive-video';
import type { ReceivedVideo } from '../recorded-interviews/recorded-interviews';
import { requireEmployer } from './employer-auth';

type QuestionParams = { Params: { id: string; questionId: string } };
type TakeParams = { Params: { id: string; questionId: string; take: string } };

/** Multipart failures other than size, naming the `file` field. */
function uploadError(error: unknown): Error {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return videoTooLarge();
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return videoFileError('请上传录制好的视频');
    case 'FST_FILES_LIMIT':
      return videoFileError('一次只能上传一段视频');
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return videoFileError('上传内容包含过多字段');
    default:
      return error instanceof Error && 'status' in error ? error : videoFileError('上传内容格式不正确，请重新上传');
  }
}

/** The recorded video interview: the seeker's answers (below) and the HR's questions, sending and review. */
export function registerRecordedInterviewRoutes(app: FastifyInstance, ctx: MockContext): void {
  const interviews = ctx.recordedInterviews;
  const user = (request: FastifyRequest) => ctx.tokens.requireUser(request.headers.authorization);
  const idOf = (raw: string, message: string) => {
    const id = parseId(raw);
    if (id === undefined) throw notFound(message);
    return id;
  };
  const ids = (params: { id: string; questionId: string }) => ({
    interviewId: idOf(params.id, '视频面试不存在'),
    questionId: idOf(params.questionId, '题目不存在'),
  });

  // ── the seeker ──

  app.get('/recorded-interviews', async (request): Promise<RecordedInterviewList> => ({
    items: interviews.listForUser(user(request)),
  }));

  app.get<{ Params: { id: string } }>('/recorded-interviews/:id', async (request) =>
    interviews.forUser(user(request), idOf(request.params.id, '视频面试不存在')),
  );

  app.post<QuestionParams>('/recorded-interviews/:id/questions/:questionId/takes', async (request, reply) => {
    const { interviewId, questionId } = ids(request.params);
    return reply.code(201).send(interviews.startTake(user(request), interviewId, questionId));
  });

  app.post<TakeParams>('/recorded-interviews/:id/questions/:questionId/takes/:take/interrupted', async (request) => {
    const { interviewId, questionId } = ids(request.params);
    return interviews.interruptTake(user(request), interviewId, questionId, idOf(request.params.take, '录制不存在'));
  });

  // Multipart parsing only where answers are uploaded.
  app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: ANSWER_VIDEO_MAX_BYTES, files: 1, fields: 3, fieldSize: 64, parts: 4 },
    });

    /**
     * `my.uploadFile({ name: 'file', formData: { durationMs } })` → 200 the interview. Everything that does
     * not depend on the bytes is checked before reading them; the video streams to disk.
     */
    scope.post<TakeParams>('/recorded-interviews/:id/questions/:questionId/takes/:take/video', async (request) => {
      const userId = user(request);
      const { interviewId, questionId } = ids(request.params);
      const take = idOf(request.params.take, '录制不存在');
      interviews.checkUpload(userId, interviewId, questionId, take);
      let video: Omit<ReceivedVideo, 'durationMs'> | undefined;
      let durationText: string | undefined;
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (part.fieldname === ANSWER_VIDEO_FIELD && !video) video = await receiveVideo(part, interviews.dir);
            else part.file.resume();
          } else if (part.fieldname === ANSWER_DURATION_FIELD && typeof part.value === 'string') {
            durationText = part.value;
          }
        }
      } catch (error) {
        if (video) fileGone(video.tempPath);
        throw uploadError(error);
      }
      if (!video) throw videoFileError('请上传录制好的视频');
      const durationMs = Number(durationText);
      if (!Number.isInteger(durationMs) || durationMs <= 0 || durationMs > (ANSWER_SECONDS_MAX + 5) * 1000) {
        fileGone(video.tempPath);
        throw invalidInput([{ path: ANSWER_DURATION_FIELD, message: '视频时长不正确，请重新录制' }]);
      }
      try {
        return interviews.saveAnswer(userId, interviewId, questionId, take, { ...video, durationMs });
      } finally {
        fileGone(video.tempPath);
      }
    });
  });

  // ── the employer (loopback only) ──

  app.get<{ Params: { id: string } }>('/employer/jobs/:id/recorded-interview', async (request) =>
    interviews.questionSet(requireEmployer(ctx, request), idOf(request.params.id, '职位不存在')),
  );

  app.put<{ Params: { id: string } }>('/employer/jobs/:id/recorded-interview', async (request) => {
    const hr = requireEmployer(ctx, request);
    const input = await validateInput(recordedQuestionSetRules, request.body, 'body');
    return interviews.saveQuestionSet(hr, idOf(request.params.id, '职位不存在'), input);
  });

  app.get<{ Params: { id: string } }>('/employer/applications/:id/recorded-interview', async (request) =>
    interviews.forApplication(requireEmployer(ctx, request), idOf(request.params.id, '投递记录不存在')),
  );

  app.post<{ Params: { id: string } }>('/employer/applications/:id/recorded-interview', async (request, reply) => {
    const hr = requireEmployer(ctx, request);
    const { deadlineDays } = await validateInput(sendRecordedInterviewRules, request.body, 'body');
    return reply.code(201).send(interviews.send(hr, idOf(request.params.id, '投递记录不存在'), deadlineDays));
  });

  app.put<QuestionParams>('/employer/recorded-interviews/:id/questions/:questionId/rating', async (request) => {
    const hr = requireEmployer(ctx, request);
    const { rating } = await validateInput(rateAnswerRules, request.body, 'body');
    const { interviewId, questionId } = ids(request.params);
    return interviews.rate(hr, interviewId, questionId, rating);
  });

  /**
   * The answer video, with Range support so the console's player can seek. A `<video>` cannot send headers,
   * so the HR token may come as `?token=` here (loopback only, like every employer route).
   */
  app.get<QuestionParams & { Querystring: { token?: string } }>(
    '/employer/recorded-interviews/:id/questions/:questionId/video',
    async (request, reply) => {
      const { interviewId, questionId } = ids(request.params);
      if (!request.headers.authorization && typeof request.query.token === 'string') {
        request.headers.authorization = `Bearer ${request.query.token}`;
      }
      const video = interviews.videoFile(requireEmployer(ctx, request), interviewId, questionId);
      return reply.sendFile(path.basename(video.file), path.dirname(video.file), { cacheControl: false });
    },
  );
}

/** A temporary file that was renamed into place is already gone; one that was refused is removed. */
function fileGone(tempPath: string): void {
  fs.rmSync(tempPath, { force: true });
}
