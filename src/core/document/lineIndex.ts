// Offsets ↔ 1-based line/column. Line breaks are \n, \r\n or a lone \r, as in CommonMark and VS Code.

export interface Point {
  line: number;
  column: number;
}

export class LineIndex {
  readonly #starts: number[];
  readonly #length: number;

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
    let lo = 0;
    let hi = this.#starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.#starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.#starts[lo]! + 1 };
  }

  offsetAt(point: Point): number {
    return Math.min(this.lineStart(point.line) + Math.max(point.column, 1) - 1, this.#length);
  }
}
