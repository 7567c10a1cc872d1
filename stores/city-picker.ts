import {
  canonicalCityCode,
  HOT_PICKER_CITIES,
  NATIONWIDE_PICKER_CITY,
  pickerCityOf,
  type PickerCity,
} from '../services/contracts/cities';
import { listCities } from '../services/cities';
import { chooseCity } from '../services/platform/location';

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
