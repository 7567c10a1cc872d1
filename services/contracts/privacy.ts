/** Which companies never see the seeker's resume (GET/PUT /privacy). */

/** PUT /privacy: companies that never see this seeker's resume (their employer view is redacted). */
export interface PrivacySettingsInput {
  hiddenCompanyIds: string[];
}

export interface PrivacySettings {
  hiddenCompanyIds: string[];
  /** Same order as `hiddenCompanyIds`, for display. */
  hiddenCompanies: { id: string; name: string }[];
}

export const HIDDEN_COMPANIES_MAX = 50;
