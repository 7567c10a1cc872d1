/** What `onPick` hands the page: the city chosen, so it can keep the name next to the code. */
export interface PickedCity {
  cityCode: string;
  cityName: string;
}

/**
 * A city form field for antd-mini's Form (register with `ref="handleRef"`), picking with Alipay's city
 * picker. The value is a city code ('330100'), or with `multiple` a list of codes.
 */
export interface CityFieldProps {
  /** Field name in the form (`cityCode`, `cityCodes`). */
  name: string;
  label: string;
  placeholder: string;
  /** Several cities (a list of codes) instead of one. */
  multiple: boolean;
  /** With `multiple`: how many cities may be chosen. */
  max: number;
  /** City names by code, for display (the form keeps only codes). */
  names: Record<string, string>;
  required: boolean;
  requiredMark: 'asterisk' | 'text-required' | 'text-optional';
  position: 'horizontal' | 'vertical';
  className: string;
  /** Called after the seeker picked a city. */
  onPick?: (city: PickedCity) => void;
  /** Called when the city picker could not open. */
  onPickFail?: (message: string) => void;
}

export const CityFieldDefaultProps: CityFieldProps = {
  name: '',
  label: '',
  placeholder: '请选择城市',
  multiple: false,
  max: 5,
  names: {},
  required: false,
  requiredMark: 'asterisk',
  position: 'horizontal',
  className: '',
};
