/**
 * The jobs tab's search as the seeker sets it: keyword, place, filters and sort. It round-trips through
 * the page query (so a shared link restores it) and turns into the API query.
 */
import { canonicalCityCode } from '../services/contracts/cities';
import {
  JOB_SORTS,
  type JobSort,
  COMPANY_SIZES,
  EDUCATION_LEVELS,
  EXPERIENCE_LEVELS,
  JOB_TYPES,
  type CompanySize,
  type EducationLevel,
  type ExperienceLevel,
  type JobListQuery,
  type JobType,
} from '../services/contracts/jobs';

export { JOB_SORTS, type JobSort };
export const JOB_SORT_LABELS: Record<JobSort, string> = {
  match: '推荐',
  latest: '最新',
  nearest: '附近',
  salary: '薪资',
};

/** Monthly-equivalent salary bands offered in the filter sheet, in yuan. */
export const SALARY_BANDS = [
  { value: '0-3000', text: '3K以下' },
  { value: '3000-5000', text: '3-5K' },
  { value: '5000-8000', text: '5-8K' },
  { value: '8000-12000', text: '8-12K' },
  { value: '12000-20000', text: '12-20K' },
  { value: '20000-', text: '20K以上' },
] as const;

export interface JobSearch {
  keyword: string;
  cityCode: string;
  cityName: string;
  /** A district of the chosen city, as addresses name it (西湖区). */
  district: string;
  salaryBand: string;
  experience: ExperienceLevel[];
  education: EducationLevel[];
  jobType: JobType[];
  industry: string[];
  companySize: CompanySize[];
  directOnly: boolean;
  sort: JobSort;
}

export const EMPTY_SEARCH: JobSearch = {
  keyword: '',
  cityCode: '',
  cityName: '',
  district: '',
  salaryBand: '',
  experience: [],
  education: [],
  jobType: [],
  industry: [],
  companySize: [],
  directOnly: false,
  sort: 'match',
};

export interface Position {
  lat: number;
  lng: number;
}

const list = <T extends string>(value: string | undefined, allowed?: readonly T[]): T[] =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v): v is T => v !== '' && (!allowed || allowed.indexOf(v as T) >= 0));

/** Reads a search back from a page query, ignoring values that are not ours (a link may be stale). */
export function searchFromPageQuery(query: Record<string, string | undefined>): JobSearch {
  const sort = JOB_SORTS.indexOf(query.sort as JobSort) >= 0 ? (query.sort as JobSort) : 'match';
  const band = SALARY_BANDS.some((b) => b.value === query.salary) ? (query.salary as string) : '';
  // A link made before codes were canonical (北京 as 110100) still finds its city.
  const cityCode = /^\d{6}$/.test(query.cityCode ?? '') ? canonicalCityCode(query.cityCode as string) : '';
  return {
    keyword: (query.keyword ?? '').slice(0, 50),
    cityCode,
    cityName: cityCode ? (query.cityName ?? '') : '',
    district: cityCode ? (query.district ?? '').slice(0, 20) : '',
    salaryBand: band,
    experience: list(query.experience, EXPERIENCE_LEVELS),
    education: list(query.education, EDUCATION_LEVELS),
    jobType: list(query.jobType, JOB_TYPES),
    industry: list(query.industry),
    companySize: list(query.companySize, COMPANY_SIZES),
    directOnly: query.directOnly === '1',
    sort,
  };
}

/** The page query for a search: only what differs from the default, so links stay short. */
export function searchToPageQuery(search: JobSearch): Record<string, string> {
  const query: Record<string, string> = {};
  if (search.keyword) query.keyword = search.keyword;
  if (search.cityCode) {
    query.cityCode = search.cityCode;
    query.cityName = search.cityName;
    if (search.district) query.district = search.district;
  }
  if (search.salaryBand) query.salary = search.salaryBand;
  for (const key of ['experience', 'education', 'jobType', 'industry', 'companySize'] as const) {
    if (search[key].length) query[key] = search[key].join(',');
  }
  if (search.directOnly) query.directOnly = '1';
  if (search.sort !== 'match') query.sort = search.sort;
  return query;
}

/** What the seeker's resume says they want: it ranks the 推荐 feed. */
export interface SeekerPreferences {
  categories: string[];
  salaryMin: number;
  /** Expected cities: they rank 推荐 when no city is chosen. */
  cityCodes: string[];
}

const stringList = (value: unknown): string[] | null =>
  Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : null;

/** Preferences read back from the device; anything not of their shape (an older app's data) is none. */
export function preferencesFrom(value: unknown): SeekerPreferences | null {
  if (!value || typeof value !== 'object') return null;
  const { categories, salaryMin, cityCodes } = value as Record<string, unknown>;
  const categoryList = stringList(categories);
  const cityList = stringList(cityCodes);
  if (!categoryList || !cityList || typeof salaryMin !== 'number') return null;
  return { categories: categoryList, salaryMin, cityCodes: cityList };
}

/**
 * The GET /jobs query for a search; the position adds distances and makes `nearest` possible, and the
 * seeker's preferences, when known, rank the 推荐 sort.
 */
export function searchToApiQuery(
  search: JobSearch,
  position: Position | null,
  preferences: SeekerPreferences | null = null,
): JobListQuery {
  const [min, max] = search.salaryBand ? search.salaryBand.split('-') : ['', ''];
  const query: JobListQuery = {
    keyword: search.keyword.trim() || undefined,
    cityCode: search.cityCode || undefined,
    district: (search.cityCode && search.district) || undefined,
    salaryMin: min || undefined,
    salaryMax: max || undefined,
    experience: search.experience.join(',') || undefined,
    education: search.education.join(',') || undefined,
    jobType: search.jobType.join(',') || undefined,
    industry: search.industry.join(',') || undefined,
    companySize: search.companySize.join(',') || undefined,
    directOnly: search.directOnly ? '1' : undefined,
    sort: search.sort === 'nearest' && !position ? 'match' : search.sort,
  };
  if (preferences && query.sort === 'match') {
    if (preferences.categories.length) query.prefCategories = preferences.categories.join(',');
    if (preferences.salaryMin > 0) query.prefSalaryMin = String(preferences.salaryMin);
    if (preferences.cityCodes.length && !query.cityCode) query.prefCityCodes = preferences.cityCodes.join(',');
  }
  if (position) {
    query.lat = position.lat.toFixed(5);
    query.lng = position.lng.toFixed(5);
  }
  return query;
}

/** How many filter groups are narrowing the list (the badge on the filter button). */
export function activeFilterCount(search: JobSearch): number {
  return (
    (search.district ? 1 : 0) +
    (search.salaryBand ? 1 : 0) +
    (['experience', 'education', 'jobType', 'industry', 'companySize'] as const).filter((k) => search[k].length > 0)
      .length +
    (search.directOnly ? 1 : 0)
  );
}
