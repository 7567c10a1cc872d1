/** Validation rules of the trust checks' forms, shared by the app and the mock backend. */
import { chinaYearOf } from './months';
import { RESUME_LIMITS } from './resume';
import { checkRule, textCheck, type FieldCheck } from './text';
import {
  ENROLLMENT_YEAR_MIN,
  ID_NUMBER_MESSAGE,
  isValidIdNumber,
  type RealNameRequest,
  type StudentRequest,
} from './trust';
import type { InputRules } from './validation';

export function createRealNameRules(now: () => number = Date.now): InputRules<RealNameRequest> {
  const idNumber: FieldCheck = (value) => {
    if (value === undefined || value === null || value === '') return '请填写身份证号';
    return typeof value === 'string' && isValidIdNumber(value.trim(), now()) ? undefined : ID_NUMBER_MESSAGE;
  };
  return {
    name: checkRule(textCheck('真实姓名', { required: true, max: RESUME_LIMITS.nameMax }), true),
    idNumber: checkRule(idNumber, true),
  };
}
export const realNameRules: InputRules<RealNameRequest> = createRealNameRules();

export function createStudentRules(now: () => number = Date.now): InputRules<StudentRequest> {
  const enrollmentYear: FieldCheck = (value) => {
    if (value === undefined || value === null || value === '') return '请选择入学年份';
    if (typeof value !== 'number' || !Number.isInteger(value)) return '入学年份应为整数';
    const year = chinaYearOf(now());
    if (value > year) return '入学年份不能晚于今年';
    if (value < ENROLLMENT_YEAR_MIN) return `入学年份不能早于${ENROLLMENT_YEAR_MIN}年`;
    return undefined;
  };
  return {
    school: checkRule(textCheck('学校名称', { required: true, max: RESUME_LIMITS.schoolMax }), true),
    enrollmentYear: checkRule(enrollmentYear, true),
  };
}
export const studentRules: InputRules<StudentRequest> = createStudentRules();
