// The preview page: a pure function of its inputs, so a Node test (and the browser security test) can
// build exactly what the panel shows. Locked down: nothing loads unless the CSP names it; the one script
// runs by nonce; no inline styles or scripts; initial state travels in an escaped data attribute.

export interface ShellInput {
  /** `webview.cspSource` */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  allowRemoteImages: boolean;
  /** The previewed document's URI. */
  source: string;
  /** Its editor version the content was rendered from. */
  version: number;
  title: string;
  /** renderDocument().html: already sanitised. */
  content: string;
}

export function contentSecurityPolicy(input: Pick<ShellInput, 'cspSource' | 'nonce' | 'allowRemoteImages'>): string {
  const img = input.allowRemoteImages ? `${input.cspSource} https:` : input.cspSource;
  return [
    "default-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `img-src ${img}`,
    `style-src ${input.cspSource}`,
    `font-src ${input.cspSource}`,
    `script-src 'nonce-${input.nonce}'`,
  ].join('; ');
}

export function previewShell(input: ShellInput): string {
  const csp = contentSecurityPolicy(input);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${attr(input.styleUri)}">
<title>${text(input.title)}</title>
</head>
<body data-source="${attr(input.source)}" data-version="${attr(String(input.version))}">
<main id="pmdocs-root" class="pmdocs-preview">
${input.content}
</main>
<script nonce="${attr(input.nonce)}" src="${attr(input.scriptUri)}"></script>
</body>
</html>
`;
}

const attr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const text = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
