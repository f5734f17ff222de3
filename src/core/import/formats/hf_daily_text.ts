/**
 * A Hugging Face "Daily Papers" page saved as text, the seed corpus's format: wraps
 * parseDailyPapersPage, which needs the whole page (pages are a few hundred kilobytes at most).
 */
import type { ParseContext, RecordResult, TextFormat } from '../format';
import { parseDailyPapersPage } from '../../seeds/parse_daily_papers_page';
import { buildRecord } from './record';

async function* parseDailyText(
  chunks: AsyncIterable<string>,
  context: ParseContext,
): AsyncGenerator<RecordResult> {
  const parts: string[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  context.signal?.throwIfAborted();
  const source = context.file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const entries = parseDailyPapersPage(parts.join(''), source);
  let record = 0;
  for (const entry of entries) {
    record++;
    yield buildRecord(
      {
        title: entry.title,
        abstract: entry.abstract,
        authors: [],
        authorCount: entry.authorCount,
        org: entry.org,
        date: entry.date,
        upvotes: entry.upvotes,
      },
      { file: context.file, record },
    );
  }
}

const CHROME =
  /^(?:Daily Papers|Get trending papers in your email inbox!|byAK and the research community)$/m;
const AUTHORS = /^\s*(?:[•·]\s*)?\d{1,5} authors?\s*$/m;
const DATE_UPVOTES =
  /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{1,2}(?:, \d{4})?(?: \d+)?$/m;

/** The seed pages' text format. */
export const hfDailyTextFormat: TextFormat = {
  kind: 'text',
  id: 'hf-daily-text',
  label: 'Hugging Face daily papers page (text)',
  example: 'Daily Papers\n\nApr 27\n\nTitle\n\nAbstract…\n\n  • 6 authors\n·\nDec 3, 2025 2',
  sniff(head) {
    if (/^\s*[[{<@]/.test(head)) return 0;
    let score = 0;
    if (CHROME.test(head)) score += 0.5;
    if (AUTHORS.test(head)) score += 0.25;
    if (DATE_UPVOTES.test(head)) score += 0.15;
    if (/^[·•]\s*$/m.test(head)) score += 0.05;
    return score >= 0.4 ? Math.min(score, 0.95) : 0;
  },
  parse: parseDailyText,
};
