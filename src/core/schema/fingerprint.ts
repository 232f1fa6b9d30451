// A short hash of some JSON-able inputs (FNV-1a over their JSON, plus its length): generated validator
// code records the fingerprint of the schemas and options it came from, and is used only when it matches.

export function fingerprintOf(inputs: unknown): string {
  const source = JSON.stringify(inputs);
  let h = 0x811c9dc5;
  for (let i = 0; i < source.length; i++) {
    h ^= source.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${(h >>> 0).toString(16).padStart(8, '0')}-${source.length}`;
}
