import {
  INPUT_TOO_DEEP_MESSAGE,
  nestsTooDeep,
  toPlainInput,
  validate,
  type InputRules,
} from '../../services/contracts/validation';
import { invalidInput } from './api-error';

/** Where the input came from; query and header paths are prefixed (`query.limit`), body paths are not. */
export type InputSource = 'body' | 'query' | 'headers';

/**
 * Checks `value` with the contract's rules and throws a 400 naming every bad field, or returns it typed.
 * A query field the rules know that appears more than once (`keyword=a&keyword=b`) is refused as such,
 * before its rule would judge the list the parser made of it.
 */
export async function validateInput<T>(rules: InputRules<T>, value: unknown, source: InputSource): Promise<T> {
  if (nestsTooDeep(value)) throw invalidInput([{ path: source, message: INPUT_TOO_DEEP_MESSAGE }]);
  if (source === 'query') refuseRepeatedFields(rules, value);
  const input = toPlainInput(value ?? (source === 'body' ? undefined : {}));
  const fields = await validate(rules, input);
  if (fields.length) {
    throw invalidInput(
      fields.map((field) => ({
        path: source === 'body' ? field.path || 'body' : field.path ? `${source}.${field.path}` : source,
        message: field.message,
      })),
    );
  }
  return input as T;
}

/**
 * What a person calls each query parameter, for the message about the parameter itself (given twice); the
 * error's `path` keeps the parameter's name for machines.
 */
const QUERY_PARAMETER_LABELS: Readonly<Record<string, string>> = {
  keyword: '搜索关键词',
  cityCode: '城市',
  district: '区县',
  lat: '纬度',
  lng: '经度',
  salaryMin: '最低薪资',
  salaryMax: '最高薪资',
  experience: '经验要求',
  education: '学历要求',
  jobType: '职位类型',
  industry: '行业',
  companySize: '公司规模',
  directOnly: '只看直招',
  sort: '排序方式',
  prefCategories: '期望职位',
  prefSalaryMin: '期望薪资',
  prefCityCodes: '期望城市',
  cursor: '分页游标',
  limit: '每页数量',
  status: '状态',
  jobId: '职位',
  unread: '只看未读',
  createdFrom: '开始日期',
  createdTo: '结束日期',
  applicationId: '投递编号',
  month: '月份',
  afterSeq: '消息序号',
  beforeSeq: '消息序号',
};

function refuseRepeatedFields(rules: object, query: unknown): void {
  if (!query || typeof query !== 'object') return;
  const repeated = Object.entries(query).filter(
    ([name, given]) => Array.isArray(given) && Object.prototype.hasOwnProperty.call(rules, name),
  );
  if (repeated.length) {
    throw invalidInput(
      repeated.map(([name, given]) => ({
        path: `query.${name}`,
        message:
          name in QUERY_PARAMETER_LABELS
            ? `${QUERY_PARAMETER_LABELS[name]}只能填写一个`
            : `参数${name}只能出现一次（出现了${(given as unknown[]).length}次）`,
      })),
    );
  }
}

/** Query values arrive as strings; an empty one means "not given". */
export function optionalText(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
