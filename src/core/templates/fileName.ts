// File names for new documents: `<ID>-<slug>.md` (e.g. `PRD-12-export-invoices-as-csv.md`), readable in a
// file list and stable across platforms (ASCII, lower case, no characters Windows refuses).

const MAX_SLUG = 60;

export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents: "Café" → "Cafe"
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > 20 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}

/** `<ID>-<slug>.md`, or `<ID>.md` when the title gives no slug (release notes pass no title: the id is the version). */
export function fileNameFor(id: string, title = ''): string {
  const slug = slugify(title);
  return slug ? `${id}-${slug}.md` : `${id}.md`;
}
