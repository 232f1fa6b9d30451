// `--shard i/n`: which of n CI jobs lints a file. The shard follows from the file's own path alone (a
// hash of it, relative to the folder the run starts in), so adding or removing a file never moves any
// other file to another shard, and every job of a matrix computes the same split without talking to the
// others.

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** `i/n` with 1 ≤ i ≤ n; otherwise a message saying what is wrong. */
export function parseShard(text: string): Shard | string {
  const m = /^(\d{1,6})\/(\d{1,6})$/.exec(text.trim());
  if (!m) return `--shard needs the form i/n (for example 2/4), not '${text}'`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) return `--shard ${text}: the number of shards must be at least 1`;
  if (index < 1 || index > count) return `--shard ${text}: the shard number must be between 1 and ${count}`;
  return { index, count };
}

/** The 1-based shard of a `/`-separated relative path among `count` shards. */
export function shardOf(relativePath: string, count: number): number {
  return (hash32(relativePath) % count) + 1;
}

/** FNV-1a over the UTF-16 code units, then a final mix so that the low bits (the modulo) vary too. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
