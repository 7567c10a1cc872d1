import { diffForSetData } from '../../stores/set-data-patch';

describe('diffForSetData', () => {
  it('sends nothing when nothing changed', () => {
    expect(diffForSetData({ a: 1, list: [{ id: 1 }] }, { a: 1, list: [{ id: 1 }] })).toEqual({ set: {}, splice: {} });
  });

  it('uses path keys for changed nested fields', () => {
    const prev = {
      filter: { city: '杭州', salary: 8000 },
      list: [
        { id: 1, applied: false },
        { id: 2, applied: false },
      ],
    };
    const next = {
      filter: { city: '湖州', salary: 8000 },
      list: [
        { id: 1, applied: false },
        { id: 2, applied: true },
      ],
    };
    expect(diffForSetData(prev, next)).toEqual({
      set: { 'filter.city': '湖州', 'list[1].applied': true },
      splice: {},
    });
  });

  it('appends with $spliceData when a list grows at the end', () => {
    const prev = { jobs: [{ id: 1 }, { id: 2 }], loading: true };
    const next = { jobs: [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }], loading: false };
    expect(diffForSetData(prev, next)).toEqual({
      set: { loading: false },
      splice: { jobs: [2, 0, { id: 3 }, { id: 4 }] },
    });
  });

  it('prepends with $spliceData when older items come in front, never resending the list', () => {
    const prev = { messages: [{ seq: 3 }, { seq: 4 }], loadingOlder: true };
    const next = { messages: [{ seq: 1 }, { seq: 2 }, { seq: 3 }, { seq: 4 }], loadingOlder: false };
    expect(diffForSetData(prev, next)).toEqual({
      set: { loadingOlder: false },
      splice: { messages: [0, 0, { seq: 1 }, { seq: 2 }] },
    });
  });

  it('replaces a list that shrank or changed mostly', () => {
    expect(diffForSetData({ jobs: [1, 2, 3] }, { jobs: [1] })).toEqual({ set: { jobs: [1] }, splice: {} });
    expect(diffForSetData({ jobs: [1, 2, 3] }, { jobs: [4, 5, 3] })).toEqual({ set: { jobs: [4, 5, 3] }, splice: {} });
  });

  it('replaces an object that lost keys, and values that changed type', () => {
    expect(diffForSetData({ job: { id: 1, extra: 2 } }, { job: { id: 1 } })).toEqual({
      set: { job: { id: 1 } },
      splice: {},
    });
    expect(diffForSetData({ job: null }, { job: { id: 1 } })).toEqual({ set: { job: { id: 1 } }, splice: {} });
  });

  it('ignores data keys the selector does not own', () => {
    expect(diffForSetData({ own: 1, pageOnly: 'x' }, { own: 2 })).toEqual({ set: { own: 2 }, splice: {} });
  });
});
