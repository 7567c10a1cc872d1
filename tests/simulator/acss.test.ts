/** rpx (/mini/framework/acss): 750rpx is the screen width. */
import { acssToCss, convertRpx, renameTagSelectors } from '../../simulator/core/acss';

describe('rpx', () => {
  it('makes 750rpx the frame width', () => {
    expect(convertRpx('width: 750rpx', 375 / 750)).toBe('width: 375px');
    expect(convertRpx('width: 750rpx', 414 / 750)).toBe('width: 414px');
  });

  it('converts every length, including fractions and negatives, and leaves other units and names alone', () => {
    expect(convertRpx('margin: 16rpx -24rpx 0 .5rpx; border: 1rpx solid #eee; font-size: 14px', 0.5)).toBe(
      'margin: 8px -12px 0 0.25px; border: 0.5px solid #eee; font-size: 14px',
    );
    expect(convertRpx('.a-rpxb { --x: 2rpx }', 0.5)).toBe('.a-rpxb { --x: 1px }');
  });

  it('names the source file in the page stylesheet', () => {
    expect(acssToCss('page { padding: 20rpx; }', 0.5, 'app.acss')).toBe('/* app.acss */\npage { padding: 10px; }');
  });
});

describe('tag selectors of renamed built-ins', () => {
  it('follow button and progress to their DOM names, and leave classes and values alone', () => {
    expect(
      renameTagSelectors('button { color: red } view > button:active, .my-button, #button, button.x { margin: 0 }'),
    ).toBe('sim-button { color: red } view > sim-button:active, .my-button, #button, sim-button.x { margin: 0 }');
    expect(renameTagSelectors('@media (min-width: 1px) { progress { width: 1px } }')).toBe(
      '@media (min-width: 1px) { sim-progress { width: 1px } }',
    );
    expect(renameTagSelectors('.a { content: "button"; }')).toBe('.a { content: "button"; }');
  });
});
