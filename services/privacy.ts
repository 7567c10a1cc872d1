import type { ApplicationSummary } from './contracts/applications';
import type { FavoriteItem } from './contracts/favorites';
import type { CursorPage } from './contracts/page';
import { PAGE_SIZE_MAX } from './contracts/page';
import type { PrivacySettings, PrivacySettingsInput } from './contracts/privacy';
import { authorizedRequest } from './api';

/** Companies the seeker hid their resume from. */
export function getPrivacy(): Promise<PrivacySettings> {
  return authorizedRequest<PrivacySettings>({ method: 'GET', path: '/privacy' });
}

/** Replaces the whole list; [] shows the resume to every company again. */
export function savePrivacy(input: PrivacySettingsInput): Promise<PrivacySettings> {
  return authorizedRequest<PrivacySettings>({ method: 'PUT', path: '/privacy', body: input });
}

export interface CompanyChoice {
  id: string;
  name: string;
}

/**
 * Companies the seeker has met: those of their latest applications and saved jobs (one page of each,
 * newest first), without repeats. These are the companies it makes sense to hide a resume from.
 */
export async function listKnownCompanies(): Promise<CompanyChoice[]> {
  const [applications, favorites] = await Promise.all([
    authorizedRequest<CursorPage<ApplicationSummary>>({
      method: 'GET',
      path: '/applications',
      query: { limit: PAGE_SIZE_MAX },
    }),
    authorizedRequest<CursorPage<FavoriteItem>>({ method: 'GET', path: '/favorites', query: { limit: PAGE_SIZE_MAX } }),
  ]);
  const companies: CompanyChoice[] = [];
  for (const { job } of [...applications.items, ...favorites.items]) {
    if (!companies.some((company) => company.id === job.company.id)) {
      companies.push({ id: job.company.id, name: job.company.name });
    }
  }
  return companies;
}
