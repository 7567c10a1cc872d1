/**
 * V8's young-generation collection, when the process was started with `--expose-gc` (the `mock` npm script
 * and every launcher of an in-process mock pass it). Without it, nothing: the flag cannot be set safely once
 * the process runs (Node documents changing V8 flags after startup as undefined behaviour).
 */
function collectYoungGeneration(): void {
  globalThis.gc?.({ type: 'minor' });
}

/** Bytes of a stream between two collections: enough to cost nothing, few enough to keep the mock small. */
export const YOUNG_GARBAGE_INTERVAL_BYTES = 4 * 1024 * 1024;

/**
 * For a long streamed upload: every socket read arrives in a fresh buffer (64 KB) that is dead once written
 * to disk, and V8 frees those only at its next young-generation collection, which a fast upload (little
 * JavaScript allocated per buffer) rarely triggers. Over a 50 MB answer video that left about 18 MB of dead
 * buffers in the mock's memory. Counting the bytes and collecting every `interval` bytes keeps it bounded.
 */
export class YoungGarbageCollector {
  private sinceCollection = 0;

  constructor(private readonly interval = YOUNG_GARBAGE_INTERVAL_BYTES) {}

  /** `bytes` more went through (and are garbage once written). */
  passed(bytes: number): void {
    this.sinceCollection += bytes;
    if (this.sinceCollection < this.interval) return;
    this.sinceCollection = 0;
    collectYoungGeneration();
  }
}
