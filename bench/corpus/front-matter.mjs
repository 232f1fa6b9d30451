// front-matter.mjs: YAML front matter as a list of lines, each tagged with the field path it
// defines, so a defect can edit one field and the manifest can say on which line it sits.
// Front matter is YAML 1.2: dates stay plain strings, `1.10` would be a number (hence yq()).

import { isoDay } from './vocabulary.mjs';

/** Quote a YAML scalar when a plain scalar would be read differently (or not at all). */
export function yq(s) {
  if (typeof s !== 'string') return String(s);
  const needs =
    s === '' ||
    /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(s) ||
    /[:]\s|\s#|[:]$/.test(s) ||
    /^(true|false|null|yes|no|on|off|~)$/i.test(s) ||
    /^[-+]?(\d[\d_]*)?\.?\d+([eE][-+]?\d+)?$/.test(s) ||
    /\s$/.test(s);
  if (!needs) return s;
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export class FrontMatter {
  constructor() {
    /** @type {{text: string, path: string | null}[]} */
    this.lines = [];
  }

  add(path, text) {
    this.lines.push({ text, path });
  }

  scalar(key, value, quote = false) {
    this.add(key, `${key}: ${quote ? `"${value}"` : yq(value)}`);
  }

  list(key, items, style) {
    if (style === 'flow') {
      this.add(key, `${key}: [${items.map(yq).join(', ')}]`);
    } else {
      this.add(key, `${key}:`);
      items.forEach((it, k) => this.add(`${key}[${k}]`, `  - ${yq(it)}`));
    }
  }

  find(path) {
    return this.lines.findIndex((l) => l.path === path);
  }

  has(path) {
    return this.find(path) >= 0;
  }

  /** Replace the value part of the line defining `path`, keeping its indent and key. */
  setRaw(path, rawValue) {
    const i = this.find(path);
    if (i < 0) throw new Error(`gen-corpus: no front matter line for ${path}`);
    const l = this.lines[i];
    const m = /^(\s*(?:-\s+)?)([^:]*:\s?)?(.*)$/.exec(l.text);
    if (/\[\d+\]$/.test(path)) l.text = `${m[1]}${rawValue}`;
    else l.text = `${m[1]}${m[2] ?? ''}${m[2] && !m[2].endsWith(' ') ? ' ' : ''}${rawValue}`;
  }

  /** Rename the key on the line defining `path` (the path keeps pointing at that line). */
  renameKey(path, newKey) {
    const l = this.lines[this.find(path)];
    l.text = l.text.replace(/^(\s*)[^:\s]+:/, `$1${newKey}:`);
  }

  /** Remove the line for `path` and all its children. */
  remove(path) {
    this.lines = this.lines.filter((l) => !(l.path === path || (l.path && (l.path.startsWith(`${path}.`) || l.path.startsWith(`${path}[`)))));
  }

  children(path) {
    return this.lines.filter((l) => l.path && (l.path.startsWith(`${path}.`) || l.path.startsWith(`${path}[`)));
  }

  /** 1-based line of `path` in the whole file (the opening fence is line 1). */
  lineOf(path) {
    const i = this.find(path);
    return i < 0 ? null : i + 2;
  }
}

const handle = (r, h) => (r.chance(0.3) ? `"@${h}"` : h);

export function prdFrontMatter(d, r) {
  const fm = new FrontMatter();
  fm.scalar('type', 'prd');
  fm.scalar('id', d.id);
  fm.scalar('title', d.title);
  fm.scalar('status', d.status);
  fm.add('owner', `owner: ${handle(r, d.owner)}`);
  fm.scalar('created', isoDay(d.created));
  if (d.updated !== null) fm.scalar('updated', isoDay(d.updated));
  fm.scalar('priority', d.priority);
  if (d.targetRelease) fm.scalar('target_release', d.targetRelease, r.chance(0.3));
  if (d.rice) {
    fm.add('rice', 'rice:');
    for (const k of ['reach', 'impact', 'confidence', 'effort', 'score']) {
      if (d.rice[k] !== undefined) fm.add(`rice.${k}`, `  ${k}: ${d.rice[k]}`);
    }
  }
  if (d.tags.length) fm.list('tags', d.tags, d.tagStyle);
  return fm;
}

export function epicFrontMatter(d, r) {
  const fm = new FrontMatter();
  fm.scalar('type', 'epic');
  fm.scalar('id', d.id);
  fm.scalar('title', d.title);
  fm.scalar('status', d.status);
  fm.add('owner', `owner: ${handle(r, d.owner)}`);
  if (d.prd) fm.scalar('prd', d.prd);
  if (d.priority) fm.scalar('priority', d.priority);
  if (d.created !== null) fm.scalar('created', isoDay(d.created));
  if (d.updated !== null) fm.scalar('updated', isoDay(d.updated));
  if (d.tags.length) fm.list('tags', d.tags, 'flow');
  return fm;
}

export function storyFrontMatter(d, r) {
  const fm = new FrontMatter();
  fm.scalar('type', 'user-story');
  fm.scalar('id', d.id);
  fm.scalar('title', d.title);
  fm.scalar('status', d.status);
  if (d.prd) fm.scalar('prd', d.prd);
  if (d.epic) fm.scalar('epic', d.epic);
  fm.scalar('estimate', d.estimate);
  fm.scalar('priority', d.priority);
  if (d.owner) fm.add('owner', `owner: ${handle(r, d.owner)}`);
  if (d.created !== null) fm.scalar('created', isoDay(d.created));
  if (d.updated !== null) fm.scalar('updated', isoDay(d.updated));
  if (d.tags.length) fm.list('tags', d.tags, 'flow');
  return fm;
}

export function releaseFrontMatter(d, r) {
  const fm = new FrontMatter();
  fm.scalar('type', 'release-notes');
  fm.scalar('id', d.id);
  fm.scalar('title', d.title);
  fm.scalar('status', d.status);
  fm.scalar('version', d.version, r.chance(0.3));
  fm.scalar('date', isoDay(d.day));
  if (d.status === 'yanked') fm.scalar('yanked_reason', d.yankedReason);
  if (d.stories.length) {
    fm.list(
      'stories',
      d.stories.map((s) => s.id),
      d.stories.length > 6 ? 'block' : 'flow',
    );
  }
  if (d.breaking || r.chance(0.4)) fm.add('breaking', `breaking: ${d.breaking}`);
  if (d.owner) fm.add('owner', `owner: ${handle(r, d.owner)}`);
  return fm;
}
