// Assertions for the web tests (node:assert is not available in a web worker): deep equality through
// JSON, so a failure prints both values in full.

export function expectEqual<T>(actual: T, expected: T, what: string): void {
  const [a, e] = [JSON.stringify(actual), JSON.stringify(expected)];
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

export function expectTrue(value: unknown, what: string): asserts value {
  if (!value) throw new Error(`${what}: expected it to hold, got ${JSON.stringify(value)}`);
}
