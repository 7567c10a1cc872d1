import { ApiError, send, type HttpRequest } from './http';
import { renewTokens, validTokens } from './session-tokens';

/** A request on behalf of the signed-in user: bearer token attached, renewed once on a 401. */
export async function authorizedRequest<T>(request: Omit<HttpRequest, 'accessToken'>): Promise<T> {
  const tokens = await validTokens();
  try {
    return await send<T>({ ...request, accessToken: tokens.accessToken });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    const renewed = await renewTokens(tokens.accessToken);
    return send<T>({ ...request, accessToken: renewed.accessToken });
  }
}
