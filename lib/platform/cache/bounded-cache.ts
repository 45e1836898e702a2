// A per-process cache of at most `limit` entries, least recently used out first (a Map
// keeps insertion order; a hit is moved to the end). For results of unchanged books:
// callers put the business's books version into the key or the stored value, so a
// change anywhere makes the old entry unreachable or stale, never wrong.
export class BoundedCache<V> {
  readonly #entries = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    const value = this.#entries.get(key);
    if (value === undefined) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.limit) this.#entries.delete(this.#entries.keys().next().value!);
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  get size(): number {
    return this.#entries.size;
  }
}

/** A value of the books at one version: returned only while the version is unchanged. */
export class VersionedCache<V> {
  readonly #cache: BoundedCache<{ version: number | string; value: V }>;

  constructor(limit: number) {
    this.#cache = new BoundedCache(limit);
  }

  get(key: string, version: number | string): V | undefined {
    const hit = this.#cache.get(key);
    return hit && hit.version === version ? hit.value : undefined;
  }

  set(key: string, version: number | string, value: V): void {
    this.#cache.set(key, { version, value });
  }

  /** Drops the entry under `key` if it still holds `value` (a failed load, not its successor). */
  delete(key: string, value: V): void {
    const entry = this.#cache.get(key);
    if (entry && entry.value === value) this.#cache.delete(key);
  }
}
