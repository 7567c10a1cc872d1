/**
 * The one way stores drop answers that arrive too late. Every request or read takes a guard before it
 * leaves; when its answer comes, it is applied only if the guard still holds.
 *
 * - Latest request wins: `const isLatest = requests.begin()` supersedes every request begun before it.
 * - A read older than the last write is ignored: `const isFresh = writes.observe()` before reading,
 *   `writes.supersede()` on every write (or tap, or local change the read must not undo).
 */
export type StillCurrent = () => boolean;

export class LateAnswers {
  private version = 0;

  /** A new request: every guard handed out before this one stops holding. */
  begin(): StillCurrent {
    this.version++;
    return this.observe();
  }

  /** A guard that holds until the next `begin` or `supersede`, without superseding anything itself. */
  observe(): StillCurrent {
    const at = this.version;
    return () => this.version === at;
  }

  /** Something newer happened (a write, a tap, a cancel): answers to anything begun before it are stale. */
  supersede(): void {
    this.version++;
  }
}

/** `LateAnswers` per key, for state kept per item (the star of each job). */
export class KeyedLateAnswers<K> {
  private readonly versions = new Map<K, number>();

  /** A guard for one key that holds until that key is superseded. */
  observe(key: K): StillCurrent {
    const at = this.versionOf(key);
    return () => this.versionOf(key) === at;
  }

  /** Guards for every key as of now, for one read that answers about many keys. */
  observeAll(): (key: K) => boolean {
    const snapshot = new Map(this.versions);
    return (key) => this.versionOf(key) === (snapshot.get(key) ?? 0);
  }

  supersede(key: K): void {
    this.versions.set(key, this.versionOf(key) + 1);
  }

  private versionOf(key: K): number {
    return this.versions.get(key) ?? 0;
  }
}
