import { accessSync, constants, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { UsageError } from './flags';

/** Larger inputs are refused up front rather than read into memory: a year of 5-minute history is about 5 MB. */
const MAX_INPUT_BYTES = 256 * 2 ** 20;

const code = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/** A file's bytes (gunzipped when it ends in .gz); every way it can fail is one UsageError naming the file. */
export function readFileBytes(path: string, what: string): Uint8Array {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new UsageError(`${path}: is a folder; give the path of ${what}`);
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${path}: cannot read ${what} (${describeCode(code(error))})`);
  }
  if (size > MAX_INPUT_BYTES)
    throw new UsageError(
      `${path}: ${(size / 2 ** 20).toFixed(0)} MB is over the ${MAX_INPUT_BYTES / 2 ** 20} MB limit for ${what}`,
    );
  try {
    const bytes = readFileSync(path);
    return path.endsWith('.gz') ? gunzipSync(bytes, { maxOutputLength: MAX_INPUT_BYTES }) : bytes;
  } catch (error) {
    throw new UsageError(
      `${path}: cannot read ${what} (${path.endsWith('.gz') ? 'not a valid gzip file, or too large' : describeCode(code(error))})`,
    );
  }
}

/** A UTF-8 text file (gunzipped when it ends in .gz); every way it can fail is one UsageError naming the file. */
export function readTextFile(path: string, what: string): string {
  const bytes = readFileBytes(path, what);
  if (bytes.includes(0)) throw new UsageError(`${path}: is a binary file, not ${what}`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${path}: is not UTF-8 text; save ${what} as UTF-8`);
  }
}

function describeCode(c: string): string {
  return (
    { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'is a folder', ENOTDIR: 'a part of the path is not a folder' }[
      c
    ] ?? c
  );
}

/**
 * Checks, before any long work, that `path` can be written: an allowed extension, an existing
 * writable folder, and not a folder itself.
 */
export function checkOutputPath(flag: string, path: string, extensions: readonly string[]): void {
  const ext = extname(path).toLowerCase();
  if (!extensions.includes(ext)) throw new UsageError(`--${flag}: must end in ${extensions.join(', ')}, got "${path}"`);
  const folder = dirname(resolve(path));
  try {
    if (!statSync(folder).isDirectory()) throw new UsageError(`--${flag}: ${folder} is not a folder`);
    accessSync(folder, constants.W_OK);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--${flag}: cannot write into ${folder} (${describeCode(code(error))})`);
  }
  try {
    if (statSync(path).isDirectory()) throw new UsageError(`--${flag}: ${path} is a folder; give a file name`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
  }
}

/** Writes a file, any failure (disk full, permissions) as one UsageError naming it. */
export function writeOutput(path: string, data: string | Uint8Array): void {
  try {
    writeFileSync(path, data);
  } catch (error) {
    throw new UsageError(`${path}: cannot write (${describeCode(code(error))})`);
  }
}
