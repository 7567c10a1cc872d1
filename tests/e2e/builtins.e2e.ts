/**
 * The simulator's own rendering, on a small fixture mini-program (tests/e2e/fixtures/kitchen-sink): built-in
 * components, bindings, templates, SJS, slots, bubbling and catch, a Component2 with a function prop, forms,
 * navigation, and the red boxes for what the simulator does not support. Screenshots:
 * artifacts/e2e/builtins/.
 */
import path from 'node:path';
import { SimApp, startStack, type BrowserGlobals, type Stack } from './support/stack';

interface Image {
  naturalWidth: number;
  decode(): Promise<void>;
}

let stack: Stack;
let app: SimApp;

beforeAll(async () => {
  stack = await startStack({ distDir: path.join(__dirname, 'fixtures/kitchen-sink') });
  app = await SimApp.open(stack, 'builtins');
  await app.waitForRoute('pages/index/index');
});

afterAll(async () => {
  await app?.close();
  await stack?.stop();
});

const section = (title: string) => app.frame().locator('.section', { hasText: title });

describe('the kitchen-sink page', () => {
  it('renders bindings, SJS, templates and conditions', async () => {
    await app.step('绑定、SJS、模板', async () => {
      const box = app.frame().locator('.box');
      await box.waitFor();
      expect(await box.innerText()).toBe('ALIPAY · 关');
      expect(await box.evaluate((el) => (globalThis as unknown as BrowserGlobals).getComputedStyle(el).width)).toBe(
        '200px',
      ); // 400rpx on a 375 frame
      expect(await app.frame().locator('.total').innerText()).toBe('合计 9.75');
      expect(await app.frame().locator('.row').allInnerTexts()).toEqual([
        '1. 苹果 · ¥3.5',
        '2. 香蕉 · ¥2.25',
        '3. 橙子 · ¥4',
      ]);
      expect(await app.frame().locator('.row-done').count()).toBe(1);
      expect(await section('列表与模板').innerText()).toContain('多于两项');
      await box.click();
      await app.frame().getByText('ALIPAY · 开').waitFor();
      expect(await box.getAttribute('class')).toBe('box box-on');
    });
  });

  it('keeps an element (and what was typed in it) when an a:if sibling before it appears or goes', async () => {
    await app.step('a:if 兄弟节点出现、消失：输入框里的字还在', async () => {
      const keep = app.frame().locator('.keep');
      const note = app.frame().locator('.on-note');
      await keep.fill('只在框里');
      for (let tap = 0; tap < 2; tap++) {
        const shown = await note.count();
        await app.frame().locator('.box').click();
        await app.waitUntil(async () => (await note.count()) !== shown, 'the a:if sibling toggled');
        expect(await keep.inputValue()).toBe('只在框里');
      }
    });
  });

  it('sends dataset with taps, bubbles on* and stops at catch*', async () => {
    await app.step('事件：dataset、冒泡与 catch', async () => {
      await app.frame().locator('.pick', { hasText: '香蕉' }).click();
      await app.frame().getByText('已选：香蕉').waitFor();
      await app.frame().locator('.inner').click();
      await app.frame().getByText('内层（catch）1').waitFor();
      expect(await app.frame().locator('.outer').innerText()).toContain('外层 0');
      await app.frame().locator('.bubble').click();
      await app.frame().getByText('内层（冒泡）1').waitFor();
      await app.frame().getByText('外层 1').waitFor();
    });
  });

  it('fills default and scoped named slots of a Component2 and calls its function prop', async () => {
    await app.step('组件：插槽与函数 props', async () => {
      const card = app.frame().locator('.card');
      expect(await card.locator('.slot-default').innerText()).toBe('默认插槽内容');
      expect(await card.locator('.slot-footer').innerText()).toBe('底部插槽：点了 0 次');
      await card.locator('.card-life').getByText('onInit → deriveDataFromProps → didMount').waitFor();
      await card.locator('.card-button').click();
      await app.frame().getByText('组件事件：点了 1 次，来自 page').waitFor();
      await card.getByText('底部插槽：点了 1 次').waitFor();
    });
  });

  it('collects a form: input, switch, checkbox-group, radio-group, textarea', async () => {
    await app.step('表单提交', async () => {
      const form = section('表单');
      await form.locator('input.field').fill('小明');
      await app.frame().getByText('输入：小明').waitFor();
      await form.locator('label.option', { hasText: '设计' }).click();
      await form.locator('label.option', { hasText: '高级' }).click();
      await form.locator('switch').click();
      await form.locator('textarea').fill('你好');
      await form.locator('sim-button.submit').click();
      await app.frame().locator('.result', { hasText: 'nickname' }).waitFor();
      expect(JSON.parse(await app.frame().locator('.result').innerText())).toEqual({
        nickname: '小明',
        notify: false,
        skills: ['设计'],
        level: 'senior',
        intro: '你好',
      });
    });
  });

  it('renders icons, progress, image, swiper, scroll-view, camera, video and stand-ins', async () => {
    await app.step('基础组件与占位', async () => {
      const basics = section('基础组件');
      await basics.scrollIntoViewIfNeeded();
      expect(await basics.locator('icon svg').count()).toBe(5);
      expect(await basics.locator('sim-progress').innerText()).toContain('60%');
      await basics.locator('image.photo img').evaluate((img) => (img as unknown as Image).decode());
      expect(await basics.locator('image.photo img').evaluate((img) => (img as unknown as Image).naturalWidth)).toBe(
        240,
      );
      expect(await basics.locator('swiper-item').count()).toBe(3);
      const standins = section('占位与不支持');
      await standins.scrollIntoViewIfNeeded();
      expect(await standins.locator('sim-standin').allInnerTexts()).toEqual([expect.stringContaining('地图 map')]);
      // <camera> and <video> are the browser's own (recorded interview): no camera here, so no preview.
      expect(await standins.locator('sim-camera').count()).toBe(1);
      expect(await standins.locator('video[src="https://example.com/a.mp4"]').count()).toBe(1);
    });
  });

  it('picks with <picker> (the shell’s sheet) and shows <picker-view> at its value; hover-class while pressed', async () => {
    await app.step('选择器', async () => {
      const pickers = section('选择器');
      await pickers.scrollIntoViewIfNeeded();
      await pickers.locator('.picker').click();
      await app.page.locator('.sim-sheet-item', { hasText: '杭州' }).click();
      await pickers.getByText('城市：杭州').waitFor();
      const firstColumn = pickers.locator('picker-view-column').first();
      expect(await firstColumn.evaluate((column) => (column as unknown as { scrollTop: number }).scrollTop)).toBe(34);
      const hover = pickers.locator('.hover');
      const box = await hover.boundingBox();
      await app.page.mouse.move((box?.x ?? 0) + 5, (box?.y ?? 0) + 5);
      await app.page.mouse.down();
      expect(await hover.getAttribute('class')).toContain('hover-on');
      await app.page.mouse.up();
      expect(await hover.getAttribute('class')).not.toContain('hover-on');
    });
  });

  it('drags a movable-view along its direction, inside its area, and a drag is no tap', async () => {
    await app.step('movable-view 拖动', async () => {
      const view = section('可移动').locator('movable-view');
      await view.scrollIntoViewIfNeeded();
      const box = await view.boundingBox();
      if (!box) throw new Error('movable-view is not on screen');
      await app.page.mouse.move(box.x + 200, box.y + 20);
      await app.page.mouse.down();
      for (let step = 1; step <= 8; step++) await app.page.mouse.move(box.x + 200 - step * 20, box.y + 20 + step * 5);
      await app.page.mouse.up();
      // 160 px to the left, clamped to the 120 px the 420 px view can go in its 300 px area; no vertical move.
      const state = section('可移动').locator('.movable-state');
      await state.getByText('停在 -120').waitFor();
      expect(await view.evaluate((el) => (el as unknown as { style: { transform: string } }).style.transform)).toBe(
        'translate(-120px, 0px)',
      );
      await app.page.mouse.click(box.x + 100, box.y + 20);
      await state.getByText('点了').waitFor();
    });
  });

  it('reports an element entering the viewport to createIntersectionObserver', async () => {
    await app.step('createIntersectionObserver', async () => {
      const observed = app.frame().locator('.observed');
      const scrollTop = () =>
        app
          .frame()
          .locator('body')
          .evaluate(() => (globalThis as unknown as BrowserGlobals).scrollTo(0, 0));
      await scrollTop();
      // Not seen yet (no report while the ratio stays at initialRatio 0), or seen and left again.
      expect(['未进入视野', '离开视野']).toContain(await observed.innerText());
      await observed.scrollIntoViewIfNeeded();
      await app
        .frame()
        .locator('.observed', { hasText: /^进入视野$/ })
        .waitFor();
      await scrollTop();
      await app.frame().locator('.observed', { hasText: '离开视野' }).waitFor();
    });
  });

  it('draws what my.createCanvasContext recorded on the <canvas>, then calls back', async () => {
    await app.step('canvas 绘制', async () => {
      await app.frame().locator('.canvas-state', { hasText: '画好了' }).waitFor();
      const pixels = await app
        .frame()
        .locator('#sink-canvas')
        .evaluate((canvas) => {
          const context = (
            canvas as unknown as { getContext(kind: '2d'): { getImageData(...a: number[]): { data: number[] } } }
          ).getContext('2d');
          const at = (x: number, y: number) => Array.from(context.getImageData(x, y, 1, 1).data);
          return { filled: at(10, 10), ring: at(105, 20), empty: at(90, 20) };
        });
      expect(pixels.filled).toEqual([22, 119, 255, 255]);
      expect(pixels.ring[0]).toBeGreaterThan(200);
      expect(pixels.empty[3]).toBe(0);
    });
  });

  it('shows red boxes naming what it does not support, never a blank', async () => {
    await app.step('不支持：红框', async () => {
      const boxes = section('占位与不支持').locator('sim-error');
      expect(await boxes.count()).toBe(2);
      expect(await boxes.nth(0).innerText()).toContain('<rich-text>');
      expect(await boxes.nth(1).innerText()).toContain('<marquee-view>');
      await section('基础组件').locator('.unsupported-api').click();
      await app.page.locator('.sim-redbox', { hasText: 'my.startBeaconDiscovery' }).waitFor();
      await app.frame().getByText('startBeaconDiscovery failed').waitFor();
      expect(await app.unsupported()).toContain('my.startBeaconDiscovery');
    });
  });

  it('runs onPullDownRefresh and navigates with <navigator> and back', async () => {
    await app.step('下拉刷新', async () => {
      await app.page.evaluate(() => (globalThis as unknown as BrowserGlobals).scrollTo(0, 0));
      await app.pullDownRefresh();
      await app.frame().getByText('refreshed').waitFor();
    });
    await app.step('navigator 打开第二页', async () => {
      await section('基础组件').locator('navigator').click();
      await app.waitForRoute('pages/second/index');
      await app.frame().getByText('来自：navigator').waitFor();
      expect(await app.page.locator('.sim-nav-title').innerText()).toBe('第二页');
    });
    await app.step('my.navigateBack 返回', async () => {
      await app.frame().getByText('返回上一页').click();
      await app.waitForRoute('pages/index/index');
    });
  });
});
