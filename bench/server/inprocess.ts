/**
 * The in-process half of the reference-server benchmark, bundled with two mocks: the sources under test
 * (`@bench/current-mocks`) and a baseline checkout (`@bench/baseline-mocks`, the same sources without
 * `--baseline`). Each gets its own seeded mock; `round` drives the mix through `mock.client()` at concurrency 32.
 */
import { createVinrMock as baselineMock } from '@bench/baseline-mocks';
import { createVinrMock as currentMock } from '@bench/current-mocks';
import type { Vinr } from '@vinr/sdk';
import { NOW, type Seeded, sdkRequest, seed } from './mix.js';

export interface Target {
  vinr: Vinr;
  seeded: Seeded;
}

export async function prepare(): Promise<Record<'current' | 'baseline', Target>> {
  const make = async (create: typeof currentMock): Promise<Target> => {
    const vinr = create({ now: NOW }).client({ maxRetries: 0 });
    return { vinr, seeded: await seed(vinr) };
  };
  const current = await make(currentMock);
  const baseline = await make(baselineMock as typeof currentMock);
  // The same mix on both sides: without checkouts in the baseline, neither side sends them.
  current.seeded.checkout &&= baseline.seeded.checkout;
  return { current, baseline };
}

/** Requests per second over `ms` with `concurrency` requests always in flight. */
export async function round(t: Target, ms: number, concurrency: number): Promise<number> {
  let next = 0;
  let done = 0;
  const until = performance.now() + ms;
  const worker = async () => {
    while (performance.now() < until) {
      await sdkRequest(t.vinr, t.seeded, next++);
      done++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return done / ((performance.now() - started) / 1000);
}
