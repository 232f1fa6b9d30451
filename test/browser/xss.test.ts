// Security of the preview in a real browser. A document full of XSS vectors goes through the real
// engine and render module into the real panel page (CSP, nonce, the bundled webview script), which is
// loaded in headless Chromium from a 127.0.0.1 server this test starts and stops. Every request is
// routed; the page must open no dialog, set no flag, ask for nothing but its own files, keep no
// script-capable markup in its DOM, and still show the legitimate content. The live-update path (the
// page swapping in new HTML from a message) is checked the same way, and so is the sanitiser alone,
// with the CSP taken out of the page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createEngine } from '../../src/core/engine.js';
import { renderDocument, type RenderedDocument } from '../../src/core/render/index.js';
import { previewShell } from '../../src/extension/preview/html.js';
import { createNonce } from '../../src/extension/preview/nonce.js';
import { createWorkspaceIndex } from '../../src/core/workspace/index.js';
import { bodyVectors, fieldPayloads, frontMatterVectors, legitimateMarkdown, referencedDocVectors } from './xssVectors.js';

const root = join(import.meta.dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
const SOURCE = 'file:///workspace/docs/prd-xss.md';
// A 1×1 transparent PNG: the one legitimate image.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

let server: Server;
let origin = '';
let browser: Browser;
let script = '';
const pages = new Map<string, string>();
const served: string[] = [];

function documentText(): string {
  const yaml = Object.entries({ type: 'prd', ...frontMatterVectors })
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n');
  const vectors = bodyVectors.map((v) => v.markdown).join('\n\n');
  return `---\n${yaml}\n---\n\n${legitimateMarkdown}\n${vectors}\n\n## End of vectors\n\nThe last paragraph.\n`;
}

function renderVectors(): RenderedDocument {
  const engine = createEngine();
  const result = engine.lint(documentText(), { path: '/workspace/docs/prd-xss.md' });
  // The card's reference chips resolve through this index: one clickable chip, one broken.
  const index = createWorkspaceIndex({
    root: '/workspace',
    docs: [{ path: '/workspace/docs/EPIC-1.md', type: 'epic', id: 'EPIC-1', idOk: true, ...referencedDocVectors }],
  });
  return renderDocument(result, {
    allowRemoteImages: false,
    resolveImage: (src) => (src === 'img/ok.png' ? `${origin}/img/ok.png` : undefined),
    references: { index, docTypes: engine.registry().all() },
  });
}

function shell(rendered: RenderedDocument, nonce: string, withCsp = true): string {
  const html = previewShell({
    cspSource: origin,
    nonce,
    scriptUri: `${origin}/dist/webview.js`,
    styleUri: `${origin}/media/preview.css`,
    allowRemoteImages: false,
    source: SOURCE,
    version: 1,
    title: rendered.title ?? 'preview',
    content: rendered.html,
  });
  return withCsp ? html : html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
}

before(async () => {
  if (!existsSync(CHROMIUM)) {
    const r = spawnSync('bash', [join(root, 'scripts/ensure-chromium.sh')], { stdio: 'inherit' });
    assert.equal(r.status, 0, 'scripts/ensure-chromium.sh failed');
  }
  const bundle = await build({
    entryPoints: [join(root, 'src/webview/main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
  });
  script = bundle.outputFiles[0]!.text;
  const css = readFileSync(join(root, 'media/preview.css'));
  server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    served.push(path);
    const page = pages.get(path);
    if (page) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    if (path === '/dist/webview.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    if (path === '/media/preview.css') return void res.writeHead(200, { 'content-type': 'text/css' }).end(css);
    if (path === '/img/ok.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
});

after(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

interface Posted {
  type: string;
  version?: number;
  line?: number;
  href?: string;
  id?: string;
}

interface Observed {
  page: Page;
  dialogs: string[];
  requests: string[];
  popups: number;
  /** What the page posted to the (stand-in) host, in order. */
  posted: Posted[];
  /** Resolves when the page posts a message that matches. */
  waitForPost(match: (m: Posted) => boolean): Promise<Posted>;
}

// Browser-side code is passed as plain JavaScript text: functions compiled by tsx carry helper calls
// (`__name`) that do not exist in the page.
const STAND_IN_API = `
  window.acquireVsCodeApi = () => ({
    postMessage: (m) => window.__pmdocsHostPost(m),
    getState: () => undefined,
    setState: () => undefined,
  });
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
`;

const POKE = `(() => {
  for (const el of Array.from(document.querySelectorAll('#pmdocs-root *'))) {
    for (const type of ['mouseover', 'mouseenter', 'pointerenter', 'pointerover']) el.dispatchEvent(new MouseEvent(type, { bubbles: true }));
    el.dispatchEvent(new FocusEvent('focus'));
    if (/^(A|BUTTON|SUMMARY|DETAILS|H[1-6])$/.test(el.tagName)) el.click();
  }
})()`;

const FLAGS_NOW = `({ xss: typeof window.__xss, top: typeof window.top.__xss, href: location.href })`;

const DOM_AUDIT = `(() => {
  const all = Array.from(document.querySelectorAll('*'));
  const bad = /^\\s*(javascript|data|vbscript):/i;
  const clean = (v) => v.replace(/[\\u0000-\\u0020]/g, '');
  return {
    scripts: Array.from(document.scripts).map((s) => ({ nonce: s.nonce, src: s.getAttribute('src') })),
    handlers: all.flatMap((el) => Array.from(el.attributes).filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => el.tagName + ' ' + a.name)),
    urls: all.flatMap((el) => Array.from(el.attributes).filter((a) => /^(href|src|srcset|action|formaction|data|xlink:href|poster|background)$/i.test(a.name) && bad.test(clean(a.value))).map((a) => el.tagName + ' ' + a.name + '=' + a.value)),
    styles: all.filter((el) => el.hasAttribute('style')).map((el) => el.tagName),
    forbidden: all.filter((el) => /^(IFRAME|FRAME|FRAMESET|OBJECT|EMBED|FORM|BASE|STYLE|SVG|MATH|TEMPLATE|TEXTAREA|NOSCRIPT|AUDIO|VIDEO|SOURCE|PICTURE|BUTTON)$/i.test(el.tagName) && el.closest('#pmdocs-body')).map((el) => el.tagName),
    bodyMeta: document.querySelectorAll('body meta, body link').length,
    unprefixedIds: Array.from(document.querySelectorAll('#pmdocs-body [id], #pmdocs-body [name]')).map((el) => el.id || el.getAttribute('name') || '').filter((id) => !id.startsWith('user-content-')),
    csp: window.__cspViolations,
  };
})()`;

const CONTENT = `(() => ({
  headings: Array.from(document.querySelectorAll('#pmdocs-body h1, #pmdocs-body h2')).map((h) => h.tagName + ':' + h.textContent.trim() + '@' + h.dataset.line),
  cells: Array.from(document.querySelectorAll('#pmdocs-body td')).map((td) => td.textContent.trim()),
  tasks: Array.from(document.querySelectorAll('#pmdocs-body li.task-list-item input[type=checkbox]')).map((i) => i.checked + '/' + i.disabled),
  image: document.querySelector('#pmdocs-body img[alt="ok image"]')?.naturalWidth ?? 0,
  cardTitle: document.querySelector('.pmdocs-card-title')?.textContent,
  cardId: document.querySelector('.pmdocs-id')?.textContent,
  status: document.querySelector('.pmdocs-status')?.textContent,
  findings: document.querySelectorAll('#pmdocs-findings button.pmdocs-finding[data-line]').length,
  refButtons: Array.from(document.querySelectorAll('#pmdocs-card button.pmdocs-ref')).map((b) => b.dataset.ref + '|' + b.title + '|' + b.textContent),
  brokenChips: Array.from(document.querySelectorAll('#pmdocs-card .pmdocs-ref-broken')).map((li) => li.textContent),
  last: Array.from(document.querySelectorAll('#pmdocs-body p')).some((p) => p.textContent === 'The last paragraph.'),
}))()`;

/** Opens a page with a stand-in for VS Code's webview API that records what the page posts. */
async function open(path: string, html: string): Promise<Observed> {
  pages.set(path, html);
  const context = await browser.newContext();
  const waiters: { match: (m: Posted) => boolean; resolve: (m: Posted) => void }[] = [];
  const posted: Posted[] = [];
  const observed: Observed = {
    page: await context.newPage(),
    dialogs: [],
    requests: [],
    popups: 0,
    posted,
    waitForPost: (match) => {
      const seen = posted.find(match);
      return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ match, resolve }));
    },
  };
  const { page } = observed;
  // The page's messages arrive here through a CDP binding (no polling, and untouched by the page's CSP).
  await context.exposeBinding('__pmdocsHostPost', (_source, message: Posted) => {
    posted.push(message);
    for (const w of waiters.splice(0)) {
      if (w.match(message)) w.resolve(message);
      else waiters.push(w);
    }
  });
  await page.addInitScript({ content: STAND_IN_API });
  page.on('dialog', (d) => {
    observed.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('popup', () => observed.popups++);
  await context.route('**/*', (route) => {
    const url = route.request().url();
    observed.requests.push(url);
    return url.startsWith(`${origin}/`) ? route.continue() : route.abort();
  });
  const ready = observed.waitForPost((m) => m.type === 'ready');
  // A shared 2-core CI machine can be slow to start a page: allow for it (the test's own limit still applies).
  page.setDefaultTimeout(120_000);
  await page.goto(`${origin}${path}`, { waitUntil: 'load' });
  await ready;
  return observed;
}

/** Hovers, focuses and clicks everything in the page, as a curious user would. */
async function poke(page: Page): Promise<void> {
  await page.evaluate(POKE);
  await page.mouse.move(5, 5);
  await page.mouse.move(300, 300);
}

async function assertNothingRan(o: Observed, label: string): Promise<void> {
  const { page } = o;
  assert.deepEqual(o.dialogs, [], `${label}: dialogs`);
  assert.equal(o.popups, 0, `${label}: popups`);
  const flags = await page.evaluate(FLAGS_NOW);
  assert.deepEqual(flags, { xss: 'undefined', top: 'undefined', href: page.url() }, `${label}: a payload set the flag or navigated`);
  const allowed = new Set(
    ['/prd', '/prd-no-csp', '/prd-trace', '/dist/webview.js', '/media/preview.css', '/img/ok.png', '/favicon.ico'].map(
      (p) => `${origin}${p}`,
    ),
  );
  const strays = o.requests.filter((u) => !allowed.has(u.split('?')[0]!));
  assert.deepEqual(strays, [], `${label}: requests left the page`);
  const dom = (await page.evaluate(DOM_AUDIT)) as {
    scripts: { nonce: string; src: string | null }[];
    handlers: string[];
    urls: string[];
    styles: string[];
    forbidden: string[];
    bodyMeta: number;
    unprefixedIds: string[];
    csp: string[];
  };
  assert.equal(dom.scripts.length, 1, `${label}: scripts ${JSON.stringify(dom.scripts)}`);
  assert.equal(dom.scripts[0]!.src, `${origin}/dist/webview.js`);
  assert.deepEqual(dom.handlers, [], `${label}: event-handler attributes`);
  assert.deepEqual(dom.urls, [], `${label}: script-capable URLs`);
  assert.deepEqual(dom.styles, [], `${label}: style attributes`);
  assert.deepEqual(dom.forbidden, [], `${label}: forbidden elements in the body`);
  assert.equal(dom.bodyMeta, 0, `${label}: meta/link in the body`);
  assert.deepEqual(dom.unprefixedIds, [], `${label}: ids that could clobber globals`);
  assert.deepEqual(dom.csp, [], `${label}: the page tried something the CSP had to block`);
}

/** Resolves once the legitimate image has loaded, or after 15 s (the content check then reports it). */
const IMAGE_LOADED = `new Promise((resolve) => {
  const deadline = Date.now() + 15000;
  const check = () => {
    const img = document.querySelector('#pmdocs-body img[alt="ok image"]');
    if ((img && img.naturalWidth > 0) || Date.now() > deadline) resolve(true);
    else setTimeout(check, 50);
  };
  check();
})`;

async function assertLegitimateContent(page: Page, label: string): Promise<void> {
  // Images load after the DOM is in place (on a busy machine well after 'rendered' is posted): wait for
  // it, and let the assertion below say so if it never comes. Not with waitForFunction: its polling
  // builds the predicate from a string in the page later on, which this page's CSP rightly reports as
  // 'script-src eval' (the test then blamed the page). One evaluate holding a closure needs no eval.
  await page.evaluate(IMAGE_LOADED);
  const seen = (await page.evaluate(CONTENT)) as {
    headings: string[];
    cells: string[];
    tasks: string[];
    image: number;
    cardTitle?: string;
    cardId?: string;
    status?: string;
    findings: number;
    last: boolean;
    refButtons: string[];
    brokenChips: string[];
  };
  const lineOf = (heading: string) => documentText().split('\n').indexOf(heading) + 1;
  assert.ok(seen.headings.includes(`H1:Legit document@${lineOf('# Legit document')}`), `${label}: ${seen.headings.join(', ')}`);
  assert.ok(seen.headings.includes(`H2:Legit section@${lineOf('## Legit section')}`), label);
  assert.ok(
    seen.headings.some((h) => h.startsWith('H2:End of vectors@')),
    `${label}: content after the vectors survived`,
  );
  assert.ok(seen.last, `${label}: last paragraph`);
  assert.deepEqual(seen.cells.slice(0, 2), ['cell a1', 'cell b1'], label);
  assert.deepEqual(seen.tasks, ['true/true', 'false/true'], label);
  assert.equal(seen.image, 1, `${label}: the relative image loaded`);
  assert.equal(seen.cardTitle, frontMatterVectors.title, `${label}: the card shows the title as text`);
  assert.equal(seen.cardId, frontMatterVectors.id, label);
  assert.equal(seen.status, frontMatterVectors.status, label);
  assert.ok(seen.findings > 0, `${label}: findings listed`);
  // Reference chips: the resolved one is a button whose tooltip shows the payloads as text; the broken
  // one shows its value as text, struck through, with "not found".
  assert.deepEqual(seen.refButtons, [`EPIC-1|${referencedDocVectors.title} · status: ${referencedDocVectors.status}|Epics EPIC-1`], label);
  assert.deepEqual(seen.brokenChips, [`Epics ${frontMatterVectors.epics[2]} (not found)`], label);
}

test(`the vector document holds ≥ 50 vectors in the body and ≥ 50 in front-matter values (${bodyVectors.length} and ${frontMatterVectors.tags.length})`, () => {
  assert.ok(bodyVectors.length >= 50);
  // Each tag is a chip in the header card and the value quoted by a finding message.
  assert.ok(new Set(frontMatterVectors.tags).size >= 50);
  const messages = createEngine()
    .lint(documentText(), { path: '/workspace/docs/prd-xss.md' })
    .findings.map((f) => f.message);
  // Messages quote values as written, shortened or escaped when long or quoted: at least 50 verbatim.
  const quoted = fieldPayloads.filter((tag) => messages.some((m) => m.includes(tag)));
  assert.ok(quoted.length >= 50, `${quoted.length} payloads quoted verbatim in finding messages`);
  assert.ok((renderVectors().findings.match(/tags\[\d+\]/g) ?? []).length >= 50, 'the preview lists them');
});

test('the real page with its CSP: nothing runs, nothing leaves, legitimate content stays', { timeout: 180_000 }, async () => {
  const nonce = createNonce();
  const o = await open('/prd', shell(renderVectors(), nonce));
  await assertLegitimateContent(o.page, 'initial page');
  await poke(o.page);
  await assertNothingRan(o, 'initial page');
  // Clicks reached the host only as messages; no script-capable link was offered to it.
  assert.ok(o.posted.some((m) => m.type === 'revealLine'));
  assert.ok(o.posted.some((m) => m.type === 'openLink' && m.href === 'other.md'));
  for (const m of o.posted.filter((p) => p.type === 'openLink')) assert.doesNotMatch(m.href ?? '', /^\s*(javascript|data|vbscript):/i);
  // The one clickable chip sent its id, nothing else: the broken and plain chips send nothing.
  assert.deepEqual([...new Set(o.posted.filter((m) => m.type === 'openReference').map((m) => `${m.id}`))], ['EPIC-1']);
  assert.ok(o.posted.filter((m) => m.type === 'openReference').every((m) => Object.keys(m).sort().join() === 'id,source,type'));
  await o.page.context().close();
});

test('live update: the same vectors swapped in by message run nothing either', { timeout: 180_000 }, async () => {
  const o = await open('/prd', shell(renderDocument(createEngine().lint(legitimateMarkdown), { allowRemoteImages: false }), createNonce()));
  const rendered = renderVectors();
  const rendered2 = o.waitForPost((m) => m.type === 'rendered' && m.version === 2);
  const message = { type: 'update', source: SOURCE, version: 2, card: rendered.card, findings: rendered.findings, body: rendered.body };
  await o.page.evaluate(`window.postMessage(${JSON.stringify(message)}, '*')`);
  await rendered2;
  await assertLegitimateContent(o.page, 'after update');
  await poke(o.page);
  await assertNothingRan(o, 'after update');
  await o.page.context().close();
});

test('the sanitiser alone (CSP taken out of the page) still lets nothing run or load', { timeout: 180_000 }, async () => {
  const o = await open('/prd-no-csp', shell(renderVectors(), createNonce(), false));
  await assertLegitimateContent(o.page, 'no CSP');
  await poke(o.page);
  await assertNothingRan(o, 'no CSP');
  await o.page.context().close();
});

test("the trace summary of a PRD shows in the card, with other documents' values as text", { timeout: 180_000 }, async () => {
  // A launched PRD whose one requirement a story implements; the story's status is a payload, and shows
  // in the gap sentence ("… while PRD-1 is 'launched'").
  const prd = `---\ntype: prd\nid: PRD-1\ntitle: Traced\nstatus: launched\n---\n\n# Traced\n\n## Requirements\n\n- FR-1: Export a month (Must)\n`;
  const engine = createEngine();
  const result = engine.lint(prd, { path: '/workspace/docs/PRD-1.md' });
  const index = createWorkspaceIndex({
    root: '/workspace',
    docs: [
      {
        path: '/workspace/docs/PRD-1.md',
        type: 'prd',
        id: 'PRD-1',
        idOk: true,
        status: 'launched',
        requirements: [{ id: 'FR-1', priority: 'must', line: 9 }],
      },
      {
        path: '/workspace/docs/US-1.md',
        type: 'user-story',
        id: 'US-1',
        idOk: true,
        ...referencedDocVectors,
        refs: [
          { key: 'prd', id: 'PRD-1' },
          { key: 'implements', id: 'PRD-1', anchor: 'FR-1' },
        ],
      },
    ],
  });
  const rendered = renderDocument(result, { allowRemoteImages: false, references: { index, docTypes: engine.registry().all() } });
  const o = await open('/prd-trace', shell(rendered, createNonce()));
  const seen = (await o.page.evaluate(`(() => {
    const section = document.querySelector('#pmdocs-card section.pmdocs-coverage');
    return {
      shown: !!section && section.getBoundingClientRect().height > 0,
      facts: Array.from(section?.querySelectorAll('.pmdocs-fact') ?? []).map((f) => f.textContent),
      gaps: Array.from(section?.querySelectorAll('.pmdocs-gaps li') ?? []).map((li) => li.textContent),
    };
  })()`)) as { shown: boolean; facts: string[]; gaps: string[] };
  assert.deepEqual(seen, {
    shown: true,
    facts: ['Requirements covered1/1 (100 %)', 'Delivered0/1', 'Stories1 · 0 done'],
    gaps: [`US-1 is '${referencedDocVectors.status}' while PRD-1 is 'launched'`],
  });
  await poke(o.page);
  await assertNothingRan(o, 'trace summary');
  await o.page.context().close();
});
