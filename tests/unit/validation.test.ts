import { checkInput, INPUT_DEPTH_MAX, validate } from '../../services/contracts/validation';
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

  it('refuses input nested thousands of levels deep with a message, instead of overflowing the stack', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 20000; i++) deep = { a: deep };
    expect(await validate(loginRules, { authCode: deep })).toEqual([
      { path: '', message: `请求内容嵌套过深（最多${INPUT_DEPTH_MAX}层）` },
    ]);
    let fine: unknown = 'x';
    for (let i = 0; i < INPUT_DEPTH_MAX - 1; i++) fine = [fine];
    expect(await validate(loginRules, { authCode: fine })).toEqual([{ path: 'authCode', message: '授权码格式不正确' }]);
  });
});

describe('checkInput (typed by its rules)', () => {
  it('answers the input typed as its rules say when it passes, a plain copy of it', async () => {
    const input = Object.assign(Object.create(null), { authCode: 'abcdefgh1234' });
    const checked = await checkInput(loginRules, input);
    expect(checked).toEqual({ ok: true, value: { authCode: 'abcdefgh1234' } });
    // Typed: reading a field of the value needs no cast.
    if (checked.ok) expect(checked.value.authCode.length).toBe(12);
  });

  it('answers every field error when it does not', async () => {
    expect(await checkInput(loginRules, { authCode: 1 })).toEqual({
      ok: false,
      fields: [{ path: 'authCode', message: '授权码格式不正确' }],
    });
  });
});
