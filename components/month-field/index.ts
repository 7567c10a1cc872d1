import { createForm } from 'antd-mini/es/Form/form';
import { formatMonth } from '../../format';
import {
  latestPickableMonth,
  monthOfWheel,
  monthWheelColumns,
  monthWheelValue,
  type MonthWheelValue,
} from '../../view-models/resume-view';
import { MonthFieldDefaultProps, type MonthFieldProps } from './props';

interface MonthFieldThis {
  props: MonthFieldProps;
  data: { formData: Record<string, unknown>; pickerValue: MonthWheelValue };
  setData(data: Record<string, unknown>): void;
  emit(trigger: string, value?: unknown): void;
}

/**
 * What the wheel shows for a field value: the stored month, or this month when there is none yet (the text
 * then stays the placeholder). Only numbers and strings: a Date would not survive setData as a Date.
 */
function wheelFor(self: MonthFieldThis, value: unknown, year?: number): Record<string, unknown> {
  const { min, monthsAhead } = self.props;
  const latest = latestPickableMonth(monthsAhead);
  const picked = monthWheelValue(value);
  const pickerValue = picked ?? (monthWheelValue(latest) as MonthWheelValue);
  return {
    pickerValue,
    columns: monthWheelColumns(min, latest, year ?? pickerValue[0]),
    valueText: picked ? formatMonth(value as string) : '',
  };
}

Component({
  mixins: [
    createForm({
      methods: {
        setFormData(this: MonthFieldThis, values: Record<string, unknown>) {
          const formData = { ...this.data.formData, ...values };
          this.setData({ formData, ...('value' in values ? wheelFor(this, values.value) : {}) });
        },
      },
    }),
  ],
  props: MonthFieldDefaultProps,
  data: { pickerValue: [0, 0], columns: [], valueText: '' },
  onInit() {
    const self = this as unknown as MonthFieldThis;
    self.setData(wheelFor(self, self.data.formData.value));
  },
  methods: {
    /** The year wheel moved: that year's months (the first and last years offer only some). */
    onPickerChange(value: MonthWheelValue) {
      const self = this as unknown as MonthFieldThis;
      if (Array.isArray(value) && value[0] !== undefined) {
        self.setData({ columns: wheelFor(self, self.data.formData.value, value[0]).columns });
      }
    },
    /** Closed without picking: the months of the stored year again. */
    onVisibleChange(visible: boolean) {
      const self = this as unknown as MonthFieldThis;
      if (!visible) self.setData({ columns: wheelFor(self, self.data.formData.value).columns });
    },
    onOk(value: MonthWheelValue) {
      (this as unknown as MonthFieldThis).emit('onChange', monthOfWheel(value));
    },
    onPresent() {
      (this as unknown as MonthFieldThis).emit('onChange', null);
    },
  },
});
