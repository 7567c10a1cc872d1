import type { PlatformFailure } from './failure';

/** One city the picker offers, as `my.chooseCity` takes it: a name, its code, pinyin to search by. */
export interface PickerCity {
  city: string;
  adCode: string;
  spell: string;
}

/** Error 11 is the seeker closing the city picker: not a failure to report. */
export const CITY_PICKER_CANCELLED = 11;

/** Alipay's city picker with our own lists. Resolves what it answered, or null when the seeker cancels. */
export function chooseCity(lists: {
  hotCities: PickerCity[];
  cities?: PickerCity[];
}): Promise<{ adCode: string; city: string } | null> {
  return new Promise((resolve, reject) => {
    my.chooseCity({
      showLocatedCity: true,
      showHotCities: true,
      hotCities: lists.hotCities,
      ...(lists.cities ? { cities: lists.cities } : {}),
      success: (picked) => resolve(picked.adCode ? { adCode: picked.adCode, city: picked.city } : null),
      fail: (failure: PlatformFailure) => (failure.error === CITY_PICKER_CANCELLED ? resolve(null) : reject(failure)),
    });
  });
}

export function getLocation(): Promise<{ latitude: number; longitude: number }> {
  return new Promise((resolve, reject) => {
    my.getLocation({
      success: (result) => resolve({ latitude: Number(result.latitude), longitude: Number(result.longitude) }),
      fail: reject,
    });
  });
}

/** The place on Alipay's map. Rejects with the platform's failure (no map on this client, bad position). */
export function openLocation(place: {
  latitude: number;
  longitude: number;
  name: string;
  address: string;
}): Promise<void> {
  return new Promise((resolve, reject) => {
    my.openLocation({
      name: place.name,
      address: place.address,
      latitude: String(place.latitude),
      longitude: String(place.longitude),
      success: () => resolve(),
      fail: reject,
    });
  });
}
