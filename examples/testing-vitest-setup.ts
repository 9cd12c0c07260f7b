/**
 * Recipe: a vitest (or jest) setup file. One reference server for the whole test file, emptied before each
 * test, so tests never see each other's members, offers or clock.
 *
 *   // vitest.config.ts:  test: { setupFiles: ['./test/vinr-setup.ts'] }
 *   // jest.config.js:    setupFilesAfterEnv: ['<rootDir>/test/vinr-setup.ts']  (import beforeEach from '@jest/globals')
 *
 * Tests then `import { mock, vinr } from './vinr-setup'` and call the API as production code does.
 */
import { createVinrMock } from '@vinr/sdk/mocks';
import { beforeEach } from 'vitest';

/** The reference server: business rules, in memory, no network. */
export const mock = createVinrMock();
/** A client wired to it in process (no sockets, no API key to manage). */
export const vinr = mock.client();

beforeEach(() => {
  // Empty state, clock back to real time, faults cleared. Listeners (`onEvent`) are kept.
  mock.reset();
});
