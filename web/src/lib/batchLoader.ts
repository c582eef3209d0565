/**
 * Many single look-ups made as few requests: every key asked for in the same tick (a page's
 * rows mounting at once) is fetched together, in chunks of at most `maxBatch`, each key once.
 */
export interface BatchLoaderOptions<K> {
  /** The most keys one request takes. */
  maxBatch: number;
  /** The error of a key the answer leaves out (unknown, or no longer on file). */
  missing: (key: K) => Error;
  /** When the collected keys are fetched; by default once the current tick has run. */
  schedule?: (flush: () => void) => void;
}

interface Waiter<V> {
  resolve: (value: V) => void;
  reject: (error: unknown) => void;
}

export function createBatchLoader<K, V>(
  fetchMany: (keys: K[]) => Promise<ReadonlyMap<K, V>>,
  { maxBatch, missing, schedule = (flush) => setTimeout(flush, 0) }: BatchLoaderOptions<K>,
): (key: K) => Promise<V> {
  let pending = new Map<K, Waiter<V>[]>();

  function settle(waiters: Waiter<V>[] | undefined, outcome: (waiter: Waiter<V>) => void) {
    waiters?.forEach(outcome);
  }

  function fetchChunk(keys: K[], waiting: Map<K, Waiter<V>[]>) {
    fetchMany(keys).then(
      (found) => {
        for (const key of keys) {
          const value = found.get(key);
          settle(waiting.get(key), (waiter) =>
            value === undefined ? waiter.reject(missing(key)) : waiter.resolve(value),
          );
        }
      },
      (error: unknown) => {
        for (const key of keys) settle(waiting.get(key), (waiter) => waiter.reject(error));
      },
    );
  }

  function flush() {
    const waiting = pending;
    pending = new Map();
    const keys = [...waiting.keys()];
    for (let start = 0; start < keys.length; start += maxBatch) {
      fetchChunk(keys.slice(start, start + maxBatch), waiting);
    }
  }

  return (key) =>
    new Promise<V>((resolve, reject) => {
      if (pending.size === 0) schedule(flush);
      const waiters = pending.get(key) ?? [];
      waiters.push({ resolve, reject });
      pending.set(key, waiters);
    });
}
