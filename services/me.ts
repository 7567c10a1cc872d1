import type { UserProfile } from './contracts/auth';
import { authorizedRequest } from './api';

export function getProfile(): Promise<UserProfile> {
  return authorizedRequest<UserProfile>({ method: 'GET', path: '/me' });
}
