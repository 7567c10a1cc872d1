import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { phoneAuthorizationRules } from '../../services/contracts/phone';
import {
  ATTACHMENT_FIELD_NAME,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_NAME_FIELD,
} from '../../services/contracts/resume-attachments';
import {
  createEducationRules,
  createResumeBasicRules,
  createWorkExperienceRules,
  MAINLAND_MOBILE_PATTERN,
  resumeExpectationsRules,
  resumeSelfIntroRules,
  resumeSkillsRules,
} from '../../services/contracts/resume-rules';
import type { InputRules } from '../../services/contracts/validation';
import type { MockContext } from '../context';
import { invalidInput, notFound } from '../http/api-error';
import { requireLoopback } from '../http/loopback-guard';
import { validateInput } from '../http/validate-input';
import { parseId } from '../jobs/job-queries';
import { PhonePayloadError, readPhoneNumber } from '../phone/alipay-phone';
import { encryptPhonePayload, MOCK_PHONE_KEYS } from '../phone/test-keys';
import { attachmentTooLarge } from '../resume/attachment-store';
import { seekerServices } from '../resume/seeker-services';

type WithId = { Params: { id: string } };

const phonePayloadRules: InputRules<{ mobile: string }> = {
  mobile: { type: 'string', required: true, pattern: MAINLAND_MOBILE_PATTERN, message: '请输入11位中国大陆手机号' },
};

/** Multipart failures as the app can show them: always naming the `file` field. */
function uploadError(error: unknown): Error {
  const code = (error as { code?: string }).code;
  const fileError = (message: string) => invalidInput([{ path: ATTACHMENT_FIELD_NAME, message }]);
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return attachmentTooLarge();
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return fileError('请选择要上传的附件简历');
    case 'FST_FILES_LIMIT':
      return fileError('一次只能上传一个附件');
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return fileError('上传内容包含过多字段');
    default:
      return fileError('上传内容格式不正确，请重新上传');
  }
}

/** The owner's online resume: every write validates with the shared rules and answers the whole resume. */
export function registerResumeRoutes(app: FastifyInstance, ctx: MockContext): void {
  const { resumes, attachments } = seekerServices(ctx);
  const now = () => ctx.clock.now();
  const basicRules = createResumeBasicRules(now);
  const workRules = createWorkExperienceRules(now);
  const educationRules = createEducationRules(now);
  const user = (request: FastifyRequest) => ctx.tokens.requireUser(request.headers.authorization);
  const body = <T>(rules: InputRules<T>, request: FastifyRequest) => validateInput(rules, request.body, 'body');
  const idOf = (raw: string, message: string) => {
    const id = parseId(raw);
    if (id === undefined) throw notFound(message);
    return id;
  };

  app.get('/resume', async (request) => resumes.resume(user(request), now()));

  app.put('/resume/basic', async (request) => {
    const userId = user(request);
    resumes.updateBasic(userId, await body(basicRules, request), now());
    return resumes.resume(userId, now());
  });

  app.put('/resume/expectations', async (request) => {
    const userId = user(request);
    resumes.updateExpectations(userId, await body(resumeExpectationsRules, request), now());
    return resumes.resume(userId, now());
  });

  app.post('/resume/work-experiences', async (request, reply) => {
    const userId = user(request);
    resumes.addWorkExperience(userId, await body(workRules, request), now());
    return reply.code(201).send(resumes.resume(userId, now()));
  });

  app.put<WithId>('/resume/work-experiences/:id', async (request) => {
    const userId = user(request);
    const id = idOf(request.params.id, '工作经历不存在');
    resumes.updateWorkExperience(userId, id, await body(workRules, request), now());
    return resumes.resume(userId, now());
  });

  app.delete<WithId>('/resume/work-experiences/:id', async (request) => {
    const userId = user(request);
    resumes.deleteWorkExperience(userId, idOf(request.params.id, '工作经历不存在'), now());
    return resumes.resume(userId, now());
  });

  app.post('/resume/educations', async (request, reply) => {
    const userId = user(request);
    resumes.addEducation(userId, await body(educationRules, request), now());
    return reply.code(201).send(resumes.resume(userId, now()));
  });

  app.put<WithId>('/resume/educations/:id', async (request) => {
    const userId = user(request);
    const id = idOf(request.params.id, '教育经历不存在');
    resumes.updateEducation(userId, id, await body(educationRules, request), now());
    return resumes.resume(userId, now());
  });

  app.delete<WithId>('/resume/educations/:id', async (request) => {
    const userId = user(request);
    resumes.deleteEducation(userId, idOf(request.params.id, '教育经历不存在'), now());
    return resumes.resume(userId, now());
  });

  app.put('/resume/skills', async (request) => {
    const userId = user(request);
    resumes.setSkills(userId, (await body(resumeSkillsRules, request)).skills, now());
    return resumes.resume(userId, now());
  });

  app.put('/resume/self-intro', async (request) => {
    const userId = user(request);
    resumes.setSelfIntro(userId, (await body(resumeSelfIntroRules, request)).selfIntro, now());
    return resumes.resume(userId, now());
  });

  /** `my.getPhoneNumber()`'s response: verified, decrypted, stored as a verified number. */
  app.post('/resume/phone', async (request) => {
    const userId = user(request);
    const { response } = await body(phoneAuthorizationRules, request);
    let mobile: string;
    try {
      mobile = readPhoneNumber(response, MOCK_PHONE_KEYS);
    } catch (error) {
      if (error instanceof PhonePayloadError) throw invalidInput([{ path: 'response', message: error.message }]);
      throw error;
    }
    resumes.setVerifiedPhone(userId, mobile, now());
    return resumes.resume(userId, now());
  });

  /** For the browser simulator, which has no node:crypto: a payload the mock accepts. Loopback only. */
  app.post('/__admin/phone-payload', async (request) => {
    requireLoopback(request);
    const { mobile } = await body(phonePayloadRules, request);
    return { response: encryptPhonePayload(mobile) };
  });

  app.get('/resume/attachments', async (request) => ({ items: attachments.list(user(request)) }));

  app.delete<WithId>('/resume/attachments/:id', async (request) => {
    const userId = user(request);
    attachments.delete(userId, idOf(request.params.id, '附件简历不存在'), now());
    return { items: attachments.list(userId) };
  });

  // Multipart parsing only where uploads go, so no other route accepts multipart bodies.
  app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
    });

    /** `my.uploadFile({ name: 'file', formData: { fileName } })` → 201 ResumeAttachment. */
    scope.post('/resume/attachments', async (request, reply) => {
      const userId = user(request);
      let upload: { fileName: string; bytes: Buffer } | undefined;
      let displayName: string | undefined;
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (part.fieldname === ATTACHMENT_FIELD_NAME && !upload) {
              upload = { fileName: part.filename, bytes: await part.toBuffer() };
            } else {
              part.file.resume();
            }
          } else if (part.fieldname === ATTACHMENT_NAME_FIELD && typeof part.value === 'string') {
            displayName = part.value;
          }
        }
      } catch (error) {
        throw uploadError(error);
      }
      if (!upload) throw invalidInput([{ path: ATTACHMENT_FIELD_NAME, message: '请选择要上传的附件简历' }]);
      const fileName = displayName?.trim() ? displayName : upload.fileName;
      const saved = attachments.save(userId, { fileName, bytes: upload.bytes }, now());
      return reply.code(201).send(saved);
    });
  });
}
