import type { PickerFieldProps } from '../../components/picker-field/props';
import { createRuntime, type Runtime } from '../../runtime/harness/runtime';
import { birthYearOptions, typicalBirthYear } from '../../view-models/resume-view';

jest.mock('antd-mini/es/Form/form', () =>
  (jest.requireActual('../page/resume-support') as typeof import('../page/resume-support')).antdFormModule(),
);

type FormModule = typeof import('antd-mini/es/Form/form');
interface PickerFieldData {
  formData: { value?: unknown };
  pickerValue: unknown;
  valueText: string;
}

let rt: Runtime;
beforeEach(() => {
  jest.resetModules();
  rt = createRuntime({ appJson: false });
});
afterEach(() => rt.dispose());

const NOW = Date.UTC(2026, 5, 1);

/** The birth-year field as the basic-info page builds it, in a form that starts from `birthYear`. */
function openField(birthYear: number | null) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Form } = require('antd-mini/es/Form/form') as FormModule;
  const form = new Form({ initialValues: { birthYear } });
  const field = rt.mountComponent<PickerFieldData, PickerFieldProps>('components/picker-field/index', {
    name: 'birthYear',
    label: '出生年份',
    options: birthYearOptions(NOW),
    openAt: typicalBirthYear(NOW),
  });
  form.addItem(field.instance as never);
  return { form, field };
}

describe('picker field (出生年份)', () => {
  it('with no year yet shows the placeholder, opens on a typical seeker birth year, and stores nothing', async () => {
    const { form, field } = openField(null);
    expect(birthYearOptions(NOW)[0].value).toBe(2010);
    expect(field.data.valueText).toBe('');
    expect(field.data.pickerValue).toBe(1996);
    await rt.flush();
    expect(form.getFieldsValue()).toEqual({ birthYear: null });

    // New options (a re-render) still leave the field alone.
    field.setProps({ options: birthYearOptions(NOW + 1000) });
    await rt.flush();
    expect(form.getFieldsValue()).toEqual({ birthYear: null });
    expect(field.data.pickerValue).toBe(1996);
  });

  it('opens on the stored year, and only 确定 changes it', async () => {
    const { form, field } = openField(1988);
    expect(field.data.valueText).toBe('1988年');
    expect(field.data.pickerValue).toBe(1988);

    field.call('onOk', 1992);
    await rt.flush();
    expect(form.getFieldsValue()).toEqual({ birthYear: 1992 });
    expect(field.data.valueText).toBe('1992年');
    expect(field.data.pickerValue).toBe(1992);
  });

  it('a stored year outside the options is kept, the wheel opening at openAt', async () => {
    const { form, field } = openField(1900);
    expect(field.data.pickerValue).toBe(1996);
    await rt.flush();
    expect(form.getFieldsValue()).toEqual({ birthYear: 1900 });
  });
});
