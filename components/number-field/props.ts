/**
 * A whole-number form field for antd-mini's Form (register with `ref="handleRef"`). Its value is a number,
 * as the shared rules expect; anything else typed stays as text so the rule can name the problem.
 */
export interface NumberFieldProps {
  /** Field name in the form (`salaryMin`). */
  name: string;
  label: string;
  placeholder: string;
  /** Shown after the input, e.g. "元/月". */
  unit: string;
  maxLength: number;
  required: boolean;
  requiredMark: 'asterisk' | 'text-required' | 'text-optional';
  position: 'horizontal' | 'vertical';
  className: string;
}

export const NumberFieldDefaultProps: NumberFieldProps = {
  name: '',
  label: '',
  placeholder: '请输入',
  unit: '',
  maxLength: 9,
  required: false,
  requiredMark: 'asterisk',
  position: 'horizontal',
  className: '',
};
