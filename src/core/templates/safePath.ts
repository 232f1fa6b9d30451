// The one check that a new document's planned path stays inside its target folder, for `pmdocs new` and
// New Document alike. The file name is built from the id (a version for release notes, a prefix from a
// workspace doc type) and a slug of the title: any of those could carry `../`, an absolute path, a drive
// letter or a backslash (a separator on Windows), so the name must be one plain path segment.

/** Why a new document cannot be planned (the CLI exits 2 with it, the editor shows it). */
export class NewDocumentInputError extends Error {}

/** Why `fileName` is not one plain file name inside a folder, or undefined when it is. */
export function fileNameProblem(fileName: string): string | undefined {
  const shown = JSON.stringify(fileName);
  if (!fileName || fileName === '.' || fileName === '..') return `the file name ${shown} names no file`;
  if (/[/\\]/.test(fileName)) return `the file name ${shown} holds a path separator ('/' or '\\') and would leave the target folder`;
  if (/^[A-Za-z]:/.test(fileName)) return `the file name ${shown} starts with a drive letter and would leave the target folder`;
  if (fileName.includes(':')) return `the file name ${shown} holds ':' (a drive or stream separator on Windows)`;
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\u0000-\u001f\u007f]/.test(fileName)) return `the file name ${shown} holds a control character`;
  return undefined;
}

/**
 * `folder` + `/` + `fileName`, after checking the name is one plain segment (`folder` is `/`-separated and
 * absolute or workspace-relative; trailing slashes are dropped). Throws NewDocumentInputError otherwise.
 */
export function pathInside(folder: string, fileName: string): string {
  const problem = fileNameProblem(fileName);
  if (problem) throw new NewDocumentInputError(`${problem}; it must stay inside ${folder}`);
  return `${folder.replace(/\/+$/, '')}/${fileName}`;
}
