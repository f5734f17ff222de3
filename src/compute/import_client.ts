import type { ColumnMapping } from '../core/import/format';
import type { ImportResult } from '../core/import/import_corpus';
import type { ImportApi } from '../core/import/import_handlers';
import { RpcClient } from './rpc_client';
import { startPolicyWorker } from './policy_worker';
import importWorkerUrl from '../../workers/import.worker.ts?worker&url';

/** What to import: files the user chose or dropped, or a URL (`?data=`) fetched by the worker. */
export type ImportSource = File[] | { url: string };

/** Progress, cancellation and corrected column mappings for one import. */
export interface ImportCallOptions {
  signal?: AbortSignal;
  /** Fraction in [0, 1] of the bytes read, and a detail line ("Reading a.csv: 3.1 of 9.0 MB"). */
  onProgress?: (fraction: number, detail: string) => void;
  /** Column mappings by file name, from the mapping editor. */
  mappings?: Record<string, ColumnMapping>;
}

/** The page's typed handle on the import worker; one import at a time is the usual use. */
export class ImportClient {
  private readonly rpc: RpcClient;

  /** Starts a new import worker (or wraps the one given, for tests). */
  constructor(worker: Worker = startImportWorker()) {
    this.rpc = new RpcClient(worker, 'import worker');
  }

  /** Parses, validates and merges the source in the worker; rejects with an AbortError on cancel. */
  importFiles(source: ImportSource, options: ImportCallOptions = {}): Promise<ImportResult> {
    const { signal, onProgress, mappings } = options;
    const call = { signal, onProgress };
    if (Array.isArray(source)) {
      const args: Parameters<ImportApi['importFiles']>[0] = { files: source, mappings };
      return this.rpc.call('importFiles', args, call);
    }
    const args: Parameters<ImportApi['importUrl']>[0] = { url: source.url, mappings };
    return this.rpc.call('importUrl', args, call);
  }

  /** Stops the worker; safe to call twice. */
  destroy(): void {
    this.rpc.destroy();
  }
}

/** Starts the import worker as an ES module worker bundled by Vite. */
export function startImportWorker(): Worker {
  return startPolicyWorker(importWorkerUrl, 'papermap-import');
}
