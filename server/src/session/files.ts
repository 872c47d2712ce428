/**
 * Reading the workspace's files safely. Catalogs and sources come from cloned repositories, so
 * every path is resolved (symbolic links included) and must stay inside a workspace folder, only
 * regular files are read (never a FIFO or a device, which would block), and a file's size is
 * checked before it is read.
 */
import { URI } from 'vscode-uri';

/** The file system as the session needs it; the runtime entry point provides it. */
export interface FileSystem {
  /** The path with every symbolic link resolved; rejects when it does not exist. */
  realpath(path: string): Promise<string>;
  /**
   * A regular file's text, decoded as UTF-8 without a leading byte-order mark. Rejects with a
   * {@link FileRefused} when the path is not a regular file or holds more than `maxBytes`, without
   * reading it (and without waiting on it, as opening a FIFO would).
   */
  readRegularFile(path: string, maxBytes: number): Promise<string>;
  /** Entries of a folder; symbolic links are reported as neither file nor folder, and are not followed. */
  readDirectory(path: string): Promise<{ name: string; isFile: boolean; isDirectory: boolean }[]>;
  /** The built-in catalog files, read once at start. */
  readBuiltins(): { path: string; text: string }[];
}

export type RefusalReason = 'outside' | 'not-a-file' | 'too-large' | 'unreadable' | 'missing';

/** Why a file was not read, with a message that says what to do. */
export class FileRefused extends Error {
  constructor(readonly reason: RefusalReason, message: string) {
    super(message);
  }
}

/** A path with `.` and `..` resolved, as the same file is named from settings, scans and watcher events. */
export function normalizePath(path: string): string {
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part !== '..') parts.push(part);
    else if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (!absolute) parts.push(part);
  }
  const joined = parts.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

export function isInside(folder: string, path: string): boolean {
  return path === folder || path.startsWith(folder.endsWith('/') ? folder : `${folder}/`);
}

/** Reads files only from inside the workspace folders, however they are named. */
export class WorkspaceReader {
  private readonly realFolders = new Map<string, Promise<string | undefined>>();

  constructor(private readonly fs: FileSystem, private readonly folders: () => readonly string[]) {}

  /** Forgets the folders' resolved paths (after folders are added or removed). */
  foldersChanged(): void {
    this.realFolders.clear();
  }

  private realFolder(folder: string): Promise<string | undefined> {
    let real = this.realFolders.get(folder);
    if (!real) {
      real = this.fs.realpath(folder).catch(() => undefined);
      this.realFolders.set(folder, real);
    }
    return real;
  }

  /** The file's resolved path when it is inside a workspace folder, else a refusal. */
  async resolve(path: string): Promise<string> {
    let real: string;
    try {
      real = await this.fs.realpath(normalizePath(path));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException)?.code;
      throw new FileRefused(code === 'ENOENT' ? 'missing' : 'unreadable', code === 'ENOENT' ? `${path} does not exist.` : `${path} cannot be read (${(error as Error).message}).`);
    }
    for (const folder of this.folders()) {
      const realFolder = await this.realFolder(folder);
      if (realFolder && isInside(realFolder, real)) return real;
    }
    throw new FileRefused('outside', `${path} is outside the workspace folders (it resolves to ${real}); only files inside them are read.`);
  }

  /** The text of a file inside the workspace, or a {@link FileRefused}. */
  async read(path: string, maxBytes: number): Promise<string> {
    const real = await this.resolve(path);
    try {
      return await this.fs.readRegularFile(real, maxBytes);
    } catch (error) {
      if (error instanceof FileRefused) throw error;
      const e = error as NodeJS.ErrnoException;
      const what = e?.code === 'EACCES' || e?.code === 'EPERM' ? 'permission denied: give your user read access to it' : e?.message ?? String(error);
      throw new FileRefused(e?.code === 'ENOENT' ? 'missing' : 'unreadable', `${path} cannot be read (${what}).`);
    }
  }
}

/** The file path of a `file:` URI, with `.` and `..` resolved; undefined for other schemes (untitled documents, built-ins). */
export function pathOf(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? normalizePath(parsed.fsPath) : undefined;
}
