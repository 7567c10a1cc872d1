import { validate } from '../../services/contracts/validation';
import { loginRules } from '../../services/contracts/auth';

describe('validate (shared by the app and the mock)', () => {
  it('names every bad field in Chinese', async () => {
    expect(await validate(loginRules, { authCode: 'short' })).toEqual([
      { path: 'authCode', message: '授权码格式不正确' },
    ]);
    expect(await validate(loginRules, {})).toEqual([{ path: 'authCode', message: '授权码格式不正确' }]);
  });

  it('refuses input that is not an object', async () => {
    expect(await validate(loginRules, 'x')).toEqual([{ path: '', message: '请求内容格式不正确' }]);
    expect(await validate(loginRules, [1])).toEqual([{ path: '', message: '请求内容格式不正确' }]);
  });

  it('survives null-prototype input and a hasOwnProperty field instead of throwing', async () => {
    const parsedQuery = Object.assign(Object.create(null), { authCode: 'abcdefgh1234' });
    expect(await validate(loginRules, parsedQuery)).toEqual([]);
    expect(await validate(loginRules, { authCode: 'abcdefgh1234', hasOwnProperty: 1 })).toEqual([]);
  });
});
