// Clicks and keys in the page → messages for the host. Findings, missing-section placeholders and
// headings reveal their line in the editor; `#anchors` scroll the page; every other link is handed to
// the host, which decides (open a workspace file, or an http(s) site after VS Code's confirmation); a
// reference chip of the header card sends only its id, which the host resolves through its own index.

import type { WebviewMessage } from '../extension/preview/protocol.js';

type Post = (message: WebviewMessage) => void;

const REFERENCE = 'button.pmdocs-ref[data-ref]';

const REVEALS =
  'button.pmdocs-finding[data-line], section.pmdocs-missing[data-line], #pmdocs-body h1[data-line], #pmdocs-body h2[data-line], #pmdocs-body h3[data-line], #pmdocs-body h4[data-line], #pmdocs-body h5[data-line], #pmdocs-body h6[data-line]';

export function handleClick(event: MouseEvent, source: string, post: Post): void {
  const target = event.target instanceof Element ? event.target : null;
  if (!target) return;
  // Only the card's own buttons: nothing from the document body can pose as one.
  const chip = target.closest<HTMLElement>(REFERENCE);
  if (chip) {
    const id = chip.dataset['ref'];
    if (id && chip.closest('#pmdocs-card')) post({ type: 'openReference', source, id });
    return;
  }
  const link = target.closest('a[href]');
  if (link) {
    event.preventDefault();
    followLink(link.getAttribute('href') ?? '', source, post);
    return;
  }
  reveal(target, source, post);
}

export function handleKey(event: KeyboardEvent, source: string, post: Post): void {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  const target = event.target instanceof Element ? event.target : null;
  // Buttons already turn Enter/Space into a click; headings made focusable need it done here.
  if (!target || target.tagName === 'BUTTON' || target.tagName === 'A') return;
  if (reveal(target, source, post)) event.preventDefault();
}

function reveal(target: Element, source: string, post: Post): boolean {
  const el = target.closest<HTMLElement>(REVEALS);
  const line = Number(el?.dataset['line']);
  if (!el || !Number.isInteger(line) || line < 1) return false;
  post({ type: 'revealLine', source, line });
  return true;
}

function followLink(href: string, source: string, post: Post): void {
  if (href.startsWith('#')) {
    scrollToAnchor(href.slice(1));
    return;
  }
  if (href) post({ type: 'openLink', source, href });
}

/** `#goals` finds the heading `user-content-goals` (ids from the document carry that prefix). */
function scrollToAnchor(fragment: string): void {
  let id = fragment;
  try {
    id = decodeURIComponent(fragment);
  } catch {
    /* keep it as written */
  }
  const el =
    document.getElementById(`user-content-${id}`) ??
    document.getElementById(`user-content-${id.toLowerCase()}`) ??
    document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({ block: 'start' });
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus({ preventScroll: true });
}

/** Headings can be reached with Tab and revealed with Enter, like the findings buttons. */
export function makeHeadingsFocusable(body: HTMLElement | null): void {
  body
    ?.querySelectorAll<HTMLElement>('h1[data-line], h2[data-line], h3[data-line], h4[data-line], h5[data-line], h6[data-line]')
    .forEach((h) => {
      h.tabIndex = 0;
      h.title = `Line ${h.dataset['line']}: show in the editor`;
    });
}
