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
