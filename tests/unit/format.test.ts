import {
  formatCount,
  formatDistance,
  formatLastActive,
  formatMessageTime,
  formatReplyRate,
  formatSalary,
  formatWorkDay,
  maskUserId,
} from '../../format';

describe('formatSalary', () => {
  it.each([
    [{ min: 8000, max: 12000, unit: 'month', months: 13 }, '8-12K·13薪'],
    [{ min: 3500, max: 5000, unit: 'month', months: 12 }, '3.5-5K'],
    [{ min: 6000, max: 6000, unit: 'month' }, '6K'],
    [{ min: 200, max: 200, unit: 'day' }, '200元/天'],
    [{ min: 150, max: 220, unit: 'day' }, '150-220元/天'],
    [{ min: 25, max: 30, unit: 'hour' }, '25-30元/时'],
  ] as const)('%j → %s', (salary, text) => {
    expect(formatSalary(salary)).toBe(text);
  });
});

describe('activity and times', () => {
  const now = Date.parse('2026-11-22T12:00:00+08:00');
  it('says how recently an HR was active', () => {
    expect(formatLastActive('2026-11-22T11:58:00+08:00', now)).toBe('刚刚活跃');
    expect(formatLastActive('2026-11-22T09:00:00+08:00', now)).toBe('3小时前活跃');
    expect(formatLastActive('2026-11-20T12:00:00+08:00', now)).toBe('2天前活跃');
  });
  it('formats distances', () => {
    expect(formatDistance(0.004)).toBe('10m');
    expect(formatDistance(0.83)).toBe('830m');
    expect(formatDistance(2.345)).toBe('2.3km');
    expect(formatDistance(126.4)).toBe('126km');
  });
  it('formats message times like a chat list', () => {
    expect(formatMessageTime('2026-11-22T08:05:00+08:00', now)).toBe('08:05');
    expect(formatMessageTime('2025-03-02T08:05:00+08:00', now)).toBe('2025年3月2日');
  });
  it('formats counts, rates and ids', () => {
    expect(formatCount(5)).toBe('5');
    expect(formatCount(120)).toBe('99+');
    expect(formatReplyRate(0.853)).toBe('回复率 85%');
    expect(maskUserId('2088000000000001')).toBe('2088****0001');
  });
});

describe('formatWorkDay', () => {
  const NOW = Date.parse('2026-12-07T21:30:00Z'); // 12月8日 in China

  it('writes a calendar day as Chinese apps do, with its weekday and the time', () => {
    expect(formatWorkDay('2026-12-08', '09:00', NOW)).toBe('12月8日 周二 09:00');
    expect(formatWorkDay('2026-12-13', '', NOW)).toBe('12月13日 周日');
  });

  it('names the year only when it is not this year’s (in China)', () => {
    expect(formatWorkDay('2027-01-04', '08:30', NOW)).toBe('2027年1月4日 周一 08:30');
    expect(formatWorkDay('2027-01-01', '', Date.parse('2026-12-31T17:00:00Z'))).toBe('1月1日 周五');
  });
});
