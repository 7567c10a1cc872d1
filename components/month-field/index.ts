import { createForm } from 'antd-mini/es/Form/form';
import { MonthFieldDefaultProps, type MonthFieldProps } from './props';

/** 'YYYY-MM' of a date picked on the device (its local calendar, which is what the seeker saw). */
function monthOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** The last day of the month `monthsAhead` months from now, as ms: the latest month the picker offers. */
function latestTime(monthsAhead: number, now = new Date()): number {
  return new Date(now.getFullYear(), now.getMonth() + monthsAhead + 1, 0).getTime();
}

type FormItemThis = { emit(trigger: string, value?: unknown): void };

Component({
  mixins: [createForm()],
  props: MonthFieldDefaultProps,
  data: { minTime: 0, maxTime: 0 },
  onInit() {
    const props = this.props as MonthFieldProps;
    const [year, month] = props.min.split('-').map(Number);
    this.setData({ minTime: new Date(year, month - 1, 1).getTime(), maxTime: latestTime(props.monthsAhead) });
  },
  methods: {
    onOk(date: Date) {
      (this as unknown as FormItemThis).emit('onChange', monthOf(new Date(date)));
    },
    onPresent() {
      (this as unknown as FormItemThis).emit('onChange', null);
    },
  },
});
