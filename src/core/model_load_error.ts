/** What went wrong while loading a model; lets the UI choose a hint (retry, pick other files, …). */
export type ModelLoadFailure =
  | 'http' // the server answered with an error status (404, 403, 500, …)
  | 'network' // no answer: offline, DNS, or a CORS refusal, which browsers report the same way
  | 'format' // a file is not what it claims to be: truncated, bad JSON, bad safetensors header
  | 'mismatch' // the files disagree with each other (weights vs config.json vs tokenizer.json)
  | 'unsupported'; // a valid model that papermap cannot run (not BERT, not WordPiece, …)

/**
 * A model or tokenizer failed to load; `message` is user-facing and names the file and what was
 * wrong, e.g. `model.safetensors is truncated: … (an interrupted download?)`.
 */
export class ModelLoadError extends Error {
  override readonly name = 'ModelLoadError';

  constructor(
    /** The category of failure. */
    readonly failure: ModelLoadFailure,
    message: string,
    /** The file or URL concerned, when one is. */
    readonly file?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
