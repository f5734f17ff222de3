import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type {
  ImportIssue,
  PaperDraft,
  ParseContext,
  TextFormat,
} from '../../../../src/core/import/format';

/** The text of a fixture in tests/fixtures/import. */
export function fixture(name: string): string {
  return readFileSync(
    fileURLToPath(new URL(`../../../fixtures/import/${name}`, import.meta.url)),
    'utf8',
  );
}

/** Yields `text` in pieces of the given sizes, cycling through them (1 gives 1-char chunks). */
export async function* chunked(
  text: string,
  sizes: readonly number[] = [text.length || 1],
): AsyncGenerator<string> {
  let at = 0;
  for (let k = 0; at < text.length; k++) {
    const size = Math.max(1, sizes[k % sizes.length] ?? 1);
    yield text.slice(at, at + size);
    at += size;
  }
}

/** Everything a parse produced: the papers and the issues, in order. */
export interface Parsed {
  papers: PaperDraft[];
  issues: ImportIssue[];
  errors: ImportIssue[];
}

/** Runs `format` over `text` split into chunks of `sizes`. */
export async function parseText(
  format: TextFormat,
  text: string,
  sizes?: readonly number[],
  context: Partial<ParseContext> = {},
): Promise<Parsed> {
  const papers: PaperDraft[] = [];
  const issues: ImportIssue[] = [];
  for await (const result of format.parse(chunked(text, sizes), { file: 'test', ...context })) {
    if (result.paper) papers.push(result.paper);
    issues.push(...result.issues);
  }
  return { papers, issues, errors: issues.filter((i) => i.severity === 'error') };
}

/** The paper with this title, failing the test when there is not exactly one. */
export function byTitle(papers: PaperDraft[], title: string): PaperDraft {
  const found = papers.filter((p) => p.title === title);
  if (found.length !== 1)
    throw new Error(`expected one paper titled "${title}", found ${found.length}`);
  return found[0] as PaperDraft;
}
