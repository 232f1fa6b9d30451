// Offsets ↔ 1-based line/column. Line breaks are \n, \r\n or a lone \r, as in CommonMark and VS Code.

export interface Point {
  line: number;
  column: number;
}

export class LineIndex {
  readonly #starts: number[];
  readonly #length: number;
  /** The line (0-based) of the last lookup: callers mostly walk forward, so it or the next is the answer. */
  #last = 0;

  constructor(text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.#starts = starts;
    this.#length = text.length;
  }

  get lineCount(): number {
    return this.#starts.length;
  }

  /** Offset of the first character of a 1-based line (clamped to the text). */
  lineStart(line: number): number {
    const i = Math.min(Math.max(line, 1), this.#starts.length) - 1;
    return this.#starts[i]!;
  }

  pointAt(offset: number): Point {
    const o = Math.min(Math.max(offset, 0), this.#length);
    const starts = this.#starts;
    let lo = 0;
    for (let l = this.#last; l <= this.#last + 1 && l < starts.length; l++) {
      if (starts[l]! <= o && (l + 1 >= starts.length || o < starts[l + 1]!)) return this.#found(l, o);
    }
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return this.#found(lo, o);
  }

  #found(line0: number, offset: number): Point {
    this.#last = line0;
    return { line: line0 + 1, column: offset - this.#starts[line0]! + 1 };
  }

  offsetAt(point: Point): number {
    return Math.min(this.lineStart(point.line) + Math.max(point.column, 1) - 1, this.#length);
  }
}
