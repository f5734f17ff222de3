import { parseCorpusFile } from '../core/corpus_file';
import type { Corpus } from '../core/paper';
import { nameCorpus } from './corpus_names';

/** Where the build step (`npm run corpus`) puts the default corpus, relative to the page. */
export const DEFAULT_CORPUS_URL = 'corpus/default.json';

/** Fetches and validates the default corpus that ships with the site. */
export async function loadDefaultCorpus(signal?: AbortSignal): Promise<Corpus> {
  const url = new URL(DEFAULT_CORPUS_URL, document.baseURI);
  const response = await fetch(url, { signal });
  if (!response.ok) {
    throw new Error(
      `Could not load the default corpus (${url.pathname}): HTTP ${response.status}.`,
    );
  }
  const file = parseCorpusFile(await response.json(), DEFAULT_CORPUS_URL);
  return nameCorpus({ papers: file.papers, hash: file.hash }, file.name);
}
