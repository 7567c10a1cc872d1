import { canonicalCityCode, NATIONWIDE_CODE, type CitySummary } from '../services/contracts/cities';
import { listCities } from '../services/cities';
import { chooseCity, type PickerCity } from '../services/platform/location';

/** 全国 at the head of the hot cities, where the job search offers it. */
const NATIONWIDE_PICKER_CITY: PickerCity = { city: '全国', adCode: NATIONWIDE_CODE, spell: 'quanguo' };

/** Cities the picker offers first, by canonical code. */
const HOT_PICKER_CITIES: readonly PickerCity[] = [
  { city: '北京', adCode: '110000', spell: 'beijing' },
  { city: '上海', adCode: '310000', spell: 'shanghai' },
  { city: '广州', adCode: '440100', spell: 'guangzhou' },
  { city: '深圳', adCode: '440300', spell: 'shenzhen' },
  { city: '杭州', adCode: '330100', spell: 'hangzhou' },
  { city: '成都', adCode: '510100', spell: 'chengdu' },
  { city: '武汉', adCode: '420100', spell: 'wuhan' },
  { city: '南京', adCode: '320100', spell: 'nanjing' },
  { city: '天津', adCode: '120000', spell: 'tianjin' },
  { city: '重庆', adCode: '500000', spell: 'chongqing' },
  { city: '西安', adCode: '610100', spell: 'xian' },
];

/** A city as the picker lists it: 杭州市 → 杭州 (prefectures such as 延边朝鲜族自治州 keep their name). */
function pickerCityOf(city: CitySummary): PickerCity {
  return { city: city.name.replace(/市$/, ''), adCode: city.code, spell: city.spell };
}

/** A city as the app files it; `cityCode` '' is 全国. */
export interface PickedCity {
  cityCode: string;
  cityName: string;
}

let pickerCities: Promise<PickerCity[]> | null = null;

/** The backend's cities as the picker lists them, read once a launch; a failed read is tried again next time. */
function pickerCitiesOnce(): Promise<PickerCity[] | null> {
  pickerCities ??= listCities().then((list) => list.items.map(pickerCityOf));
  return pickerCities.catch(() => {
    pickerCities = null;
    return null;
  });
}

/**
 * Alipay's city picker over the backend's own cities (so every answer is a city jobs are filed under, and the
 * seeker can search by name or pinyin), hot cities first, 全国 among them when `nationwide`. Without the list
 * (offline) the picker shows Alipay's own. Whatever code it answers is made canonical (北京 110100 → 110000).
 * Resolves null when the seeker cancels; rejects when the picker cannot open.
 */
export async function pickCity(options: { nationwide?: boolean } = {}): Promise<PickedCity | null> {
  const cities = await pickerCitiesOnce();
  const hotCities = options.nationwide ? [NATIONWIDE_PICKER_CITY, ...HOT_PICKER_CITIES] : [...HOT_PICKER_CITIES];
  const picked = await chooseCity({ hotCities, cities: cities ?? undefined });
  if (!picked) return null;
  const cityCode = canonicalCityCode(picked.adCode);
  if (!cityCode) return options.nationwide ? { cityCode: '', cityName: '' } : null;
  const known = cities?.find((city) => city.adCode === cityCode);
  return { cityCode, cityName: known?.city ?? picked.city.replace(/市$/, '') };
}
