import type { Rules } from './validation';
import { PAGE_SIZE_MAX } from './page';

/** Rules for the `cursor` and `limit` query values every cursor-paginated list takes. */
export const pageQueryRules: Rules = {
  cursor: { type: 'string', max: 200, message: '分页游标无效' },
  limit: {
    type: 'string',
    validator: (_rule, value: unknown) =>
      value === undefined || (/^\d+$/.test(String(value)) && Number(value) >= 1 && Number(value) <= PAGE_SIZE_MAX),
    message: `每页数量应为1到${PAGE_SIZE_MAX}之间的整数`,
  },
};
