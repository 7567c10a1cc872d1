import type { MonthFieldProps } from '../../components/month-field/props';
import { createRuntime, type Runtime } from '../../runtime/harness/runtime';

jest.mock('antd-mini/es/Form/form', () =>
  (jest.requireActual('../page/resume-support') as typeof import('../page/resume-support')).antdFormModule(),
);

type FormModule = typeof import('antd-mini/es/Form/form');
interface MonthFieldData {
  formData: { value?: unknown };
  pickerValue: [number, number];
  columns: Array<Array<{ label: string; value: number }>>;
  valueText: string;
}

let rt: Runtime;
beforeEach(() => {
  jest.resetModules();
  rt = createRuntime({ appJson: false });
});
afterEach(() => rt.dispose());

/** The month field in an antd-mini Form that starts from `startMonth`, as the work page builds it. */
function openField(startMonth: string | null, props: Partial<MonthFieldProps> = {}) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Form } = require('antd-mini/es/Form/form') as FormModule;
  const form = new Form({ initialValues: { startMonth } });
  const field = rt.mountComponent<MonthFieldData, MonthFieldProps>('components/month-field/index', {
    name: 'startMonth',
    label: '开始时间',
    ...props,
  });
  form.addItem(field.instance as never);
  return { form, field };
}

describe('month field', () => {
  it('opens its wheel on the stored month, and confirming without a change keeps it', async () => {
    const { form, field } = openField('2023-06');
    expect(field.data.valueText).toBe('2023.06');
    expect(field.data.pickerValue).toEqual([2023, 6]);
    const [years, months] = field.data.columns;
    expect(years.map((y) => y.value)).toContain(2023);
    expect(months.map((m) => m.value)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);

    // 确定 hands back what the wheel showed.
    field.call('onOk', [...field.data.pickerValue]);
    await rt.flush();
    expect(form.getFieldsValue()).toEqual({ startMonth: '2023-06' });
    expect(field.data.valueText).toBe('2023.06');
  });

  it('sets the month picked, and offers no month after the latest allowed', async () => {
    const { form, field } = openField('2023-06');
    field.call('onOk', [2021, 3]);
    await rt.flush();
    expect(form.getFieldsValue()).toEqual({ startMonth: '2021-03' });
    expect(field.data.valueText).toBe('2021.03');

    // Scrolling to this year offers only the months up to now.
    const now = new Date(Date.now() + 8 * 3600_000);
    field.call('onPickerChange', [now.getUTCFullYear(), 1]);
    expect(field.data.columns[1].at(-1)?.value).toBe(now.getUTCMonth() + 1);
  });

  it('with no month yet shows the placeholder and opens on this month', () => {
    const { field } = openField(null, { presentText: '至今' });
    expect(field.data.valueText).toBe('');
    const now = new Date(Date.now() + 8 * 3600_000);
    expect(field.data.pickerValue).toEqual([now.getUTCFullYear(), now.getUTCMonth() + 1]);
  });
});
