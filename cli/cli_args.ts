import { parseArgs } from 'node:util';
import type { BackendName } from '../src/gpu/backend';

/** A command line papermap cannot run: it prints the message and the usage, and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** What `papermap map|site` was asked to do. */
export interface MapCommand {
  command: 'map' | 'site';
  /** Files or http(s) URLs, in order. */
  inputs: string[];
  outDir: string;
  embedder: 'lsa' | 'minilm';
  /** The backend to try first; undefined lets chooseBackend pick the fastest. */
  backend: BackendName | undefined;
  /** Seed of the layout and the clustering; default 42. */
  seed: number;
  /** Include the vectors (4-bit codes) in the bundle (search by meaning in the shared map). */
  vectors: boolean;
}

/** The parsed command line: a map or site command, or a request for help. */
export type ParsedArgs = MapCommand | { command: 'help' };

const BACKENDS: readonly BackendName[] = ['webgpu', 'wasm', 'cpu'];

/** Parses `papermap` arguments (without node and the script); throws UsageError when wrong. */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        embedder: { type: 'string', default: 'lsa' },
        backend: { type: 'string' },
        seed: { type: 'string', default: '42' },
        vectors: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [command, ...inputs] = positionals;
  if (values.help || command === 'help' || command === undefined) return { command: 'help' };
  if (command !== 'map' && command !== 'site') {
    throw new UsageError(`unknown command "${command}": expected map or site`);
  }
  if (inputs.length === 0) throw new UsageError(`papermap ${command} needs at least one input`);
  if (!values.out) throw new UsageError(`papermap ${command} needs an output folder: -o <dir>`);
  const embedder = values.embedder;
  if (embedder !== 'lsa' && embedder !== 'minilm') {
    throw new UsageError(`unknown embedder "${embedder}": expected lsa or minilm`);
  }
  const backend = values.backend as BackendName | undefined;
  if (backend !== undefined && !BACKENDS.includes(backend)) {
    throw new UsageError(`unknown backend "${backend}": expected ${BACKENDS.join(', ')}`);
  }
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new UsageError(`--seed should be a whole number ≥ 0, not "${values.seed}"`);
  }
  return {
    command,
    inputs,
    outDir: values.out,
    embedder,
    backend,
    seed,
    vectors: values.vectors,
  };
}

/** What `papermap --help` prints. */
export const USAGE = `Usage:
  papermap map <input...> -o <dir> [options]   write <dir>/map.papermap and <dir>/points.csv
  papermap site <input...> -o <dir> [options]  write a static site: the built app, opening the map
  papermap --help                              print this help

Inputs are files or http(s) URLs in any format papermap imports: Hugging Face daily papers
(pages or JSON), arXiv Atom or JSONL, OpenAlex, Semantic Scholar, BibTeX, RIS, CSL JSON, CSV,
TSV, JSON, JSONL, Parquet. Duplicates across inputs are merged.

Options:
  -o, --out <dir>       output folder (created if missing)
  --embedder lsa|minilm embedder: lsa (built in, default) or minilm (downloads MiniLM-L6)
  --backend webgpu|wasm|cpu
                        try this tfjs backend first (default: the fastest that works;
                        a software-emulated GPU ranks after wasm)
  --seed <n>            seed of the layout and clustering (default 42)
  --vectors             include the vectors (4-bit) in the bundle, for search by meaning
  -h, --help            print this help

Exit codes: 0 done, 1 bad input or failure, 2 usage error.
Progress goes to stderr, the summary to stdout.`;
