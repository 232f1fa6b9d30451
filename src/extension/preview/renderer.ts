// The render libraries (remark, rehype, parse5, the sanitiser) are loaded when the first preview opens,
// not when the extension activates: most sessions never open a preview.

import type { chipsSignature, referenceTarget, renderDocument } from '../../core/render/index.js';
import type { parseDoc } from '../../core/document/parse.js';

export interface Renderer {
  render: typeof renderDocument;
  parse: typeof parseDoc;
  /** The document a reference chip of the card names (the host's own lookup, for `openReference`). */
  referenceTarget: typeof referenceTarget;
  chipsSignature: typeof chipsSignature;
}

let loading: Promise<Renderer> | undefined;

export function loadRenderer(): Promise<Renderer> {
  loading ??= Promise.all([import('../../core/render/index.js'), import('../../core/document/parse.js')]).then(([r, p]) => ({
    render: r.renderDocument,
    parse: p.parseDoc,
    referenceTarget: r.referenceTarget,
    chipsSignature: r.chipsSignature,
  }));
  return loading;
}
