import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ResumeAttachment } from '../../services/contracts/resume-attachments';
import type { MockContext } from '../context';
import { forbidden, notFound } from '../http/api-error';
import { parseId } from '../jobs/job-queries';
import { seekerServices } from '../resume/seeker-services';
import { requireEmployer } from './employer-auth';

function sendAttachment(reply: FastifyReply, stored: { attachment: ResumeAttachment; bytes: Buffer }) {
  return reply
    .header('content-type', stored.attachment.mimeType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(stored.attachment.fileName)}`)
    .send(stored.bytes);
}

/**
 * The employer side of resumes: downloading the attachment an application carries, or one the seeker shared
 * in the chat (a consent card they agreed to). Loopback only.
 */
export function registerEmployerResumeRoutes(app: FastifyInstance, ctx: MockContext): void {
  const { attachments, privacy } = seekerServices(ctx);

  app.get<{ Params: { id: string } }>('/employer/applications/:id/attachment', async (request, reply) => {
    const hr = requireEmployer(ctx, request);
    const id = parseId(request.params.id);
    const row =
      id === undefined
        ? undefined
        : (ctx.db
            .prepare(
              `SELECT a.user_id, a.resume_kind, a.attachment_id, j.company_id
               FROM applications a JOIN jobs j ON j.id = a.job_id WHERE a.id = ?`,
            )
            .get(id) as
            { user_id: string; resume_kind: string; attachment_id: number | null; company_id: number } | undefined);
    if (!row || row.company_id !== hr.companyId) throw notFound('投递记录不存在');
    if (privacy.isHiddenFrom(row.user_id, row.company_id)) throw forbidden('求职者已对贵公司隐藏简历');
    if (row.resume_kind !== 'attachment' || row.attachment_id === null) throw notFound('该投递未附带附件简历');
    const stored = attachments.content(row.attachment_id);
    if (!stored) throw notFound('求职者已删除该附件简历');
    return sendAttachment(reply, stored);
  });

  app.get<{ Params: { id: string; attachmentId: string } }>(
    '/employer/conversations/:id/attachments/:attachmentId',
    async (request, reply) => {
      const hr = requireEmployer(ctx, request);
      const conversation = ctx.chat.own({ side: 'hr', ...hr }, request.params.id);
      const shared = ctx.db
        .prepare(
          `SELECT 1 FROM messages WHERE conversation_id = ? AND sender = 'seeker'
             AND json_extract(card, '$.kind') = 'consent_answer' AND json_extract(card, '$.agreed') = 1
             AND json_extract(card, '$.attachment.id') = ?`,
        )
        .get(conversation.id, request.params.attachmentId);
      if (!shared) throw notFound('求职者未在此会话中发送这份附件简历');
      if (privacy.isHiddenFrom(conversation.userId, hr.companyId)) throw forbidden('求职者已对贵公司隐藏简历');
      const stored = attachments.content(Number(request.params.attachmentId));
      if (!stored) throw notFound('求职者已删除该附件简历');
      return sendAttachment(reply, stored);
    },
  );
}
