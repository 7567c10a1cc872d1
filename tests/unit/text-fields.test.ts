/**
 * The resume's text fields in an antd-mini Form, as the platform drives them: typing is not echoed back
 * through setData (an echo of an older value, landing after newer keys, drops characters), a value from
 * elsewhere still reaches the box, and a repeated skill is refused where it is typed.
 */
import type { TagFieldProps } from '../../components/tag-field/props';
import type { TextFieldProps } from '../../components/text-field/props';
import { createRuntime, type ComponentHandle, type Runtime } from '../../runtime/harness/runtime';

jest.mock('antd-mini/es/Form/form', () =>
  (jest.requireActual('../page/resume-support') as typeof import('../page/resume-support')).antdFormModule(),
);

type FormModule = typeof import('antd-mini/es/Form/form');
interface FieldData {
  formData: { status: string; errors: string[] };
  text: string;
  countText: string;
  tags: string[];
  typed: string;
}

let rt: Runtime;
beforeEach(() => {
  jest.resetModules();
  rt = createRuntime({ appJson: false });
});
afterEach(() => rt.dispose());

function formWith<P>(component: string, props: Partial<P>, initialValues: Record<string, unknown>) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Form } = require('antd-mini/es/Form/form') as FormModule;
  const form = new Form({ initialValues });
  const field = rt.mountComponent<FieldData, P>(component, props);
  form.addItem(field.instance as never);
  return { form, field };
}

/** One input event per key, as fast as the platform hands them over. */
function type(field: ComponentHandle<FieldData, unknown>, handler: string, from: string, text: string): void {
  for (let i = 1; i <= text.length; i++) field.fire(handler, { detail: { value: from + text.slice(0, i) } });
}

const textSent = (field: ComponentHandle<FieldData, unknown>) =>
  field.setDataCalls.filter((call) => 'text' in call.payload || 'typed' in call.payload);

describe('text field', () => {
  it('takes 50 keys without echoing them, keeps every one, and follows with the counter a few times', async () => {
    const { form, field } = formWith<TextFieldProps>(
      'components/text-field/index',
      { name: 'description', label: '工作内容', multiline: true, showCount: true, maxLength: 1000 },
      { description: '负责' },
    );
    expect(field.data.text).toBe('负责');
    expect(field.data.countText).toBe('2/1000');
    field.clearSetDataCalls();

    const typed = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMN';
    type(field, 'onInput', '负责', typed);
    await rt.flush();
    expect(form.getFieldsValue()).toEqual({ description: `负责${typed}` });
    expect(textSent(field)).toEqual([]);
    // The counter caught up, and the whole burst cost a handful of transfers, not one per key.
    expect(field.data.countText).toBe('52/1000');
    expect(field.setDataCalls.length).toBeLessThanOrEqual(3);
  });

  it('shows a value set from elsewhere, even one equal to what it showed before typing', async () => {
    const { form, field } = formWith<TextFieldProps>(
      'components/text-field/index',
      { name: 'company', label: '公司名称' },
      { company: '杭州' },
    );
    type(field, 'onInput', '杭州', '某某公司');
    await rt.flush();
    // Discarding the draft puts the saved value back: the box must show it, not keep the typing.
    form.setFieldsValue({ company: '杭州' });
    await rt.flush();
    expect(field.setDataCalls.at(-1)?.payload).toMatchObject({ text: '杭州' });
    expect(field.data.text).toBe('杭州');
  });
});

describe('skills field', () => {
  it('refuses a skill already in the list, in any letter case, naming it and keeping what was typed', async () => {
    const { form, field } = formWith<TagFieldProps>(
      'components/tag-field/index',
      { name: 'skills', label: '技能标签' },
      { skills: ['React'] },
    );
    expect(field.data.tags).toEqual(['React']);
    field.fire('onType', { detail: { value: 'react' } });
    field.call('onAdd');
    await rt.flush();
    expect(form.getFieldsValue()).toEqual({ skills: ['React'] });
    expect(field.data.formData).toMatchObject({ status: 'error', errors: ['“React”已经添加过了，不能重复添加'] });
    // What was typed stays in the box: nothing was sent to it.
    expect(textSent(field)).toEqual([]);

    // Typing again clears the refusal; a new skill is added and the box empties.
    field.fire('onType', { detail: { value: 'Vue' } });
    expect(field.data.formData.status).not.toBe('error');
    field.call('onAdd');
    await rt.flush();
    expect(form.getFieldsValue()).toEqual({ skills: ['React', 'Vue'] });
    expect(field.data.tags).toEqual(['React', 'Vue']);
    expect(textSent(field).at(-1)?.payload).toEqual({ typed: '' });
  });
});
