// The extension runs on VS Code 1.90 and later (engines.vscode, proven by compiling against that API).
// A few newer API additions are used only where the host has them, checked here by version: they are
// plain properties, which an older host would ignore rather than reject. Callers pass `vscode.version`
// (no `vscode` import here: unit-tested under plain Node).

/** Is `version` ("1.98.2", "1.99.0-insider") at least major.minor? */
export function versionAtLeast(version: string, major: number, minor: number): boolean {
  const m = /^(\d+)\.(\d+)/.exec(version);
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a > major || (a === major && b >= minor);
}
