// Messages between the preview panel (extension host) and its page (webview), with run-time checks.
// The page is code we ship, but what it sends crosses a trust boundary (its DOM holds document content),
// so the host acts only on messages that pass parseWebviewMessage. No `vscode` import: the webview bundle
// uses these types too, and unit tests call the checks directly.

/** Host → page. `source` is the previewed document's URI; `version` its editor version. */
export type HostMessage =
  | { type: 'update'; source: string; version: number; card: string; findings: string; body: string; title?: string }
  | { type: 'scrollToLine'; source: string; line: number };

/** Page → host. Lines are 1-based, as in findings and `data-line`. */
export type WebviewMessage =
  | { type: 'ready'; source: string; version: number }
  | { type: 'rendered'; source: string; version: number }
  | { type: 'revealLine'; source: string; line: number }
  | { type: 'openLink'; source: string; href: string }
  /** A reference chip of the header card: `id` is its `data-ref`; the host resolves it, never the page. */
  | { type: 'openReference'; source: string; id: string };

/** What the panel keeps across a window reload (webview state, read by the serializer). */
export interface PreviewState {
  source: string;
}

export const MAX_HREF_LENGTH = 4096;
/** Ids are short (`PRD-12`, `REL-3.0.0-rc.1`): anything longer is not one. */
export const MAX_REF_ID_LENGTH = 200;

export interface MessageContext {
  /** The document this panel shows: messages about any other are dropped. */
  source: string;
  /** Lines in the document now, for range checks. */
  lineCount: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLine = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= max;
const isVersion = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The message if it is well-formed and about this panel's document; undefined otherwise. */
export function parseWebviewMessage(raw: unknown, ctx: MessageContext): WebviewMessage | undefined {
  if (!isObject(raw) || typeof raw['type'] !== 'string' || raw['source'] !== ctx.source) return undefined;
  const source = ctx.source;
  switch (raw['type']) {
    case 'ready':
    case 'rendered':
      return isVersion(raw['version']) ? { type: raw['type'], source, version: raw['version'] } : undefined;
    case 'revealLine':
      return isLine(raw['line'], Math.max(ctx.lineCount, 1)) ? { type: 'revealLine', source, line: raw['line'] } : undefined;
    case 'openLink': {
      const href = raw['href'];
      return typeof href === 'string' && href.length > 0 && href.length <= MAX_HREF_LENGTH ? { type: 'openLink', source, href } : undefined;
    }
    case 'openReference': {
      const id = raw['id'];
      return isRefId(id) ? { type: 'openReference', source, id } : undefined;
    }
    default:
      return undefined;
  }
}

/** Text of sane length with no control characters and no surrounding blanks (the card writes ids trimmed). */
const isRefId = (v: unknown): v is string =>
  // eslint-disable-next-line no-control-regex -- control characters are what this rejects
  typeof v === 'string' && v.length > 0 && v.length <= MAX_REF_ID_LENGTH && v.trim() === v && !/[\u0000-\u001f\u007f]/.test(v);

export function parsePreviewState(raw: unknown): PreviewState | undefined {
  return isObject(raw) && typeof raw['source'] === 'string' && raw['source'].length > 0 ? { source: raw['source'] } : undefined;
}

/** What the host does with a link the user clicked in the page. */
export type LinkAction =
  { kind: 'external'; href: string } | { kind: 'document'; path: string; fragment?: string } | { kind: 'ignore'; reason: string };

/**
 * http(s) and mailto go to the OS (through VS Code's own confirmation); a relative path opens the file;
 * `#anchors` are handled in the page; every other scheme (command:, file:, vscode:, javascript:…) is refused.
 */
export function classifyLink(href: string): LinkAction {
  const h = href.trim();
  if (/^(https?:\/\/|mailto:)/i.test(h)) return { kind: 'external', href: h };
  if (h.startsWith('#')) return { kind: 'ignore', reason: 'in-page anchor' };
  if (/^[a-z][a-z0-9+.-]*:/i.test(h) || /^[\\/]{2}/.test(h))
    return { kind: 'ignore', reason: `links of this kind are not opened: ${h.slice(0, 40)}` };
  const hash = h.indexOf('#');
  const rawPath = (hash >= 0 ? h.slice(0, hash) : h).replace(/\?.*$/, '');
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'ignore', reason: 'malformed link' };
  }
  if (!path || path.includes('\0')) return { kind: 'ignore', reason: 'empty link' };
  return { kind: 'document', path, fragment: hash >= 0 ? h.slice(hash + 1) || undefined : undefined };
}
