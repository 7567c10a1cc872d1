import type { FastifyInstance } from 'fastify';
import {
  acceptInterviewRules,
  declineInterviewRules,
  interviewFeedbackRules,
  proposeInterviewRules,
} from '../../services/contracts/interviews';
import type { MockContext } from '../context';
import { notFound } from '../http/api-error';
import { validateInput } from '../http/validate-input';
import { parseId } from '../jobs/job-queries';

type WithId = { Params: { id: string } };

/** The seeker's interviews: list, answer (accept, decline, propose other times), feedback, and the room. */
export function registerInterviewRoutes(app: FastifyInstance, ctx: MockContext): void {
  const idOf = (raw: string) => {
    const id = parseId(raw);
    if (id === undefined) throw notFound('面试不存在或不属于你');
    return id;
  };
  const user = (authorization: string | undefined) => ctx.tokens.requireUser(authorization);

  app.get('/interviews', async (request) => ctx.interviews.listForUser(user(request.headers.authorization)));

  app.get<WithId>(
    '/interviews/:id',
    async (request) => ctx.interviews.forSeeker(user(request.headers.authorization), idOf(request.params.id)).view,
  );

  app.post<WithId>('/interviews/:id/accept', async (request) => {
    const userId = user(request.headers.authorization);
    const { slot } = await validateInput(acceptInterviewRules, request.body, 'body');
    return ctx.interviews.accept(userId, idOf(request.params.id), slot);
  });

  app.post<WithId>('/interviews/:id/decline', async (request) => {
    const userId = user(request.headers.authorization);
    const { reason } = await validateInput(declineInterviewRules, request.body, 'body');
    return ctx.interviews.decline(userId, idOf(request.params.id), reason.trim());
  });

  app.post<WithId>('/interviews/:id/propose', async (request) => {
    const userId = user(request.headers.authorization);
    const { slots } = await validateInput(proposeInterviewRules, request.body, 'body');
    return ctx.interviews.propose(userId, idOf(request.params.id), slots);
  });

  app.post<WithId>('/interviews/:id/feedback', async (request) => {
    const userId = user(request.headers.authorization);
    const answer = await validateInput(interviewFeedbackRules, request.body, 'body');
    return ctx.interviews.feedback(userId, idOf(request.params.id), answer);
  });

  /** A ticket into the video room: refused (409 with `reason`) outside its window, cancelled, or not video. */
  app.post<WithId>('/interviews/:id/room', async (request) => {
    const userId = user(request.headers.authorization);
    return ctx.rooms.ticket(ctx.interviews.forSeeker(userId, idOf(request.params.id)), 'seeker');
  });
}
