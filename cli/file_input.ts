import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { inputFromBlob, type ImportInput } from '../src/core/import/import_input';

/**
 * A file on disk as an import input: Node's file-backed Blob streams it and slices it for
 * Parquet, so the CLI imports through the same importFiles as the browser, without reading the
 * whole file into memory.
 */
export async function inputFromPath(path: string): Promise<ImportInput> {
  return inputFromBlob(await openAsBlob(path), basename(path));
}
