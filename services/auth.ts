import type { TokenPair } from './contracts/auth';
import { send } from './http';

export function loginWithAuthCode(authCode: string): Promise<TokenPair> {
  return send<TokenPair>({ method: 'POST', path: '/auth/login', body: { authCode } });
}

export function refreshTokens(refreshToken: string): Promise<TokenPair> {
  return send<TokenPair>({ method: 'POST', path: '/auth/refresh', body: { refreshToken } });
}
