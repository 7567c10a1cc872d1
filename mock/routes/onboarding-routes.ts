import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  certifyInitializeRules,
  declineOfferRules,
  DOCUMENT_FIELD,
  DOCUMENT_KINDS,
  DOCUMENT_MAX_BYTES,
  geoPointRules,
  incomeQueryRules,
  signContractRules,
  type DocumentKind,
} from '../../services/contracts/onboarding';
import type { InputRules } from '../../services/contracts/validation';
import type { MockContext } from '../context';
import { invalidInput, notFound } from '../http/api-error';
import { validateInput } from '../http/validate-input';
import { parseId } from '../jobs/job-queries';

type WithId = { Params: { id: string } };

/** JPG, PNG or PDF, told by content (a renamed file is refused). */
export function documentMime(bytes: Buffer): string | undefined {
  if (bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return undefined;
}

/** The seeker's side after the offer: offer, real-name check, contract, checklist, first day, shifts, income. */
export function registerOnboardingRoutes(app: FastifyInstance, ctx: MockContext): void {
  const { onboarding, shifts } = ctx;
  const user = (request: FastifyRequest) => ctx.tokens.requireUser(request.headers.authorization);
  const body = <T>(rules: InputRules<T>, request: FastifyRequest) => validateInput(rules, request.body, 'body');
  const idOf = (raw: string, message: string) => {
    const id = parseId(raw);
    if (id === undefined) throw notFound(message);
    return id;
  };

  app.get<WithId>('/applications/:id/onboarding', async (request) =>
    onboarding.view(idOf(request.params.id, '投递记录不存在'), { seeker: user(request) }),
  );

  app.post<WithId>('/offers/:id/accept', async (request) =>
    onboarding.acceptOffer(user(request), idOf(request.params.id, '录用通知不存在')),
  );

  app.post<WithId>('/offers/:id/decline', async (request) => {
    const userId = user(request);
    const { reason } = await body(declineOfferRules, request);
    return onboarding.declineOffer(userId, idOf(request.params.id, '录用通知不存在'), reason.trim());
  });

  /** alipay.user.certify.open.initialize + certify: the app opens the answer with startBizService. */
  app.post('/certify/initialize', async (request, reply) => {
    const userId = user(request);
    const { certName, certNo } = await body(certifyInitializeRules, request);
    return reply.code(201).send(onboarding.initializeCertify(userId, certName, certNo));
  });

  /** alipay.user.certify.open.query */
  app.get<{ Params: { certifyId: string } }>('/certify/:certifyId', async (request) =>
    onboarding.queryCertify(user(request), request.params.certifyId),
  );

  app.get<{ Params: { flowId: string } }>('/contracts/:flowId', async (request) =>
    onboarding.viewContract(request.params.flowId, { seeker: user(request) }),
  );

  app.post<{ Params: { flowId: string } }>('/contracts/:flowId/sign', async (request) => {
    const userId = user(request);
    const { signaturePng, certifyId } = await body(signContractRules, request);
    return onboarding.sign(userId, request.params.flowId, certifyId, Buffer.from(signaturePng, 'base64'));
  });

  app.get<{ Params: { flowId: string } }>('/contracts/:flowId/proof', async (request) =>
    onboarding.proof(request.params.flowId, { seeker: user(request) }),
  );

  app.get<{ Params: { flowId: string } }>('/contracts/:flowId/file', async (request, reply) => {
    const file = await onboarding.pdf(request.params.flowId, { seeker: user(request) });
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="${file.fileName}"`)
      .send(Buffer.from(file.bytes));
  });

  app.post<WithId>('/applications/:id/check-in', async (request) => {
    const userId = user(request);
    const position = await body(geoPointRules, request);
    return onboarding.checkIn(userId, idOf(request.params.id, '投递记录不存在'), position);
  });

  app.post<WithId>('/applications/:id/shifts', async (request, reply) => {
    const userId = user(request);
    const position = await body(geoPointRules, request);
    return reply.code(201).send(shifts.clockIn(userId, idOf(request.params.id, '投递记录不存在'), position));
  });

  app.post<WithId>('/shifts/:id/clock-out', async (request) => {
    const userId = user(request);
    const position = await body(geoPointRules, request);
    return shifts.clockOut(userId, idOf(request.params.id, '班次不存在'), position);
  });

  app.get('/income', async (request) => {
    const userId = user(request);
    const { month } = await validateInput(incomeQueryRules, request.query, 'query');
    return shifts.income(userId, month);
  });

  /** The seeker's own upload, as the HR sees it (an ID card picture only ever masked). */
  app.get<{ Params: { id: string } }>('/documents/:id/file', async (request, reply) => {
    const file = onboarding.documentFile(idOf(request.params.id, '材料不存在'), { seeker: user(request) });
    return reply.type(file.mime).header('cache-control', 'no-store').send(file.bytes);
  });

  app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: DOCUMENT_MAX_BYTES, files: 1, fields: 2, fieldSize: 256, parts: 3 },
    });

    /** `my.uploadFile({ url: …/documents/idCardFront, name: 'file' })`: replaces the item's earlier upload. */
    scope.post<{ Params: { id: string; kind: string } }>('/applications/:id/documents/:kind', async (request) => {
      const userId = user(request);
      const applicationId = idOf(request.params.id, '投递记录不存在');
      const kind = request.params.kind as DocumentKind;
      if (!DOCUMENT_KINDS.includes(kind)) throw notFound('没有这项入职材料');
      const fileError = (message: string) => invalidInput([{ path: DOCUMENT_FIELD, message }]);
      let upload: { name: string; bytes: Buffer } | undefined;
      try {
        for await (const part of request.parts()) {
          if (part.type !== 'file') continue;
          if (part.fieldname === DOCUMENT_FIELD && !upload)
            upload = { name: part.filename, bytes: await part.toBuffer() };
          else part.file.resume();
        }
      } catch (error) {
        const code = (error as { code?: string }).code;
        throw fileError(code === 'FST_REQ_FILE_TOO_LARGE' ? '文件不能超过5MB' : '上传内容格式不正确，请重新上传');
      }
      if (!upload || upload.bytes.length === 0) throw fileError('请选择要上传的文件');
      const mime = documentMime(upload.bytes);
      if (!mime) throw fileError('只支持JPG、PNG图片或PDF文件');
      return onboarding.upload(userId, applicationId, kind, {
        name: upload.name.slice(0, 100),
        mime,
        bytes: upload.bytes,
      });
    });
  });
}
