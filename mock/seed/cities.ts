import { areaList } from '@vant/area-data';
import { canonicalCityCode, type CityTier } from '../../services/contracts/cities';
import { tierOf } from './city-tiers';

export interface CityRecord {
  code: string;
  name: string;
  province: string;
  tier: CityTier;
  /** Districts, counties and county-level cities (or, where a city has none, its towns), as addresses name them. */
  districts: { code: string; name: string }[];
}

/** 台湾、香港、澳门: a different job market and address system, left out. */
const EXCLUDED_PROVINCES = ['71', '81', '82'];
/**
 * 三沙市 has no civilian job market. Codes ending in 9000 group county-level cities governed by the
 * province directly (仙桃、济源、石河子…): they are not prefecture-level, so they are left out.
 */
const EXCLUDED_CITY = (code: string) => code === '460300' || code.endsWith('9000');
/** Placeholder rows of the data, not real districts. */
const PLACEHOLDER_DISTRICTS = ['市辖区', '县'];

let cached: CityRecord[] | undefined;

/**
 * Every prefecture-level city of mainland China with its tier and districts, from @vant/area-data (kept
 * current with the civil-affairs ministry's codes: 杭州 has 临平区 and 钱塘区, not 下城区 or 江干区). A
 * municipality is one city under its province code, its counties (重庆's 500200 group) included; the codes
 * are the ones `canonicalCityCode` gives, so whatever the picker answers finds its city here.
 */
export function loadCities(): CityRecord[] {
  if (cached) return cached;
  const byCode = new Map<string, CityRecord>();
  for (const [code, name] of Object.entries(areaList.city_list)) {
    const provinceCode = `${code.slice(0, 2)}0000`;
    if (EXCLUDED_PROVINCES.includes(code.slice(0, 2)) || EXCLUDED_CITY(code)) continue;
    const cityCode = canonicalCityCode(code);
    if (byCode.has(cityCode)) continue;
    const province = areaList.province_list[provinceCode] ?? '';
    const cityName = cityCode === provinceCode ? province : name;
    byCode.set(cityCode, { code: cityCode, name: cityName, province, tier: tierOf(cityName, province), districts: [] });
  }
  for (const [code, name] of Object.entries(areaList.county_list)) {
    if (PLACEHOLDER_DISTRICTS.includes(name)) continue;
    byCode.get(canonicalCityCode(code))?.districts.push({ code, name });
  }
  cached = [...byCode.values()];
  for (const city of cached) {
    if (!city.districts.length) throw new Error(`${city.name} (${city.code}) has no districts in @vant/area-data`);
  }
  return cached;
}
