import { CursorList } from '../../stores/cursor-list';
import { ApiError } from '../../services/http';
import type { CursorPage } from '../../services/contracts/page';

type Query = { keyword: string };

/** A fetchPage whose answers the test releases one by one. */
function controlledFetch() {
  const calls: Array<{
    query: Query;
    cursor?: string;
    resolve: (page: CursorPage<number>) => void;
    reject: (error: unknown) => void;
  }> = [];
  const fetchPage = (query: Query, cursor?: string) =>
    new Promise<CursorPage<number>>((resolve, reject) => calls.push({ query, cursor, resolve, reject }));
  return { calls, fetchPage };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('CursorList', () => {
  it('pages on after a pull-to-refresh replaced the list while a next page was on its way', async () => {
    const { calls, fetchPage } = controlledFetch();
    const list = new CursorList<number, Query>(fetchPage, { keyword: '' });
    void list.load();
    calls[0].resolve({ items: [1, 2], nextCursor: 'c2' });
    await settle();
    void list.loadMore();
    expect(list.loadingMore).toBe(true);
    void list.refresh();
    expect(list.loadingMore).toBe(false);
    calls[2].resolve({ items: [1, 2], nextCursor: 'c2' });
    calls[1].resolve({ items: [3, 4], nextCursor: null });
    await settle();
    expect(list.items.slice()).toEqual([1, 2]);
    void list.loadMore();
    expect(calls[3].cursor).toBe('c2');
  });

  it('keeps the shown list, paging under its own query, when a new search fails', async () => {
    const { calls, fetchPage } = controlledFetch();
    const list = new CursorList<number, Query>(fetchPage, { keyword: '' });
    void list.load({ keyword: '杭州' });
    calls[0].resolve({ items: [1, 2], nextCursor: 'c2' });
    await settle();
    void list.load({ keyword: '"*' });
    calls[1].reject(new ApiError('business', '搜索关键词不能包含特殊符号', 400, 'invalid_input'));
    await settle();
    expect(list).toMatchObject({ status: 'ready', errorMessage: '搜索关键词不能包含特殊符号' });
    expect(list.items.slice()).toEqual([1, 2]);
    void list.loadMore();
    expect(calls[2]).toMatchObject({ query: { keyword: '杭州' }, cursor: 'c2' });
  });

  it('shows the error state when the first page of an empty list fails', async () => {
    const { calls, fetchPage } = controlledFetch();
    const list = new CursorList<number, Query>(fetchPage, { keyword: '' });
    void list.load();
    calls[0].reject(new ApiError('network', '网络不给力，请检查网络后重试'));
    await settle();
    expect(list).toMatchObject({ status: 'error', errorMessage: '网络不给力，请检查网络后重试' });
    expect(list.items.slice()).toEqual([]);
  });
});
