import type { ImportCallOptions, ImportSource } from '../compute/import_client';
import type { ColumnMapping } from '../core/import/format';
import type { ImportReport, ImportResult } from '../core/import/import_corpus';
import { importFailure } from '../core/import/report_text';
import type { BackendName } from '../gpu/backend_names';
import { nameCorpus } from './corpus_names';
import type { MapSession } from './map_session.svelte';

/** The part of ImportClient the session uses, so tests can pass a stand-in. */
export interface Importer {
  importFiles(source: ImportSource, options?: ImportCallOptions): Promise<ImportResult>;
  destroy(): void;
}

/**
 * The app's state for bringing one's own corpus: the import's progress, its report, and an error
 * when it kept no papers. A successful import becomes the map through MapSession.open; a
 * cancelled or failed one leaves the previous map on screen. The latest import wins.
 */
export class ImportSession {
  progress = $state<{ fraction: number; detail: string } | null>(null);
  report = $state.raw<ImportReport | null>(null);
  error = $state<string | null>(null);
  /** Whether the report panel is open (it opens after every import). */
  reportOpen = $state(false);
  private client: Importer | null = null;
  private controller: AbortController | null = null;
  private source: ImportSource | null = null;
  private mappings: Record<string, ColumnMapping> = {};

  constructor(
    private readonly map: MapSession,
    private readonly createImporter: () => Importer,
    private readonly preferred?: BackendName,
  ) {}

  /** Imports files or a URL and maps the result; a newer call cancels an older one. */
  async run(source: ImportSource, mappings: Record<string, ColumnMapping> = {}): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const { signal } = controller;
    this.source = source;
    this.mappings = mappings;
    this.error = null;
    this.progress = { fraction: 0, detail: `Opening ${describe(source)}` };
    try {
      this.client ??= this.createImporter();
      const result = await this.client.importFiles(source, {
        signal,
        mappings,
        onProgress: (fraction, detail) => {
          if (!signal.aborted) this.progress = { fraction, detail };
        },
      });
      if (signal.aborted) return;
      this.progress = null;
      this.report = result.report;
      const failure = importFailure(result.report);
      this.reportOpen = failure !== null || hasIssues(result.report);
      if (failure) {
        this.error = failure;
        return;
      }
      const corpus = nameCorpus(result.corpus, result.name);
      await this.map.open(async () => corpus, this.preferred);
    } catch (error) {
      if (signal.aborted) return;
      this.progress = null;
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      if (this.controller === controller) this.controller = null;
    }
  }

  /** Imports the last source again with a corrected column mapping for one file. */
  remap(file: string, mapping: ColumnMapping): Promise<void> {
    if (!this.source) return Promise.resolve();
    return this.run(this.source, { ...this.mappings, [file]: mapping });
  }

  /** Cancels the running import; the map on screen stays. */
  cancel(): void {
    this.controller?.abort();
    this.controller = null;
    this.progress = null;
  }

  /** Hides the report and any import error. */
  dismiss(): void {
    this.reportOpen = false;
    this.error = null;
  }

  /** Stops the import worker; safe to call twice. */
  destroy(): void {
    this.cancel();
    this.client?.destroy();
    this.client = null;
  }
}

function describe(source: ImportSource): string {
  if (!Array.isArray(source)) return source.url;
  const first = source[0]?.name ?? 'nothing';
  return source.length > 1 ? `${first} and ${source.length - 1} more` : first;
}

function hasIssues(report: ImportReport): boolean {
  return report.files.some((f) => f.issueCount > 0) || report.duplicatesMerged > 0;
}
