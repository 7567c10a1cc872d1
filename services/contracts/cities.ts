/** City tiers as commonly ranked in China (一线 … 五线). */
export const CITY_TIERS = ['tier1', 'new_tier1', 'tier2', 'tier3', 'tier4', 'tier5'] as const;
export type CityTier = (typeof CITY_TIERS)[number];
export const CITY_TIER_LABELS: Record<CityTier, string> = {
  tier1: '一线',
  new_tier1: '新一线',
  tier2: '二线',
  tier3: '三线',
  tier4: '四线',
  tier5: '五线',
};

/** GET /cities item: a prefecture-level city (or a municipality such as 北京市). */
export interface CitySummary {
  /** GB/T 2260 code, e.g. 330100 for 杭州市, 110000 for 北京市. */
  code: string;
  name: string;
  province: string;
  tier: CityTier;
  /** Pinyin of the name without 市, lower case ("hangzhou"): the picker searches by it. */
  spell: string;
}

/** GET /cities/:code */
export interface CityDetail extends CitySummary {
  /** Districts and counties (区/县/县级市) job addresses use. */
  districts: string[];
}

/** GET /cities answer: every city at once, it is a small, stable list. */
export interface CityList {
  items: CitySummary[];
}

/** What Alipay's city picker (and Amap) use for the whole country: 全国, no city filter. */
export const NATIONWIDE_CODE = '100000';

/** 北京、天津、上海、重庆: provinces in GB/T 2260, filed here under their province code (110000). */
const MUNICIPALITY_PREFIXES = ['11', '12', '31', '50'];

const SIX_DIGITS = /^\d{6}$/;

/**
 * The code a city is filed under, from any code that names it or a place in it, so the app and the backend
 * agree whoever produced the code: Alipay's picker answers 北京 as 110100 and some cities by district, the
 * data files 北京 as 110000. A municipality (or one of its districts) becomes its province code, a district
 * its prefecture (330106 → 330100), 全国 (100000) an empty string. Anything not 6 digits comes back as it
 * was, for validation to name.
 */
export function canonicalCityCode(code: string): string {
  const trimmed = code.trim();
  if (!SIX_DIGITS.test(trimmed)) return code;
  if (trimmed === NATIONWIDE_CODE) return '';
  const province = trimmed.slice(0, 2);
  if (MUNICIPALITY_PREFIXES.includes(province)) return `${province}0000`;
  return trimmed.endsWith('0000') ? trimmed : `${trimmed.slice(0, 4)}00`;
}
