import type { MeOverview, UserProfile } from './contracts/auth';
import { authorizedRequest } from './api';

export function getProfile(): Promise<UserProfile> {
  return authorizedRequest<UserProfile>({ method: 'GET', path: '/me' });
}

export function getMeOverview(): Promise<MeOverview> {
  return authorizedRequest<MeOverview>({ method: 'GET', path: '/me/overview' });
}
