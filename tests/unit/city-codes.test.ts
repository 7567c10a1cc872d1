import { canonicalCityCode } from '../../services/contracts/cities';

describe('canonicalCityCode', () => {
  it.each([
    ['110100', '110000'], // 北京 as Alipay's picker answers it
    ['110108', '110000'], // 海淀区
    ['120100', '120000'],
    ['310100', '310000'],
    ['310115', '310000'], // 浦东新区
    ['500100', '500000'],
    ['500229', '500000'], // 城口县, in 重庆's county group 500200
    ['110000', '110000'],
    ['330100', '330100'],
    ['330113', '330100'], // 临平区 → 杭州
    ['441901', '441900'], // a town of 东莞
    ['100000', ''], // 全国
    ['330000', '330000'], // a province stays what it is (and is no city)
    [' 310100 ', '310000'],
    ['3301', '3301'],
    ['abcdef', 'abcdef'],
  ])('%s → %s', (code, canonical) => {
    expect(canonicalCityCode(code)).toBe(canonical);
  });
});
