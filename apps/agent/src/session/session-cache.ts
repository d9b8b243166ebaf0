interface Entry<T> {
  key: string;
  value: T;
  expiresAtMs: number;
  movedAt: number;
}

/** Keys longer than this are filed under their last KEY_TAIL characters (see SessionCache). */
const LONG_KEY = 64;
const KEY_TAIL = 32;

/**
 * A bounded LRU of verified sessions by cookie value, so the hot path decrypts a cookie once
 * instead of on every request (jose's WebCrypto decrypt costs ~40 µs). Entries never outlive the
 * session they hold: each carries the time it stops being valid.
 *
 * Two things keep a hit cheap:
 * - A cookie value is a new 1-3 KB string on every request, and hashing it for a Map lookup
 *   costs V8 ~4 ns per character (~10 µs). Long keys are filed under their tail (for a sealed
 *   cookie, the random AES-GCM tag) and the whole key is compared before an entry is used: two
 *   keys sharing a tail only evict each other, never read each other's entry.
 * - Recency is approximate: an entry moves to the young end only when a quarter of the capacity
 *   has been inserted since it last moved, not on every hit (a Map delete and re-insert per
 *   request). An entry used at least that often is never evicted; the rest leave oldest first.
 */
export class SessionCache<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #moveAfter: number;
  #insertions = 0;

  constructor(private readonly maxEntries: number) {
    this.#moveAfter = Math.floor(maxEntries / 4);
  }

  get(key: string, nowMs: number): T | undefined {
    const slot = slotOf(key);
    const entry = this.#entries.get(slot);
    if (entry === undefined || entry.key !== key) return undefined;
    if (entry.expiresAtMs <= nowMs) {
      this.#entries.delete(slot);
      return undefined;
    }
    if (this.#insertions - entry.movedAt > this.#moveAfter) {
      this.#entries.delete(slot);
      this.#entries.set(slot, entry);
      entry.movedAt = this.#insertions;
    }
    return entry.value;
  }

  /** The entry if present and unexpired, without counting as a use. */
  peek(key: string, nowMs: number): T | undefined {
    const entry = this.#entries.get(slotOf(key));
    return entry !== undefined && entry.key === key && entry.expiresAtMs > nowMs
      ? entry.value
      : undefined;
  }

  set(key: string, value: T, expiresAtMs: number): void {
    const slot = slotOf(key);
    this.#insertions += 1;
    this.#entries.delete(slot);
    this.#entries.set(slot, { key, value, expiresAtMs, movedAt: this.#insertions });
    if (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
  }

  delete(key: string): void {
    const slot = slotOf(key);
    if (this.#entries.get(slot)?.key === key) this.#entries.delete(slot);
  }

  get size(): number {
    return this.#entries.size;
  }
}

function slotOf(key: string): string {
  return key.length > LONG_KEY ? key.slice(-KEY_TAIL) : key;
}
