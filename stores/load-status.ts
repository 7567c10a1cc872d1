/** Where a list or record stands: idle before the first load, then loading, ready or error. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';
