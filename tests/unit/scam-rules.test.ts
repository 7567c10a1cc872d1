import { scanForScam } from '../../services/contracts/scam-rules';

const keys = (text: string) => scanForScam(text).map((flag) => flag.key);

describe('scanForScam', () => {
  it.each([
    ['入职前需要交300元押金', ['fee']],
    ['先交报名费，名额有限', ['fee']],
    ['岗前培训费2980元，可以分期', ['training_or_equipment']],
    ['需要先购买工作手机才能上岗', ['training_or_equipment']],
    ['在家刷单，一单返利20元', ['order_brushing']],
    ['做任务先垫付，完成后返佣', ['order_brushing']],
    ['扫码付款后给你安排工作', ['off_platform_payment']],
    ['把钱转账到这个银行卡号', ['off_platform_payment']],
    ['加我微信详细聊', ['off_platform_chat']],
    ['下载这个app聊天', ['off_platform_chat']],
    ['把身份证正反面照片发我', ['id_documents']],
    ['入职要押身份证原件', ['id_documents']],
    ['先交500押金，再加我微信', ['fee', 'off_platform_chat']],
    ['拍一下银行卡发过来', ['id_documents']],
  ])('flags %s', (text, expected) => {
    expect(keys(text)).toEqual(expected);
  });

  it.each([
    '你好，方便明天下午面试吗？',
    '我们公司五险一金，双休，月薪8-12K',
    '面试地址在西湖区文三路，带一份简历即可',
    '入职当天请带身份证办理入职手续',
    '请问你什么时候可以到岗？',
  ])('leaves an ordinary message alone: %s', (text) => {
    expect(keys(text)).toEqual([]);
  });

  it('says why, in words a seeker understands', () => {
    const [flag] = scanForScam('交500块押金');
    expect(flag.reason).toContain('正规招聘不会向求职者收取任何费用');
  });
});
