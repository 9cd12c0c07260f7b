import { randomBytes } from 'node:crypto';
import { requestId as processRequestId } from '../http/respond.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const ID_LENGTH = 20;

/** sfc32: small, fast, and its whole state is four integers, so a snapshot can carry it. */
class Sfc32 {
  constructor(private s: [number, number, number, number]) {}

  static fromSeed(seed: string): Sfc32 {
    // cyrb128: spreads any string over 128 bits of state.
    let h1 = 1779033703;
    let h2 = 3144134277;
    let h3 = 1013904242;
    let h4 = 2773480762;
    for (let i = 0; i < seed.length; i++) {
      const k = seed.charCodeAt(i);
      h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
      h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
      h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
      h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
    }
    h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
    h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
    h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
    h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
    const g = new Sfc32([(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0]);
    for (let i = 0; i < 12; i++) g.next();
    return g;
  }

  next(): number {
    let [a, b, c, d] = this.s;
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    this.s = [a, b, c, d];
    return t >>> 0;
  }

  token(): string {
    let out = '';
    for (let i = 0; i < ID_LENGTH; i++) out += ALPHABET[this.next() % ALPHABET.length];
    return out;
  }

  get state(): [number, number, number, number] {
    const [a, b, c, d] = this.s;
    return [a >>> 0, b >>> 0, c >>> 0, d >>> 0];
  }
}

/** What a snapshot keeps of the id generators. */
export interface IdState {
  entity: [number, number, number, number];
  /** Only with a seed: without one, request ids are unique per process, not replayable. */
  request: [number, number, number, number] | null;
  chaos: [number, number, number, number];
}

const isQuad = (v: unknown): v is [number, number, number, number] =>
  Array.isArray(v) && v.length === 4 && v.every((n) => Number.isInteger(n) && n >= 0 && n <= 0xffffffff);

/**
 * The ids one mock makes. Every mock draws entity ids (`ofr_…`, `evt_…`, endpoint secrets) from its own
 * generator, so a snapshot can carry it and a restore repeats the ids made after the snapshot. With a
 * `seed`, the generators start from it (so two mocks with the same seed make the same ids), request ids
 * come from a generator too, and `rewind()` goes back to the start.
 */
export class IdSource {
  readonly seeded: boolean;
  #seed: string;
  #entity: Sfc32;
  #request: Sfc32 | undefined;
  #chaos: Sfc32;

  constructor(seed?: string) {
    this.seeded = seed !== undefined;
    this.#seed = seed ?? randomBytes(16).toString('hex');
    this.#entity = Sfc32.fromSeed(`${this.#seed}:entity`);
    this.#request = this.seeded ? Sfc32.fromSeed(`${this.#seed}:request`) : undefined;
    this.#chaos = Sfc32.fromSeed(`${this.#seed}:chaos`);
  }

  /** `ofr_…`-style ids: a prefix and 20 alphanumerics. */
  readonly newId = (prefix: string): string => `${prefix}_${this.#entity.token()}`;

  /** `req_…` ids for the `vinr-request-id` header. */
  readonly requestId = (): string => (this.#request ? `req_${this.#request.token()}` : processRequestId());

  /** A number in [0, 1) for webhook chaos (repeatable with a seed). */
  readonly random = (): number => this.#chaos.next() / 0x1_0000_0000;

  /** Back to the state right after construction (with a seed: the seed's first ids again). */
  rewind(): void {
    if (!this.seeded) return;
    this.#entity = Sfc32.fromSeed(`${this.#seed}:entity`);
    this.#request = Sfc32.fromSeed(`${this.#seed}:request`);
    this.#chaos = Sfc32.fromSeed(`${this.#seed}:chaos`);
  }

  state(): IdState {
    return { entity: this.#entity.state, request: this.#request?.state ?? null, chaos: this.#chaos.state };
  }

  /** Validates before changing anything; returns false for a malformed state. */
  load(state: unknown): boolean {
    const s = state as Partial<IdState> | null;
    if (!s || !isQuad(s.entity) || !isQuad(s.chaos) || !(s.request === null || isQuad(s.request))) return false;
    this.#entity = new Sfc32([...s.entity]);
    this.#chaos = new Sfc32([...s.chaos]);
    if (s.request && this.#request) this.#request = new Sfc32([...s.request]);
    return true;
  }
}
