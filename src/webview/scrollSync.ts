// Editor → page: show the section the editor's top line is in. Scroll requests arrive as fast as the
// editor scrolls; only the latest one per frame is applied.

let pending: number | undefined;
let frame = 0;

export function scrollToLine(body: HTMLElement | null, line: number): void {
  pending = line;
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    const target = pending;
    pending = undefined;
    if (body && target !== undefined) apply(body, target);
  });
}

function apply(body: HTMLElement, line: number): void {
  const marked = body.querySelectorAll<HTMLElement>(
    'h1[data-line], h2[data-line], h3[data-line], h4[data-line], h5[data-line], h6[data-line]',
  );
  let best: HTMLElement | undefined;
  for (const el of marked) {
    const at = Number(el.dataset['line']);
    if (!Number.isFinite(at) || at > line) break;
    best = el;
  }
  if (!best || line <= 1) {
    window.scrollTo({ top: 0 });
    return;
  }
  best.scrollIntoView({ block: 'start' });
}
