import { KeyedLateAnswers, LateAnswers } from '../../stores/late-answers';

describe('LateAnswers', () => {
  it('latest request wins: an older request’s answer is dropped once a newer one began', () => {
    const requests = new LateAnswers();
    const first = requests.begin();
    const second = requests.begin();
    expect(first()).toBe(false);
    expect(second()).toBe(true);
  });

  it('a read begun before a write is stale; one begun after it is fresh', () => {
    const writes = new LateAnswers();
    const before = writes.observe();
    writes.supersede();
    const after = writes.observe();
    expect(before()).toBe(false);
    expect(after()).toBe(true);
  });

  it('observing supersedes nothing: two reads with no write between are both fresh', () => {
    const writes = new LateAnswers();
    const a = writes.observe();
    const b = writes.observe();
    expect([a(), b()]).toEqual([true, true]);
  });
});

describe('KeyedLateAnswers', () => {
  it('keeps each key apart: a tap on one job does not stale a read about another', () => {
    const taps = new KeyedLateAnswers<string>();
    const readA = taps.observe('a');
    const readB = taps.observe('b');
    taps.supersede('a');
    expect(readA()).toBe(false);
    expect(readB()).toBe(true);
  });

  it('observeAll guards every key, including keys first touched after the read began', () => {
    const taps = new KeyedLateAnswers<string>();
    taps.supersede('known');
    const isFresh = taps.observeAll();
    taps.supersede('new');
    expect(isFresh('known')).toBe(true);
    expect(isFresh('new')).toBe(false);
    expect(isFresh('untouched')).toBe(true);
  });
});
