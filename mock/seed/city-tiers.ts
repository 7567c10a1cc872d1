import type { CityTier } from '../../services/contracts/cities';

/**
 * Hand-kept tiers for the cities commonly ranked 一线 to 三线 (after the 2023 新一线城市 ranking), by
 * name without the 市 suffix. Every other prefecture-level city gets a tier from `fallbackTier`.
 */
// prettier-ignore
export const RANKED_CITY_TIERS: Record<Exclude<CityTier, 'tier4' | 'tier5'>, readonly string[]> = {
  tier1: ['北京', '上海', '广州', '深圳'],
  new_tier1: ['成都', '重庆', '杭州', '武汉', '苏州', '西安', '南京', '长沙', '天津', '郑州', '东莞', '青岛', '昆明', '宁波', '合肥'],
  tier2: [
    '佛山', '沈阳', '无锡', '济南', '厦门', '福州', '温州', '哈尔滨', '石家庄', '大连',
    '南宁', '泉州', '金华', '贵阳', '常州', '长春', '南昌', '南通', '嘉兴', '徐州',
    '惠州', '太原', '台州', '绍兴', '保定', '中山', '潍坊', '临沂', '珠海', '烟台',
  ],
  tier3: [
    '兰州', '廊坊', '扬州', '洛阳', '汕头', '乌鲁木齐', '芜湖', '盐城', '海口', '唐山',
    '镇江', '湖州', '揭阳', '江门', '漳州', '淮安', '济宁', '桂林', '呼和浩特', '赣州',
    '邯郸', '银川', '湛江', '连云港', '三亚', '沧州', '绵阳', '宜昌', '泰州', '菏泽',
    '衡阳', '襄阳', '阜阳', '肇庆', '荆州', '淄博', '清远', '上饶', '宿迁', '株洲',
    '岳阳', '遵义', '南阳', '九江', '柳州', '西宁', '新乡', '邢台', '蚌埠', '常德',
    '德州', '商丘', '宁德', '安庆', '滁州', '宜春', '六安', '莆田', '泰安', '信阳',
    '周口', '驻马店', '开封', '茂名', '大庆', '聊城', '滨州', '包头', '鞍山', '威海',
  ],
};

/** Provinces whose remaining cities are sparsely populated, counted as 五线. */
const SPARSE_PROVINCES = ['西藏自治区', '青海省', '宁夏回族自治区', '新疆维吾尔自治区', '甘肃省'];

/**
 * The rule for cities outside the hand-kept table: a 地级市 (name ends in 市) is 四线, except in the sparsely
 * populated western provinces; autonomous prefectures (自治州), prefectures (地区), leagues (盟) and those
 * western cities are 五线. Rough, but it keeps small inland cities in the data with their own weight.
 */
export function fallbackTier(cityName: string, provinceName: string): CityTier {
  if (!cityName.endsWith('市')) return 'tier5';
  return SPARSE_PROVINCES.includes(provinceName) ? 'tier5' : 'tier4';
}

export function tierOf(cityName: string, provinceName: string): CityTier {
  const shortName = cityName.replace(/市$/, '');
  for (const [tier, names] of Object.entries(RANKED_CITY_TIERS) as [CityTier, readonly string[]][]) {
    if (names.includes(shortName)) return tier;
  }
  return fallbackTier(cityName, provinceName);
}

/** Share of seeded jobs per city, by tier: big cities have more, small ones still plenty. */
export const JOB_WEIGHT_BY_TIER: Record<CityTier, number> = {
  tier1: 30,
  new_tier1: 14,
  tier2: 7,
  tier3: 4,
  tier4: 2.5,
  tier5: 1.5,
};

/** Pay in a city relative to a 二线 city. */
export const SALARY_FACTOR_BY_TIER: Record<CityTier, number> = {
  tier1: 1.45,
  new_tier1: 1.2,
  tier2: 1,
  tier3: 0.88,
  tier4: 0.78,
  tier5: 0.7,
};
