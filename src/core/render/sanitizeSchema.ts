// What survives sanitising: GitHub's schema (hast-util-sanitize's default) narrowed to what GFM output
// needs. Everything here is data; the render tests (test/unit/render.test.ts) and the browser test (test/browser/xss.test.ts)
// check the consequences (no scripts, handlers, styles, frames, forms, or script-capable URLs).

import { defaultSchema, type Schema } from 'hast-util-sanitize';

/** Attributes of the default `*` list that GFM output never produces and that only widen the surface. */
const DROP_EVERYWHERE = new Set([
  'accept',
  'acceptCharset',
  'accessKey',
  'action',
  'encType',
  'method',
  'tabIndex',
  'prompt',
  'label',
  'value',
  'selected',
  'multiple',
  'maxLength',
  'readOnly',
  'useMap',
  'isMap',
  'noHref',
  'coords',
  'shape',
  'hSpace',
  'charSet',
  'itemProp',
  'color',
  'frame',
  'rules',
  'size',
]);

/** Elements dropped together with their content (instead of being unwrapped to their text). */
const STRIP = [
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'textarea',
  'title',
  'xmp',
  'noembed',
  'noframes',
  'plaintext',
  'select',
  'option',
  'head',
  'link',
  'meta',
  'base',
];

const def = defaultSchema;
const defAttrs = def.attributes ?? {};

export const sanitizeSchema: Schema = {
  ...def,
  // <picture>/<source srcset> would load images past our image policy; footnote sections stay.
  tagNames: (def.tagNames ?? []).filter((t) => t !== 'picture' && t !== 'source'),
  strip: STRIP,
  attributes: {
    ...defAttrs,
    '*': (defAttrs['*'] ?? []).filter((a) => !(typeof a === 'string' && DROP_EVERYWHERE.has(a))),
    img: ['alt', 'src', 'title', 'width', 'height'],
    a: [...(defAttrs['a'] ?? []), 'title'],
    source: [],
    div: [],
  },
  protocols: {
    ...def.protocols,
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
    cite: ['http', 'https'],
    longDesc: [],
  },
};
