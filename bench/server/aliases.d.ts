/** Bundler aliases of bench/server.ts: the mocks under test and the baseline's (same API, for the benchmark). */
declare module '@bench/current-mocks' {
  export * from '@vinr/sdk/mocks';
}
declare module '@bench/baseline-mocks' {
  export * from '@vinr/sdk/mocks';
}
