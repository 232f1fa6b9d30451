// Which images the preview loads: relative paths through the host's resolver (the panel maps them to
// webview URIs inside its resource roots), https only when the user allowed remote images, nothing
// else (no http, no data:, no protocol-relative `//host`). A blocked image becomes a visible note.

import type { ElementContent, Nodes, Root } from 'hast';
import { eachNode } from './eachNode.js';
import { h } from './hast.js';

export interface ImagePolicy {
  allowRemoteImages: boolean;
  resolveImage?: (src: string) => string | undefined;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function applyImagePolicy(tree: Root, policy: ImagePolicy): void {
  eachNode<Nodes>(tree, (node, parent, index) => {
    if (node.type !== 'element' || node.tagName !== 'img' || !parent || !('children' in parent)) return;
    const src = typeof node.properties['src'] === 'string' ? node.properties['src'].trim() : '';
    const verdict = decide(src, policy);
    if ('src' in verdict) {
      node.properties['src'] = verdict.src;
      return;
    }
    const alt = typeof node.properties['alt'] === 'string' ? node.properties['alt'] : '';
    const note: ElementContent = h(
      'span',
      { className: ['pmdocs-image-blocked'], title: verdict.reason },
      `[image: ${alt || src || 'no source'}]`,
    );
    parent.children.splice(index, 1, note);
    return false;
  });
}

function decide(src: string, policy: ImagePolicy): { src: string } | { reason: string } {
  if (!src) return { reason: 'The image has no source.' };
  const remote = SCHEME.test(src) || /^[\\/]{2}/.test(src);
  if (remote) {
    if (/^https:\/\//i.test(src) && policy.allowRemoteImages) return { src };
    if (/^https?:|^[\\/]{2}/i.test(src))
      return { reason: 'Remote images are not shown: turn on the setting pmdocs.preview.allowRemoteImages (https only).' };
    return { reason: 'Only relative paths and https images can be shown.' };
  }
  const resolved = policy.resolveImage?.(src);
  return resolved ? { src: resolved } : { reason: 'This image is outside the folders the preview may read.' };
}
