/**
 * The scam guard: rules that flag an HR message asking for what employers may not ask of an applicant.
 * One module for the app and the mock; the mock runs it on every HR message and posts a warning card.
 * Only ES2017 built-ins here.
 */

export type ScamRuleKey =
  'fee' | 'training_or_equipment' | 'order_brushing' | 'off_platform_payment' | 'off_platform_chat' | 'id_documents';

export interface ScamRule {
  key: ScamRuleKey;
  /** Shown on the warning card: what the message asks for and why it is a red flag. */
  reason: string;
  patterns: RegExp[];
}

/** Labour Contract Law art. 9, as the warning card quotes it. */
export const SCAM_LAW_NOTE =
  '《劳动合同法》第九条：用人单位招用劳动者，不得扣押劳动者的居民身份证和其他证件，不得要求劳动者提供担保或者以其他名义向劳动者收取财物。';

export const SCAM_RULES: readonly ScamRule[] = [
  {
    key: 'fee',
    reason: '要求缴纳费用或押金：正规招聘不会向求职者收取任何费用',
    patterns: [
      /(押金|保证金|报名费|入职费|服装费|工装费|体检费|中介费|介绍费|管理费|办证费|建档费|面试费|担保金|风险金)/,
      /(交|缴|付|转|收)[^，。！？\n]{0,6}(钱|费用|押金|元|块)/,
    ],
  },
  {
    key: 'training_or_equipment',
    reason: '要求支付培训费或购买设备、资料：这是常见的“培训贷”骗局',
    patterns: [
      /(培训费|培训贷|学费|资料费|教材费|设备费|器材费|材料费)/,
      /(先|需要|必须)[^，。！？\n]{0,6}(购买|买|租)[^，。！？\n]{0,6}(设备|手机|电脑|工具|资料|课程)/,
    ],
  },
  {
    key: 'order_brushing',
    reason: '刷单、返利、垫付做任务：这些都是诈骗，不是工作',
    patterns: [/(刷单|刷信誉|刷好评|返利|返佣|垫付|做任务.{0,4}(返|佣金)|点赞.{0,4}赚|日结.{0,4}佣金)/],
  },
  {
    key: 'off_platform_payment',
    reason: '要求在平台外转账或扫码付款：平台外的钱款往来没有保障',
    patterns: [
      /(扫码|扫一扫|二维码)[^，。！？\n]{0,6}(付|转|支付|缴)/,
      /(转账|汇款|打款)(到|给|至)/,
      /(银行卡号|收款码|对公账户)/,
    ],
  },
  {
    key: 'off_platform_chat',
    reason: '要求到平台外私聊：脱离平台后骗局更难被发现和举报',
    patterns: [
      /(加|添加|联系)[^，。！？\n]{0,4}(微信|vx|v信|威信|wx|qq|QQ|扣扣|飞机|telegram|tg|whatsapp)/i,
      /(微信号|vx号|qq号|QQ号)/i,
      /(下载|安装)[^，。！？\n]{0,6}(app|APP|软件|聊天)/,
    ],
  },
  {
    key: 'id_documents',
    reason: '索要身份证、银行卡照片或原件：用人单位不得扣押或收集求职者证件',
    patterns: [
      /(身份证|银行卡|户口本|学历证|毕业证)[^，。！？\n]{0,6}(照片|拍照|正反面|原件|复印件|发我|发给我|寄|押)/,
      /(拍|发|寄|交|押)[^，。！？\n]{0,6}(身份证|银行卡|户口本)/,
    ],
  },
];

export interface ScamFlag {
  key: ScamRuleKey;
  reason: string;
}

/** The rules `text` trips, in rule order, each at most once; empty when the message looks fine. */
export function scanForScam(text: string): ScamFlag[] {
  const flags: ScamFlag[] = [];
  for (const rule of SCAM_RULES) {
    if (rule.patterns.some((pattern) => pattern.test(text))) flags.push({ key: rule.key, reason: rule.reason });
  }
  return flags;
}
