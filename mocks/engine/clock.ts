/** Parses `'90s'`, `'15m'`, `'2h'`, `'7d'` or a number of ms. */
export function parseDuration(value: number | string): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('duration must be finite');
    return value;
  }
  const m = /^(-?\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(value.trim());
  if (!m) throw new RangeError(`invalid duration ${JSON.stringify(value)}: use ms or '30s', '15m', '2h', '7d'`);
  const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'ms' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}

/** The largest instant a JS `Date` can hold: beyond it `toISOString()` throws. */
const MAX_DATE_MS = 8.64e15;

/** A clock move refused; `field` says which input (`now` or `advance`) was wrong. */
export class ClockInputError extends RangeError {
  constructor(
    readonly field: 'now' | 'advance',
    message: string,
  ) {
    super(message);
  }
}

const toMs = (date: Date | string | number): number =>
  date instanceof Date ? date.getTime() : typeof date === 'number' ? date : Date.parse(date);

/**
 * Where `{ now?, advance? }` would put the clock, computed in full before anything moves, so a bad
 * `advance` cannot leave `now` half-applied. Throws {@link ClockInputError}.
 * @example
 * ```ts
 * clockTarget({ advance: '2h' }, clock.ms());
 * ```
 */
export function clockTarget(
  change: { now?: Date | string | number | undefined; advance?: number | string | undefined },
  current: number,
): number {
  let base = current;
  if (change.now !== undefined) {
    base = toMs(change.now);
    if (!Number.isFinite(base) || Math.abs(base) > MAX_DATE_MS) {
      throw new ClockInputError('now', `invalid date ${JSON.stringify(change.now)}: outside a Date's range`);
    }
  }
  if (change.advance === undefined) return base;
  let by: number;
  try {
    by = parseDuration(change.advance);
  } catch (e) {
    throw new ClockInputError('advance', (e as Error).message);
  }
  if (by < 0) throw new ClockInputError('advance', 'the clock only moves forward');
  if (Math.abs(base + by) > MAX_DATE_MS)
    throw new ClockInputError('advance', "invalid advance: outside a Date's range");
  return base + by;
}

/**
 * The reference server's only source of business time. Real time until the first `set`/`advance`,
 * then frozen and moved only by the test.
 * @example
 * ```ts
 * const mock = createVinrMock();
 * mock.clock.set('2026-06-06T10:00:00Z');
 * mock.clock.advance('2d');
 * ```
 */
export class MockClock {
  #frozen: number | undefined;
  readonly #listeners = new Set<() => void>();
  constructor(initial?: Date | string | number) {
    if (initial !== undefined) this.set(initial);
  }
  /**
   * Current business time.
   * @example
   * ```ts
   * const today = mock.clock.now().toISOString().slice(0, 10);
   * ```
   */
  now(): Date {
    return new Date(this.#frozen ?? Date.now());
  }
  /**
   * Milliseconds since the epoch (cheaper than `now()` in hot paths).
   * @example
   * ```ts
   * const started = mock.clock.ms();
   * ```
   */
  ms(): number {
    return this.#frozen ?? Date.now();
  }
  /**
   * Freezes the clock at `date` (a Date, an ISO string or ms since the epoch).
   * @example
   * ```ts
   * mock.clock.set('2026-06-06T00:00:00Z');
   * ```
   */
  set(date: Date | string | number): void {
    this.#frozen = clockTarget({ now: date }, this.ms());
    this.#changed();
  }
  /**
   * Freezes the clock (if it was not) and moves it forward by ms or a duration such as `'90s'`, `'2h'`, `'7d'`.
   * @example
   * ```ts
   * mock.clock.advance('1h');
   * ```
   */
  advance(by: number | string): void {
    this.#frozen = clockTarget({ advance: by }, this.ms());
    this.#changed();
  }

  /**
   * Calls `listener` after every `set`/`advance` (the engine announces offers that expired meanwhile).
   * Returns an unsubscribe function.
   * @example
   * ```ts
   * const off = clock.onChange(() => console.log(clock.now()));
   * ```
   */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }
  /**
   * Back to real time (`mock.reset()` does this too).
   * @example
   * ```ts
   * mock.clock.reset();
   * ```
   */
  reset(): void {
    this.#frozen = undefined;
  }
  /** Whether the clock is frozen (after a `set` or `advance`). */
  get frozen(): boolean {
    return this.#frozen !== undefined;
  }
}
