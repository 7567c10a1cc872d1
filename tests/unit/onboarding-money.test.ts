import {
  distanceMetres,
  fenToYuanString,
  formatFen,
  formatMetres,
  formatMinutes,
  shiftPayFen,
  yuanStringToFen,
} from '../../services/contracts/onboarding';

describe('money in whole fen', () => {
  it('reads typed yuan with at most two decimals, never through floating point', () => {
    expect(yuanStringToFen('220')).toBe(22000);
    expect(yuanStringToFen('220.5')).toBe(22050);
    expect(yuanStringToFen(' 0.07 ')).toBe(7);
    expect(yuanStringToFen('1.005')).toBeUndefined();
    expect(yuanStringToFen('-3')).toBeUndefined();
    expect(yuanStringToFen('1e3')).toBeUndefined();
    // 0.1 + 0.2 style sums stay exact.
    expect(yuanStringToFen('0.10')! + yuanStringToFen('0.20')!).toBe(30);
  });

  it('writes the transfer amount and what people read', () => {
    expect(fenToYuanString(22050)).toBe('220.50');
    expect(fenToYuanString(7)).toBe('0.07');
    expect(formatFen(1234567)).toBe('¥12,345.67');
    expect(formatFen(0)).toBe('¥0.00');
  });

  it('pays a short shift in proportion, rounded half up to a fen, and never more than the day rate', () => {
    expect(shiftPayFen(22050, 480, 480)).toBe(22050);
    expect(shiftPayFen(22050, 600, 480)).toBe(22050);
    expect(shiftPayFen(22050, 240, 480)).toBe(11025);
    // 18733 × 1/480 = 39.027…: 39 fen; 100 × 1/3 = 33.33…: 33; 100 × 1/2 of 1 fen halves round up.
    expect(shiftPayFen(18733, 1, 480)).toBe(39);
    expect(shiftPayFen(1, 240, 480)).toBe(1);
    expect(shiftPayFen(3, 1, 2)).toBe(2);
  });
});

describe('places', () => {
  it('measures metres on the ground and says them as people do', () => {
    const place = { latitude: 30.2741, longitude: 120.1551 };
    expect(distanceMetres(place, place)).toBe(0);
    expect(distanceMetres(place, { latitude: 30.2841, longitude: 120.1551 })).toBe(1112);
    expect(formatMetres(96)).toBe('96米');
    expect(formatMetres(1112)).toBe('1.1公里');
    expect(formatMinutes(45)).toBe('45分钟');
    expect(formatMinutes(480)).toBe('8小时');
    expect(formatMinutes(275)).toBe('4小时35分');
  });
});
