import './mobx-config';
import isEqual from 'fast-deep-equal';
import { makeAutoObservable, observable, runInAction } from 'mobx';
import { HIDDEN_COMPANIES_MAX } from '../services/contracts/privacy';
import { getPrivacy, listKnownCompanies, savePrivacy, type CompanyChoice } from '../services/privacy';
import { LateAnswers } from './late-answers';
import type { LoadStatus } from './load-status';
import { messageOf } from './outcome';

/** Which companies never see the seeker's resume, chosen from companies they applied to or saved. */
export class PrivacyStore {
  status: LoadStatus = 'idle';
  errorMessage = '';
  /** Companies to choose from: hidden ones first, then the ones from applications and saved jobs. */
  companies: CompanyChoice[] = [];
  hiddenIds: string[] = [];
  savedIds: string[] = [];
  saving = false;
  /** Ticks made while a save is on its way are not undone by its answer. */
  private readonly ticks = new LateAnswers();

  constructor() {
    makeAutoObservable<PrivacyStore, 'ticks'>(this, {
      companies: observable.ref,
      hiddenIds: observable.ref,
      savedIds: observable.ref,
      ticks: false,
    });
  }

  get dirty(): boolean {
    return !isEqual([...this.hiddenIds].sort(), [...this.savedIds].sort());
  }

  async load(): Promise<void> {
    this.status = 'loading';
    this.errorMessage = '';
    try {
      const [settings, known] = await Promise.all([getPrivacy(), listKnownCompanies()]);
      runInAction(() => {
        const companies = [...settings.hiddenCompanies];
        for (const company of known) if (!companies.some((c) => c.id === company.id)) companies.push(company);
        this.companies = companies;
        this.hiddenIds = [...settings.hiddenCompanyIds];
        this.savedIds = [...settings.hiddenCompanyIds];
        this.status = 'ready';
      });
    } catch (error) {
      runInAction(() => {
        this.status = 'error';
        this.errorMessage = messageOf(error, '隐私设置加载失败，请稍后重试');
      });
    }
  }

  /** Hides or shows the resume to one company (saved with `save`). Answers a message when over the limit. */
  toggle(companyId: string): string | null {
    const hidden = this.hiddenIds.indexOf(companyId) >= 0;
    if (!hidden && this.hiddenIds.length >= HIDDEN_COMPANIES_MAX) return `最多屏蔽${HIDDEN_COMPANIES_MAX}家公司`;
    this.ticks.supersede();
    this.hiddenIds = hidden ? this.hiddenIds.filter((id) => id !== companyId) : [...this.hiddenIds, companyId];
    return null;
  }

  /** Saves the choice; answers the message to show when it fails, or null. */
  async save(): Promise<string | null> {
    if (this.saving) return null;
    this.saving = true;
    const isUntouched = this.ticks.observe();
    try {
      const settings = await savePrivacy({ hiddenCompanyIds: this.hiddenIds });
      runInAction(() => {
        // Companies ticked while the save was on its way stay ticked (and unsaved).
        if (isUntouched()) this.hiddenIds = [...settings.hiddenCompanyIds];
        this.savedIds = [...settings.hiddenCompanyIds];
        this.saving = false;
      });
      return null;
    } catch (error) {
      runInAction(() => {
        this.saving = false;
      });
      return messageOf(error, '保存失败，请稍后重试');
    }
  }
}

export const privacyStore = new PrivacyStore();
