/** A month form field ('YYYY-MM') for antd-mini's Form: register it with `ref="handleRef"` like FormInput. */
export interface MonthFieldProps {
  /** Field name in the form (`startMonth`). */
  name: string;
  label: string;
  /** Shown while no month is chosen (and no `presentText` applies). */
  placeholder: string;
  /**
   * What "no month" means for this field, e.g. "至今" or "在读": shown instead of the placeholder, and a
   * "设为至今" action clears a chosen month back to it. '' when the field simply needs a month.
   */
  presentText: string;
  /** Earliest month offered, 'YYYY-MM'. */
  min: string;
  /** Months after the current one that may still be picked (an expected graduation). */
  monthsAhead: number;
  /** Marks the label; the rule itself comes from the form's rules. */
  required: boolean;
  requiredMark: 'asterisk' | 'text-required' | 'text-optional';
  position: 'horizontal' | 'vertical';
  className: string;
}

export const MonthFieldDefaultProps: MonthFieldProps = {
  name: '',
  label: '',
  placeholder: '请选择',
  presentText: '',
  min: '1950-01',
  monthsAhead: 0,
  required: false,
  requiredMark: 'asterisk',
  position: 'horizontal',
  className: '',
};
