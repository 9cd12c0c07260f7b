import type { Vinr } from '@vinr/sdk';
import { createVinrMock, type VinrMock } from '@vinr/sdk/mocks';

/** The default frozen clock of the suite's reference servers. */
export const START = '2026-06-01T00:00:00Z';

/**
 * A reference server frozen at `now` and a client of it that never retries, so a refusal surfaces at once as
 * the typed error a user would catch.
 */
export function setup(options: { now?: string; earnRate?: number } = {}): { mock: VinrMock; vinr: Vinr } {
  const mock = createVinrMock({
    now: options.now ?? START,
    ...(options.earnRate === undefined ? {} : { earnRate: options.earnRate }),
  });
  return { mock, vinr: mock.client({ maxRetries: 0 }) };
}

/** The rejection of `promise` (fails the test when it resolves), typed as the error the caller expects. */
export async function refusal<E = unknown>(promise: Promise<unknown>): Promise<E> {
  return promise.then(
    (value) => {
      throw new Error(`expected a refusal, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error as E,
  );
}
