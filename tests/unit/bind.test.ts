import { observable, runInAction } from 'mobx';
import { bindView, type ViewInstance } from '../../stores/bind';

type Call = { kind: 'setData' | 'spliceData' | 'batch'; payload?: unknown };

function fakeView<D extends Record<string, unknown>>(data: D) {
  const calls: Call[] = [];
  const view: ViewInstance<D> = {
    data: JSON.parse(JSON.stringify(data)) as D,
    setData(patch) {
      calls.push({ kind: 'setData', payload: patch });
      Object.assign(this.data, patch);
    },
    $spliceData(patch) {
      calls.push({ kind: 'spliceData', payload: patch });
      for (const [key, [start, deleteCount, ...items]] of Object.entries(patch as Record<string, unknown[]>)) {
        (this.data as Record<string, unknown[]>)[key].splice(start as number, deleteCount as number, ...items);
      }
    },
    $batchedUpdates(fn) {
      calls.push({ kind: 'batch' });
      fn();
    },
  };
  return { view, calls };
}

describe('bindView', () => {
  it('sends the initial difference, then only what changed, then nothing after dispose', () => {
    const state = observable({ count: 0, name: '张三', jobs: [] as number[] });
    const { view, calls } = fakeView({ count: 0, name: '', jobs: [] as number[] });
    const dispose = bindView(view, () => ({ count: state.count, name: state.name, jobs: state.jobs.slice() }));
    expect(calls).toEqual([{ kind: 'setData', payload: { name: '张三' } }]);

    runInAction(() => {
      state.count = 1;
    });
    expect(calls[1]).toEqual({ kind: 'setData', payload: { count: 1 } });

    runInAction(() => state.jobs.push(7, 8));
    expect(calls[2]).toEqual({ kind: 'spliceData', payload: { jobs: [0, 0, 7, 8] } });
    expect(view.data.jobs).toEqual([7, 8]);

    runInAction(() => {
      state.name = '张三';
    });
    expect(calls).toHaveLength(3);

    dispose();
    runInAction(() => {
      state.count = 2;
    });
    expect(calls).toHaveLength(3);
  });

  it('merges a field change and an append into one transfer', () => {
    const state = observable({ loading: true, jobs: [1] });
    const { view, calls } = fakeView({ loading: true, jobs: [1] });
    bindView(view, () => ({ loading: state.loading, jobs: state.jobs.slice() }));
    runInAction(() => {
      state.loading = false;
      state.jobs.push(2);
    });
    expect(calls).toEqual([
      { kind: 'batch' },
      { kind: 'setData', payload: { loading: false } },
      { kind: 'spliceData', payload: { jobs: [1, 0, 2] } },
    ]);
  });
});

describe('bindView with undefined fields', () => {
  it('treats an undefined field as absent, as the JSON crossing does', () => {
    const state = observable({ jobs: [{ id: 1, note: undefined as string | undefined }] });
    const { view, calls } = fakeView({ jobs: [{ id: 1 }] as Array<Record<string, unknown>> });
    bindView(view, () => ({ jobs: state.jobs.map((j) => ({ ...j })) }));
    expect(calls).toEqual([]);
    runInAction(() => state.jobs.push({ id: 2, note: undefined }));
    expect(calls).toEqual([{ kind: 'spliceData', payload: { jobs: [1, 0, { id: 2 }] } }]);
  });
});
