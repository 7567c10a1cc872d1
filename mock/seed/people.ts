import type { CompanySize } from '../../services/contracts/jobs';
import type { Random } from './prng';

// prettier-ignore
const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '潘', '袁', '蔡', '蒋', '余',
];
// prettier-ignore
const GIVEN_NAME_CHARS = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平',
  '刚', '桂', '婷', '雪', '慧', '佳', '欣', '晨', '宇', '浩', '倩', '琳', '颖', '鹏', '帆', '雯', '博', '嘉', '悦', '思',
];

/** A plausible Chinese full name: surname plus one or two characters. */
export function personName(random: Random): string {
  const given = random.chance(0.6)
    ? random.pick(GIVEN_NAME_CHARS) + random.pick(GIVEN_NAME_CHARS)
    : random.pick(GIVEN_NAME_CHARS);
  return random.pick(SURNAMES) + given;
}

/** Small shops are run by the owner or the manager; bigger companies have recruiters. */
export function hrTitle(random: Random, size: CompanySize): string {
  if (size === 'lt20') return random.pick(['老板', '店长', '负责人']);
  return random.pick(['招聘专员', 'HR', '人事经理', '招聘主管', '人事专员', '招聘经理']);
}

/** Two-character trade names; combined with a city and a suffix they rarely collide. */
// prettier-ignore
const TRADE_NAME_CHARS = [
  '华', '鑫', '恒', '盛', '达', '远', '创', '锦', '天', '瑞', '博', '启', '航', '新', '源', '汇', '泰', '中', '联', '信',
  '宏', '嘉', '运', '通', '佳', '誉', '力', '德', '安', '康', '顺', '优', '星', '云', '智', '合', '捷', '美', '全', '鼎',
];

export function companyName(random: Random, cityName: string, suffix: string): string {
  const trade = random.pick(TRADE_NAME_CHARS) + random.pick(TRADE_NAME_CHARS);
  return cityName.replace(/(市|地区|盟|自治州)$/, '').slice(0, 4) + trade + suffix;
}

// prettier-ignore
const ROADS = [
  '人民路', '解放路', '建设路', '中山路', '文化路', '新华路', '胜利路', '和平路', '长江路', '黄河路', '青年路', '光明路',
  '迎宾大道', '世纪大道', '科技路', '创业路', '学府路', '幸福路', '东风路', '朝阳路', '滨河路', '站前路', '工业大道', '民主路',
];
const OFFICE_PLACES = ['', '', '国际大厦', '科技园', '商务中心', '时代广场', '创业园'];
const FRONTLINE_PLACES = ['', '', '万达广场', '步行街', '农贸市场旁', '购物中心', '社区服务中心'];
const INDUSTRIAL_PLACES = ['经济开发区', '工业园区', '高新区', '物流园'];

export type Workplace = 'office' | 'frontline' | 'industrial';

/** A street address inside a district: industrial jobs sit in parks, shops on busy streets. */
export function streetAddress(random: Random, district: string, workplace: Workplace): string {
  const number = `${random.int(1, 899)}号`;
  if (workplace === 'industrial') return `${district}${random.pick(INDUSTRIAL_PLACES)}${random.pick(ROADS)}${number}`;
  const place = random.pick(workplace === 'office' ? OFFICE_PLACES : FRONTLINE_PLACES);
  return `${district}${random.pick(ROADS)}${number}${place}`;
}
