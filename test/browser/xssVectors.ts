// Attack strings for the preview's security test. Every payload that runs would set `window.__xss`
// (or `parent.__xss`) or open a dialog; every one that loads something would ask for a host other than
// the test server. Grouped by kind; the front-matter ones go into the YAML of the same document.

export interface Vector {
  name: string;
  markdown: string;
}

const X = 'window.__xss=1';

export const bodyVectors: Vector[] = [
  // script tags
  { name: 'script tag', markdown: `<script>${X}</script>` },
  { name: 'upper-case script tag', markdown: `<SCRIPT>${X};alert(1)</SCRIPT>` },
  { name: 'mixed-case script tag', markdown: `<ScRiPt>${X}</sCrIpT>` },
  { name: 'remote script', markdown: '<script src="https://evil.test/x.js"></script>' },
  { name: 'nested script split', markdown: `<scr<script>ipt>${X}</scr</script>ipt>` },
  { name: 'inline script in a paragraph', markdown: `text <script>${X}</script> text` },
  { name: 'script with data: src', markdown: `<script/src="data:,${X}"></script>` },
  { name: 'unclosed quote then script', markdown: `<IMG """><SCRIPT>${X}</SCRIPT>">` },
  // event handlers
  { name: 'img onerror', markdown: `<img src=x onerror="${X}">` },
  { name: 'mixed-case img onerror', markdown: `<IMG SRC=x OnErRoR=${X}>` },
  { name: 'svg onload', markdown: `<svg onload="${X}"></svg>` },
  { name: 'body onload', markdown: `<body onload="${X}">` },
  { name: 'div onmouseover', markdown: `<div onmouseover="${X}">hover me</div>` },
  { name: 'input autofocus onfocus', markdown: `<input autofocus onfocus="${X}">` },
  { name: 'details ontoggle', markdown: `<details open ontoggle="${X}"><summary>s</summary>x</details>` },
  { name: 'video source onerror', markdown: `<video><source onerror="${X}"></video>` },
  { name: 'audio onerror', markdown: `<audio src=x onerror=${X}>` },
  { name: 'marquee onstart', markdown: `<marquee onstart=${X}>m</marquee>` },
  { name: 'anchor onclick', markdown: `<a href="#x" onclick="${X}">click</a>` },
  { name: 'full-page pointer trap', markdown: `<p onpointerenter=${X} style="position:fixed;inset:0">cover</p>` },
  // script-capable URLs
  { name: 'markdown javascript: link', markdown: `[md link](javascript:${X})` },
  { name: 'mixed-case javascript: link', markdown: `[md link](JaVaScRiPt:${X})` },
  { name: 'entity-encoded javascript: link', markdown: `[entity](&#106;avascript:${X})` },
  { name: 'tab inside javascript:', markdown: `<a href="java&#x09;script:${X}">tab</a>` },
  { name: '&colon; javascript', markdown: `<a href="javascript&colon;${X}">colon</a>` },
  { name: 'leading space javascript', markdown: `<a href=" javascript:${X}">space</a>` },
  { name: 'data: html link', markdown: '[data](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==)' },
  { name: 'vbscript: link', markdown: '<a href="vbscript:msgbox(1)">vb</a>' },
  { name: 'reference definition to javascript:', markdown: `[ref link][bad]\n\n[bad]: javascript:${X}` },
  { name: 'image with javascript: src', markdown: `![img](javascript:${X})` },
  { name: 'autolink with javascript: scheme', markdown: `<javascript:${X}>` },
  { name: 'hex-entity javascript: href', markdown: `<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:${X}">hex</a>` },
  {
    name: 'padded decimal entities',
    markdown: `<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058${X}">dec</a>`,
  },
  // images that would leave the page
  { name: 'data: svg image', markdown: '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9IndpbmRvdy5fX3hzcz0xIi8+">' },
  { name: 'remote https image (not allowed)', markdown: '![remote](https://evil.test/track.png)' },
  { name: 'remote http image', markdown: '![http](http://evil.test/t.png)' },
  { name: 'protocol-relative image', markdown: '![proto-rel](//evil.test/t.png)' },
  { name: 'srcset image', markdown: '<img srcset="https://evil.test/a.png 1x" src="img/ok.png" alt="srcset">' },
  { name: 'picture source', markdown: '<picture><source srcset="https://evil.test/p.png"><img src="x.png" alt="pic"></picture>' },
  { name: 'image outside the roots', markdown: '![escape](../../../../etc/passwd)' },
  // SVG and MathML
  { name: 'svg script', markdown: `<svg><script>${X}</script></svg>` },
  { name: 'svg xlink:href javascript', markdown: `<svg><a xlink:href="javascript:${X}"><text x="20" y="20">svg link</text></a></svg>` },
  { name: 'svg animate onbegin', markdown: `<svg><animate onbegin=${X} attributeName=x dur=1s></animate></svg>` },
  { name: 'svg set href', markdown: `<svg><a><set attributeName="href" to="javascript:${X}"/><text y="20">set</text></a></svg>` },
  { name: 'mathml xlink:href', markdown: `<math><mi xlink:href="javascript:${X}">math</mi></math>` },
  {
    name: 'svg foreignObject iframe',
    markdown: '<svg><foreignObject><iframe srcdoc="&lt;script&gt;parent.__xss=1&lt;/script&gt;"></iframe></foreignObject></svg>',
  },
  // frames, objects, embeds, forms
  { name: 'iframe javascript:', markdown: '<iframe src="javascript:parent.__xss=1"></iframe>' },
  { name: 'iframe srcdoc', markdown: '<iframe srcdoc="&lt;script&gt;parent.__xss=1&lt;/script&gt;"></iframe>' },
  { name: 'object data', markdown: `<object data="javascript:${X}"></object>` },
  { name: 'embed src', markdown: `<embed src="javascript:${X}">` },
  { name: 'form action', markdown: `<form action="javascript:${X}"><button>go</button></form>` },
  { name: 'button formaction', markdown: `<button formaction="javascript:${X}">fa</button>` },
  { name: 'frameset onload', markdown: `<frameset onload=${X}>` },
  // styles and CSS tricks
  { name: 'style element with remote background', markdown: '<style>body{background:url("https://evil.test/css.png")}</style>' },
  { name: 'style attribute with remote image', markdown: '<div style="background-image:url(https://evil.test/style.png)">styled</div>' },
  { name: 'stylesheet link', markdown: '<link rel="stylesheet" href="https://evil.test/x.css">' },
  { name: 'style @import', markdown: "<style>@import 'https://evil.test/imp.css';</style>" },
  { name: 'legacy CSS behaviours', markdown: '<div style="behavior:url(x.htc);-moz-binding:url(x)">old css</div>' },
  // base and meta
  { name: 'base href', markdown: '<base href="https://evil.test/">' },
  { name: 'meta refresh', markdown: `<meta http-equiv="refresh" content="0;url=javascript:${X}">` },
  { name: 'meta CSP override', markdown: `<meta http-equiv="Content-Security-Policy" content="script-src *">` },
  // entities and text that only looks like markup
  { name: 'escaped script as text', markdown: `&lt;script&gt;${X}&lt;/script&gt;` },
  { name: 'code span', markdown: `\`<script>${X}</script>\`` },
  { name: 'fenced code with hostile info string', markdown: `\`\`\`"><img src=x onerror=${X}>\ncode\n\`\`\`` },
  // raw HTML blocks and parser confusion
  { name: 'script inside a div block', markdown: `<div>\n<script>${X}</script>\n</div>` },
  { name: 'comment breakout', markdown: `<!-- --><script>${X}</script> -->` },
  { name: 'textarea breakout', markdown: `<textarea><script>${X}</script></textarea>` },
  { name: 'noscript mutation', markdown: `<noscript><p title="</noscript><img src=x onerror=${X}>"></noscript>` },
  { name: 'template content', markdown: `<template><script>${X}</script></template>` },
  { name: 'xmp breakout', markdown: `<xmp><script>${X}</script></xmp>` },
  { name: 'handler inside a raw table', markdown: `<table><tr><td><img src=x onerror=${X}></td></tr></table>` },
  { name: 'DOM clobbering by id', markdown: '<a id="__xss" href="https://example.com/">clobber</a>' },
  { name: 'DOM clobbering by name', markdown: '<img name="__xss" src="img/ok.png" alt="named">' },
  { name: 'heading named like the flag', markdown: '## __xss' },
  // autolinks
  { name: 'GFM autolink literal with quote', markdown: `https://example.com/"onmouseover="${X}` },
  { name: 'angle autolink with quote', markdown: `<https://example.com/" onmouseover="${X}>` },
  {
    name: 'footnote label with markup',
    markdown: `note[^x"><img src=x onerror=${X}>]\n\n[^x"><img src=x onerror=${X}>]: hostile footnote`,
  },
];

/**
 * Markup payloads for front-matter values: as `tags` they reach the header card (one chip each) and the
 * findings list (each breaks the tag pattern, and the message quotes it). Tags, handlers and URL schemes
 * combined, so every one is different.
 */
export const fieldPayloads: string[] = [
  ...[
    'img src=x',
    'svg',
    'body',
    'details open',
    'video src=x',
    'audio src=x',
    'input autofocus',
    'marquee',
    'iframe srcdoc=x',
    'object data=x',
    'select autofocus',
    'textarea autofocus',
  ].flatMap((tag) => ['onerror', 'onload', 'onfocus', 'ontoggle'].map((on) => `<${tag} ${on}=${X}>`)),
  `<script>${X}</script>`,
  `</li><script>${X}</script>`,
  `"><script>${X}</script>`,
  `'><img src=x onerror=${X}>`,
  `<a href="javascript:${X}">x</a>`,
  `<a href=" javascript:${X}">x</a>`,
  `<a href="data:text/html,<script>${X}</script>">x</a>`,
  `<form action="javascript:${X}"><button>x</button></form>`,
  `<base href="javascript:${X}//">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${X}">`,
  `<style>@import 'javascript:${X}';</style>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${X}>`,
  `<noscript><p title="</noscript><img src=x onerror=${X}>">`,
  `]0;title<img src=x onerror=${X}>`,
  `{{constructor.constructor('${X}')()}}`,
];

/** Front-matter values (YAML scalars) that carry markup: they reach the header card and findings messages. */
export const frontMatterVectors = {
  title: `<img src=x onerror=${X}>`,
  id: `"><script>${X}</script>`,
  status: `<svg onload=${X}>`,
  owner: `javascript:${X}`,
  tags: [`<iframe src=javascript:parent.__xss=1>`, ...fieldPayloads],
  // EPIC-1 resolves in the test's workspace index (whose title and status for it carry payloads too):
  // a clickable chip; the last one has the epic prefix and names nothing: a broken chip.
  epics: ['EPIC-1', `"onmouseover="${X}`, `EPIC-9"><img src=x onerror=${X}>`],
  target_release: `</span><script>${X}</script>`,
};

/** What the workspace index says about EPIC-1: shown in the chip's tooltip. */
export const referencedDocVectors = {
  title: `"><img src=x onerror=${X}>`,
  status: `<script>${X}</script>`,
};

/** Content that must survive sanitising, with what the test expects to find. */
export const legitimateMarkdown = `# Legit document

## Legit section

Some **bold** text, a [relative link](other.md) and an ![ok image](img/ok.png).

| Column A | Column B |
|---|---|
| cell a1 | cell b1 |

- [x] done item
- [ ] open item
`;
