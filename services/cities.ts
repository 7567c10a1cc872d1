import type { CityDetail, CityList } from './contracts/cities';
import { send } from './http';

/** Every city jobs are filed under, with its pinyin for the picker's search; public. */
export function listCities(): Promise<CityList> {
  return send<CityList>({ method: 'GET', path: '/cities' });
}

/** One city with its districts; any code naming it or a place in it finds it. */
export function getCity(cityCode: string): Promise<CityDetail> {
  return send<CityDetail>({ method: 'GET', path: `/cities/${encodeURIComponent(cityCode)}` });
}
