import { createFakeMy } from '../../runtime/harness/fake-my';

type Call = (api: string, params: unknown, callback: (result: Record<string, unknown>) => void) => void;

function callVia(fake: ReturnType<typeof createFakeMy>, api: string, params: unknown) {
  return new Promise<Record<string, unknown>>((resolve) => {
    let answered = false;
    (fake as unknown as { call: Call }).call(api, params, (result) => {
      answered = true;
      resolve(result);
    });
    // Like every my.* callback: never inside the call.
    expect(answered).toBe(false);
  });
}

describe("my.call('startBizService', { name: 'open-certify' })", () => {
  const param = JSON.stringify({ certifyId: 'c0ffee00c0ffee00c0ffee00c0ffee00', url: 'https://openapi.alipay.com/x' });

  it('answers what the person did in the face check: backed out by default, then done', async () => {
    const fake = createFakeMy();
    expect(await callVia(fake, 'startBizService', { name: 'open-certify', param })).toMatchObject({
      resultStatus: '6001',
    });
    fake.$fake.answerCertify({ resultStatus: '9000' });
    expect(await callVia(fake, 'startBizService', { name: 'open-certify', param })).toMatchObject({
      resultStatus: '9000',
      result: { certifyId: 'c0ffee00c0ffee00c0ffee00c0ffee00' },
    });
    expect(fake.$fake.ui.filter((entry) => entry.api === ('startBizService' as never))).toHaveLength(2);
  });

  it('fails for another service or a param that is not the certify JSON', async () => {
    const fake = createFakeMy();
    expect(await callVia(fake, 'startBizService', { name: 'other' })).toMatchObject({ error: 1 });
    expect(await callVia(fake, 'startBizService', { name: 'open-certify', param: 'nope' })).toMatchObject({
      error: 2,
    });
    expect(await callVia(fake, 'startBizService', { name: 'open-certify', param: '{}' })).toMatchObject({
      error: 2,
      errorMessage: '缺少 certifyId 或 url',
    });
  });
});

describe('canvas and documents in the harness', () => {
  it('records what a draw keeps: without reserve a draw starts the canvas over', async () => {
    const fake = createFakeMy();
    const context = fake.createCanvasContext('pad') as unknown as Record<string, (...args: unknown[]) => unknown>;
    context.moveTo(1, 2);
    context.lineTo(3, 4);
    context.draw();
    context.lineTo(5, 6);
    context.draw(true);
    expect(fake.$fake.canvasOps('pad')).toEqual([
      ['moveTo', [1, 2]],
      ['lineTo', [3, 4]],
      ['lineTo', [5, 6]],
    ]);
    context.lineTo(7, 8);
    context.draw(false);
    expect(fake.$fake.canvasOps('pad')).toEqual([['lineTo', [7, 8]]]);
    const png = await (context.toDataURL({}) as Promise<string>);
    expect(png).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  });

  it('opens a document the person then sees (recorded), and downloadFile fails offline with 12', async () => {
    const fake = createFakeMy();
    await fake.openDocument({ filePath: 'temp://download-1', fileType: 'pdf' });
    expect(fake.$fake.ui.at(-1)).toMatchObject({ api: 'openDocument', filePath: 'temp://download-1', fileType: 'pdf' });
    fake.$fake.setOffline(true);
    await expect(fake.downloadFile({ url: 'http://127.0.0.1:9/x.pdf' })).rejects.toMatchObject({ error: 12 });
    expect(fake.$fake.downloads).toEqual([]);
  });
});
