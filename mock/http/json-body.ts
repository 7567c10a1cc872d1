import type { FastifyInstance } from 'fastify';
import { INPUT_TOO_DEEP_MESSAGE, nestsTooDeep } from '../../services/contracts/validation';
import { invalidInput } from './api-error';

/**
 * JSON bodies as Fastify parses them (with its prototype-poisoning guard), except that an empty body
 * counts as no body (clients send `content-type: application/json` on POSTs that carry nothing), and a body
 * nested deeper than any contract is refused here, for every route, before anything walks it.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    parseJson(request, text, (error, parsed) => {
      if (!error && nestsTooDeep(parsed)) {
        done(invalidInput([{ path: 'body', message: INPUT_TOO_DEEP_MESSAGE }]), undefined);
        return;
      }
      done(error, parsed);
    });
  });
}
