/**
 * Identifier helpers: arXiv ids from ids and URLs in their many spellings, DOIs in one canonical
 * form, and the URLs papermap builds from them.
 */

// New-style ids (0704.0001, 2504.07164) and old-style ones (hep-th/9901001, math.GT/0309136).
const NEW_STYLE = /(?<!\d)(\d{4}\.\d{4,5})(?:v\d+)?(?!\d)/;
const OLD_STYLE = /(?:^|[^A-Za-z-])([a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?(?!\d)/;
const ARXIV_CONTEXT = /arxiv|^\s*(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?\s*$/i;

/**
 * The arXiv id without version in `value` ("arXiv:2504.07164v2", "http://arxiv.org/abs/2504.07164v1",
 * "hep-th/9901001"), or null; a bare number pair like "1234.5678" counts only when it is the whole
 * value or the text mentions arXiv, so page ranges and DOIs are not mistaken for ids.
 */
export function extractArxivId(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!text || text.length > 500 || !ARXIV_CONTEXT.test(text)) return null;
  // DOIs of arXiv papers (10.48550/arXiv.2504.07164) carry the id after "arXiv.".
  const match = NEW_STYLE.exec(text) ?? OLD_STYLE.exec(text);
  const id = match?.[1];
  if (!id) return null;
  if (/^\d{4}\./.test(id)) {
    const month = Number(id.slice(2, 4));
    if (month < 1 || month > 12) return null;
  }
  return id;
}

/**
 * A DOI in lower case without its resolver prefix ("https://doi.org/10.1/X" → "10.1/x",
 * "doi:10.1/X" → "10.1/x"), or null when `value` holds none.
 */
export function normaliseDoi(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  let text = value.trim();
  try {
    // DOIs in URLs are often percent-encoded ("10.1002%2Fanie").
    if (text.includes('%')) text = decodeURIComponent(text);
  } catch {
    // A stray "%" is not an encoding: keep the text as it is.
  }
  const match = /10\.\d{4,9}\/\S+/.exec(text);
  if (!match) return null;
  return match[0].replace(/[.,;]+$/, '').toLowerCase();
}

/** The arXiv abstract page of an id: "2504.07164" → "https://arxiv.org/abs/2504.07164". */
export function arxivUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}

/** The Hugging Face paper page of an id: "2504.07164" → "https://huggingface.co/papers/2504.07164". */
export function hfPaperUrl(id: string): string {
  return `https://huggingface.co/papers/${id}`;
}

/** The resolver URL of a normalised DOI: "10.1/x" → "https://doi.org/10.1/x". */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi}`;
}

/** `value` when it is an http(s) URL (trimmed), else null. */
export function httpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return /^https?:\/\/\S+$/i.test(text) ? text : null;
}
