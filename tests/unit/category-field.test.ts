/**
 * The expectations page's category field in an antd-mini Form: the categories one industry at a time,
 * a search across all, chosen ones marked and removable, the limit enforced.
 */
import type { CategoryFieldProps } from '../../components/category-field/props';
import type { CategoryGroup } from '../../services/contracts/jobs';
import type { CategoryChoice } from '../../view-models/resume-view';
import { createRuntime, type Runtime } from '../../runtime/harness/runtime';

jest.mock('antd-mini/es/Form/form', () =>
  (jest.requireActual('../page/resume-support') as typeof import('../page/resume-support')).antdFormModule(),
);

type FormModule = typeof import('antd-mini/es/Form/form');
interface FieldData {
  chosen: string[];
  industries: string[];
  industryIndex: number;
  choices: CategoryChoice[];
  query: string;
}

const GROUPS: CategoryGroup[] = [
  { industry: '互联网/IT', categories: ['前端开发工程师', 'Java开发工程师', '产品经理'] },
  { industry: '餐饮', categories: ['厨师', '服务员', '兼职帮厨'] },
  { industry: '物流/运输', categories: ['货车司机', '快递员'] },
];

let rt: Runtime;
beforeEach(() => {
  jest.resetModules();
  rt = createRuntime({ appJson: false });
});
afterEach(() => rt.dispose());

function open(categories: string[], props: Partial<CategoryFieldProps> = {}) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Form } = require('antd-mini/es/Form/form') as FormModule;
  const form = new Form({ initialValues: { categories } });
  const field = rt.mountComponent<FieldData, CategoryFieldProps>('components/category-field/index', {
    name: 'categories',
    label: '期望职位类别',
    groups: GROUPS,
    max: 3,
    ...props,
  });
  form.addItem(field.instance as never);
  return { form, field };
}

const names = (choices: CategoryChoice[]) => choices.map((choice) => choice.name);

describe('category field', () => {
  it('lists one industry at a time, opening on the industry of what was saved', () => {
    const { field } = open(['厨师']);
    expect(field.data.industries).toEqual(['互联网/IT', '餐饮', '物流/运输']);
    expect(field.data.industryIndex).toBe(1);
    expect(field.data.choices).toEqual([
      { name: '厨师', industry: '餐饮', chosen: true },
      { name: '服务员', industry: '餐饮', chosen: false },
      { name: '兼职帮厨', industry: '餐饮', chosen: false },
    ]);
    field.tap('onIndustryTap', { dataset: { index: 0 } });
    expect(names(field.data.choices)).toEqual(['前端开发工程师', 'Java开发工程师', '产品经理']);
  });

  it('searches every industry, in any letter case', async () => {
    const { field } = open([]);
    field.fire('onSearchInput', { detail: { value: 'java' } });
    await rt.flush();
    expect(field.data.choices).toEqual([{ name: 'Java开发工程师', industry: '互联网/IT', chosen: false }]);
    field.fire('onSearchInput', { detail: { value: '厨' } });
    await rt.flush();
    expect(names(field.data.choices)).toEqual(['厨师', '兼职帮厨']);
    field.fire('onSearchInput', { detail: { value: '宇航员' } });
    await rt.flush();
    expect(field.data.choices).toEqual([]);
    field.call('onClearSearch');
    expect(field.data.query).toBe('');
    expect(names(field.data.choices)).toEqual(['前端开发工程师', 'Java开发工程师', '产品经理']);
  });

  it('chooses and removes with a tap, and stops at the limit', async () => {
    const limits: number[] = [];
    const { form, field } = open(['厨师'], { onSelectMax: () => limits.push(1) });
    for (const category of ['货车司机', '产品经理', '快递员']) {
      field.tap('onToggle', { dataset: { category } });
      await rt.flush();
    }
    expect(form.getFieldsValue()).toEqual({ categories: ['厨师', '货车司机', '产品经理'] });
    expect(limits).toHaveLength(1);
    expect(field.data.chosen).toEqual(['厨师', '货车司机', '产品经理']);
    field.tap('onToggle', { dataset: { category: '厨师' } });
    await rt.flush();
    expect(form.getFieldsValue()).toEqual({ categories: ['货车司机', '产品经理'] });
    expect(field.data.choices.find((choice) => choice.name === '厨师')?.chosen).toBe(false);
  });
});
