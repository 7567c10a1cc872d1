/** One option of the wheel. */
export interface PickerFieldOption {
  label: string;
  value: string | number;
}

/**
 * A one-wheel picker form field for antd-mini's Form (register it with `ref="handleRef"` like FormPicker)
 * whose wheel, while the field is empty, opens on `openAt` instead of the first option. Opening or
 * closing it never changes the field: only 确定 does.
 */
export interface PickerFieldProps {
  /** Field name in the form (`birthYear`). */
  name: string;
  label: string;
  /** Title of the wheel's sheet; the label when empty. */
  title: string;
  /** Shown while nothing is chosen. */
  placeholder: string;
  options: PickerFieldOption[];
  /** The option the wheel starts on while the field is empty (e.g. the most common birth year). */
  openAt: string | number | null;
  /** Marks the label; the rule itself comes from the form's rules. */
  required: boolean;
  requiredMark: 'asterisk' | 'text-required' | 'text-optional';
  position: 'horizontal' | 'vertical';
  className: string;
}

export const PickerFieldDefaultProps: PickerFieldProps = {
  name: '',
  label: '',
  title: '',
  placeholder: '请选择',
  options: [],
  openAt: null,
  required: false,
  requiredMark: 'asterisk',
  position: 'horizontal',
  className: '',
};
