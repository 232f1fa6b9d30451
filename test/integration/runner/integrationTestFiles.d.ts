// Generated at build time by the integration bundle in scripts/build.mjs: one entry per
// test/integration/**/*.test.ts, loaded lazily so mocha's globals exist when it runs.
declare module 'pmdocs:integration-test-files' {
  export const integrationTestFiles: ReadonlyArray<{ path: string; load: () => Promise<unknown> }>;
}
