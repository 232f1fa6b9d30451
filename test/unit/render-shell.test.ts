// The preview page shell and its message checks, without VS Code: the CSP, the nonce, escaping of what
// the host puts in the page, and which messages from the page the host would act on.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentSecurityPolicy, previewShell, type ShellInput } from '../../src/extension/preview/html.js';
import { createNonce } from '../../src/extension/preview/nonce.js';
import { classifyLink, MAX_REF_ID_LENGTH, parsePreviewState, parseWebviewMessage } from '../../src/extension/preview/protocol.js';

const input = (over: Partial<ShellInput> = {}): ShellInput => ({
  cspSource: 'https://webview.test',
  nonce: 'abc123',
  scriptUri: 'https://webview.test/dist/webview.js',
  styleUri: 'https://webview.test/media/preview.css',
  allowRemoteImages: false,
  source: 'file:///work/docs/prd.md',
  version: 3,
  title: 'Bulk export',
  content: '<p>hi</p>',
  ...over,
});

test('CSP: nothing by default, scripts by nonce only, styles and images from the webview source', () => {
  assert.equal(
    contentSecurityPolicy(input()),
    "default-src 'none'; base-uri 'none'; form-action 'none'; img-src https://webview.test; style-src https://webview.test; font-src https://webview.test; script-src 'nonce-abc123'",
  );
  assert.match(contentSecurityPolicy(input({ allowRemoteImages: true })), /; img-src https:\/\/webview\.test https:;/);
});

test('the shell: CSP meta first in head, one script carrying the nonce, state in escaped attributes', () => {
  const html = previewShell(input({ source: 'file:///a/"><script>x()</script>.md', title: '</title><script>x()</script>' }));
  const head = html.slice(0, html.indexOf('</head>'));
  assert.ok(head.indexOf('http-equiv="Content-Security-Policy"') < head.indexOf('<link'), 'CSP before any resource');
  assert.deepEqual(html.match(/<script[^>]*>/g), ['<script nonce="abc123" src="https://webview.test/dist/webview.js">']);
  assert.ok(html.includes('data-source="file:///a/&quot;&gt;&lt;script&gt;x()&lt;/script&gt;.md"'));
  assert.ok(html.includes('<title>&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;</title>'));
  assert.ok(!/style=/.test(html) && !/<style/.test(html));
});

test('a fresh 128-bit nonce every time, from the CSPRNG', () => {
  const nonces = new Set(Array.from({ length: 200 }, createNonce));
  assert.equal(nonces.size, 200);
  for (const n of nonces) assert.match(n, /^[0-9a-f]{32}$/);
});

const ctx = { source: 'file:///work/docs/prd.md', lineCount: 40 };

test('messages from the page: well-formed ones about this document pass', () => {
  assert.deepEqual(parseWebviewMessage({ type: 'revealLine', source: ctx.source, line: 12 }, ctx), {
    type: 'revealLine',
    source: ctx.source,
    line: 12,
  });
  assert.deepEqual(parseWebviewMessage({ type: 'openLink', source: ctx.source, href: './b.md', extra: 1 }, ctx), {
    type: 'openLink',
    source: ctx.source,
    href: './b.md',
  });
  assert.deepEqual(parseWebviewMessage({ type: 'rendered', source: ctx.source, version: 7 }, ctx), {
    type: 'rendered',
    source: ctx.source,
    version: 7,
  });
});

test('messages from the page: anything else is dropped', () => {
  const bad: unknown[] = [
    null,
    'revealLine',
    [],
    { type: 'revealLine', line: 3 },
    { type: 'revealLine', source: 'file:///other.md', line: 3 },
    { type: 'revealLine', source: ctx.source, line: 0 },
    { type: 'revealLine', source: ctx.source, line: 41 },
    { type: 'revealLine', source: ctx.source, line: 2.5 },
    { type: 'revealLine', source: ctx.source, line: '3' },
    { type: 'revealLine', source: ctx.source, line: Number.NaN },
    { type: 'revealLine', source: ctx.source, line: Infinity },
    { type: 'openLink', source: ctx.source, href: 42 },
    { type: 'openLink', source: ctx.source, href: '' },
    { type: 'openLink', source: ctx.source, href: 'x'.repeat(5000) },
    { type: 'runCommand', source: ctx.source, command: 'workbench.action.terminal.new' },
    { type: 'rendered', source: ctx.source, version: -1 },
    { type: '__proto__', source: ctx.source },
  ];
  for (const m of bad) assert.equal(parseWebviewMessage(m, ctx), undefined, JSON.stringify(m));
});

test('openReference from the page: an id of sane length about this document, nothing else', () => {
  assert.deepEqual(parseWebviewMessage({ type: 'openReference', source: ctx.source, id: 'PRD-12' }, ctx), {
    type: 'openReference',
    source: ctx.source,
    id: 'PRD-12',
  });
  assert.deepEqual(
    parseWebviewMessage({ type: 'openReference', source: ctx.source, id: 'REL-3.0.0-rc.1', path: '/etc/passwd' }, ctx),
    { type: 'openReference', source: ctx.source, id: 'REL-3.0.0-rc.1' },
    'extra fields are dropped',
  );
  assert.deepEqual(
    parseWebviewMessage({ type: 'openReference', source: ctx.source, id: 'x'.repeat(MAX_REF_ID_LENGTH) }, ctx)?.type,
    'openReference',
  );
  const bad: unknown[] = [
    { type: 'openReference', source: ctx.source },
    { type: 'openReference', source: ctx.source, id: '' },
    { type: 'openReference', source: ctx.source, id: 12 },
    { type: 'openReference', source: ctx.source, id: ['PRD-12'] },
    { type: 'openReference', source: ctx.source, id: { toString: 'PRD-12' } },
    { type: 'openReference', source: ctx.source, id: 'x'.repeat(MAX_REF_ID_LENGTH + 1) },
    { type: 'openReference', source: ctx.source, id: ' PRD-12' },
    { type: 'openReference', source: ctx.source, id: 'PRD-12\n' },
    { type: 'openReference', source: ctx.source, id: 'PRD\u000012' },
    { type: 'openReference', source: 'file:///work/docs/other.md', id: 'PRD-12' },
    { type: 'openReference', id: 'PRD-12' },
    { type: 'openreference', source: ctx.source, id: 'PRD-12' },
  ];
  for (const m of bad) assert.equal(parseWebviewMessage(m, ctx), undefined, JSON.stringify(m));
});

test('links: web and mail go out through the host, relative paths open files, other schemes never', () => {
  assert.deepEqual(classifyLink('https://example.com/a?b#c'), { kind: 'external', href: 'https://example.com/a?b#c' });
  assert.deepEqual(classifyLink('mailto:pm@example.com'), { kind: 'external', href: 'mailto:pm@example.com' });
  assert.deepEqual(classifyLink('../stories/US-12%20export.md#acceptance-criteria'), {
    kind: 'document',
    path: '../stories/US-12 export.md',
    fragment: 'acceptance-criteria',
  });
  assert.deepEqual(classifyLink('epic.md'), { kind: 'document', path: 'epic.md', fragment: undefined });
  for (const href of [
    'command:workbench.action.terminal.new',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'file:///etc/passwd',
    'vscode://x',
    'data:text/html,x',
    '//evil.test/x',
    '\\\\evil.test\\x',
    '#top',
    '%E0%A4%A',
  ]) {
    assert.equal(classifyLink(href).kind, 'ignore', href);
  }
});

test('restored state needs a document URI', () => {
  assert.deepEqual(parsePreviewState({ source: 'file:///a.md' }), { source: 'file:///a.md' });
  assert.equal(parsePreviewState({}), undefined);
  assert.equal(parsePreviewState('file:///a.md'), undefined);
});
