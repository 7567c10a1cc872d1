import type { PlatformFailure } from './failure';

export interface ChosenCity {
  cityCode: string;
  cityName: string;
}

/** Error 11 is the seeker closing the city picker: not a failure to report. */
export const CITY_PICKER_CANCELLED = 11;

/** Alipay's city picker. Resolves null when the seeker cancels. */
export function chooseCity(): Promise<ChosenCity | null> {
  return new Promise((resolve, reject) => {
    my.chooseCity({
      showLocatedCity: true,
      showHotCities: true,
      success: (picked) => {
        if (!picked.adCode) return resolve(null);
        // The picker answers district-level adCodes for some cities; jobs are filed by city.
        resolve({ cityCode: picked.adCode.slice(0, 4) + '00', cityName: picked.city });
      },
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
