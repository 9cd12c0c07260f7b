/**
 * The generation of a mock's state. Everything that replaces the whole state (`mock.reset()`, and any later
 * "restore to a snapshot") calls `advance()`. A request captures `current` when the server starts serving it and
 * checks it just before its engine step (`isCurrent`): a request that started in an older generation is cut off —
 * it applies nothing, records no idempotent response and answers 409 — so a request left in flight by one test
 * cannot write into the state the next test starts from.
 */
export class Generation {
  #current = 0;

  get current(): number {
    return this.#current;
  }

  /** Starts a new generation: every request already in flight is cut off at its next check. */
  advance(): void {
    this.#current++;
  }

  isCurrent(started: number): boolean {
    return started === this.#current;
  }
}
