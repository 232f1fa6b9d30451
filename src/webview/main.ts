// The preview page's script: swaps in new content from the host without reloading (scroll kept, no
// flicker), follows the editor's scroll position, and turns clicks into messages for the host. It never
// renders Markdown and never navigates: links, line reveals and external sites all go through the host.

import type { HostMessage, PreviewState, WebviewMessage } from '../extension/preview/protocol.js';
import { vscode } from './vscodeApi.js';
import { handleClick, handleKey, makeHeadingsFocusable } from './interaction.js';
import { scrollToLine } from './scrollSync.js';

const source = document.body.dataset['source'] ?? '';
const initialVersion = Number(document.body.dataset['version'] ?? '0');

function post(message: WebviewMessage): void {
  vscode.postMessage(message);
}

const state: PreviewState = { source };
vscode.setState(state);

const parts = {
  card: document.getElementById('pmdocs-card'),
  findings: document.getElementById('pmdocs-findings'),
  body: document.getElementById('pmdocs-body'),
};

function applyUpdate(message: Extract<HostMessage, { type: 'update' }>): void {
  const y = window.scrollY;
  if (parts.card) parts.card.innerHTML = message.card;
  if (parts.findings) parts.findings.innerHTML = message.findings;
  if (parts.body) parts.body.innerHTML = message.body;
  if (message.title) document.title = message.title;
  makeHeadingsFocusable(parts.body);
  window.scrollTo(0, y);
  post({ type: 'rendered', source, version: message.version });
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data as Partial<HostMessage> | null;
  if (!message || typeof message !== 'object' || message.source !== source) return;
  if (message.type === 'update' && typeof message.body === 'string' && typeof message.version === 'number') {
    applyUpdate(message as Extract<HostMessage, { type: 'update' }>);
  } else if (message.type === 'scrollToLine' && typeof message.line === 'number') {
    scrollToLine(parts.body, message.line);
  }
});

document.addEventListener('click', (event) => handleClick(event, source, post));
document.addEventListener('keydown', (event) => handleKey(event, source, post));

makeHeadingsFocusable(parts.body);
post({ type: 'ready', source, version: initialVersion });
