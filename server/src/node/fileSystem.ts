/** The file system of the Node runtime, as the session reads it. */
import { constants, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { open, readdir, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { FileRefused, type FileSystem } from '../session/files';

const decoder = new TextDecoder('utf-8', { ignoreBOM: false });

/**
 * Files as the session reads them: regular files only, opened without blocking, their size checked
 * before reading; the built-in catalogs from `builtinDirectory`.
 */
export function nodeFileSystem(builtinDirectory: string): FileSystem {
  return {
    realpath: (path) => realpath(path),
    async readRegularFile(path, maxBytes) {
      // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever.
      const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
      try {
        const stat = await handle.stat();
        if (!stat.isFile()) throw new FileRefused('not-a-file', `${path} is not a regular file (a FIFO, a device or a folder), so it is not read.`);
        if (stat.size > maxBytes) {
          throw new FileRefused('too-large', `${path} is ${Math.ceil(stat.size / 1024 / 1024)} MB, larger than the ${Math.round(maxBytes / 1024 / 1024)} MB that is read. Split it, or raise errorCatalog.maxCatalogSizeMB.`);
        }
        const buffer = Buffer.alloc(stat.size);
        let filled = 0;
        while (filled < stat.size) {
          const { bytesRead } = await handle.read(buffer, filled, stat.size - filled, filled);
          if (bytesRead === 0) break; // the file shrank since it was measured
          filled += bytesRead;
        }
        // The decoder drops a leading byte-order mark.
        return decoder.decode(buffer.subarray(0, filled));
      } finally {
        await handle.close();
      }
    },
    readDirectory: async (path) => (await readdir(path, { withFileTypes: true })).map((entry) => ({
      name: entry.name,
      isFile: entry.isFile(),
      isDirectory: entry.isDirectory(),
    })),
    readBuiltins: () => readdirSync(builtinDirectory)
      .filter((name) => /\.errors\.ya?ml$/.test(name))
      .map((name) => ({ path: join(builtinDirectory, name), text: readFileSync(join(builtinDirectory, name), 'utf8') })),
  };
}

/**
 * Writes `text` over a file that still holds `expected` (as it was read, without a byte-order mark);
 * false, and nothing written, when the file changed since it was read or cannot be read.
 */
export function replaceFileIfUnchanged(path: string, expected: string, text: string): boolean {
  let current: string;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    return false;
  }
  // The file keeps its byte-order mark.
  const bom = current.startsWith('\uFEFF') ? '\uFEFF' : '';
  if (current.slice(bom.length) !== expected) return false;
  writeFileSync(path, bom + text);
  return true;
}
