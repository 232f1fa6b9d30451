// The only way core reaches the disk. The CLI wires Node's fs, the extension `vscode.workspace.fs`,
// tests an in-memory map. Paths are absolute and `/`-separated (`/home/a/docs/x.md`, `c:/work/x.md`).

export interface FileStat {
  isFile: boolean;
  isDirectory: boolean;
  /** Size in bytes (files). */
  size: number;
  /** Last modification, in ms since the epoch, where the host knows it (lets a cache skip reading). */
  mtimeMs?: number;
}

export interface IHost {
  /**
   * The file's text (UTF-8), or undefined when it does not exist. Any other failure throws, and so does
   * a file that is not a regular one or is larger than `maxBytes` (default: the fileBytes limit).
   */
  readFile(path: string, options?: { maxBytes?: number }): Promise<string | undefined>;
  /** Undefined when nothing exists at the path. */
  stat(path: string): Promise<FileStat | undefined>;
}

export async function exists(host: IHost, path: string): Promise<boolean> {
  return (await host.stat(path)) !== undefined;
}
