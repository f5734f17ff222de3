/**
 * Date normalisation for every corpus format. Decision: a date becomes ISO `YYYY-MM-DD` only when
 * the source gives year, month and day; a year alone, or a year and month, leaves the date null
 * and keeps the year (formats put it in `fields.year`), because `2024-01-01` would claim a day
 * nobody gave and skew date filters. Numeric day/month orders that cannot be told apart
 * ("03/04/2024") read month-first with "/" (US exports) and day-first with "." or "-".
 */

/** What a date value yielded: an ISO date, a year, and whether the value was unusable. */
export interface DateResult {
  /** ISO `YYYY-MM-DD` when year, month and day are all known and valid; else null. */
  date: string | null;
  /** The year when known (also when date is set), else null. */
  year: number | null;
  /** True when a non-empty value was given but is not a valid date (year may still be set). */
  invalid: boolean;
}

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MIN_YEAR = 1000;
const MAX_YEAR = 2999;

const EMPTY: DateResult = { date: null, year: null, invalid: false };
const INVALID: DateResult = { date: null, year: null, invalid: true };

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s_])/;
const SLASHED = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:$|[/\sT])/;
const YEAR_MONTH = /^(\d{4})(?:[-/.](\d{1,2}))?[/-]*(?:$|\/)/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const NUMERIC_DMY = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
const DAY_MONTH_YEAR =
  /(?:^|[^\w])(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]{3,9})\.?,?[\s-]+(\d{4})(?!\d)/;
const MONTH_DAY_YEAR =
  /(?:^|[^\w])([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/;
const ANY_YEAR = /(?<!\d)(1[0-9]\d\d|2\d\d\d)(?!\d)/;

/**
 * Reads a date from a string ("2024-01-05", "2025-04-09T17:59:59Z", "2024/01/05/", "Mon, 2 Apr
 * 2007 19:18:42 GMT", "Jan 5, 2024", "2024"), a number (a year, or a Unix time in s or ms), a
 * CSL date-parts array ([2024, 1, 5]) or a Date; see the file comment for partial dates.
 */
export function parseDate(value: unknown): DateResult {
  if (value === null || value === undefined) return EMPTY;
  if (value instanceof Date) return fromTime(value.getTime());
  if (typeof value === 'bigint') return parseDate(Number(value));
  if (typeof value === 'number') return fromNumber(value);
  if (Array.isArray(value)) return fromParts(value);
  if (typeof value !== 'string') return INVALID;
  const text = value.trim();
  if (!text) return EMPTY;
  if (text.length > 200) return INVALID;
  return fromString(text);
}

/** ISO `YYYY-MM-DD` for a valid calendar day, else null (no rolling over of "Feb 30"). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return null;
  if (!Number.isInteger(month) || !Number.isInteger(day) || month < 1 || month > 12) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The month number (1–12) of an English month name or an abbreviation of it ("Sept"), or 0. */
export function monthNumber(word: string): number {
  const w = word.toLowerCase();
  if (w.length < 3) return 0;
  const index = MONTH_NAMES.findIndex(
    (name) => name.startsWith(w) || (w === 'sept' && name === 'september'),
  );
  return index + 1;
}

function fromString(text: string): DateResult {
  let m = ISO.exec(text) ?? SLASHED.exec(text);
  if (m) return full(Number(m[1]), Number(m[2]), Number(m[3]));
  m = COMPACT.exec(text);
  if (m) return full(Number(m[1]), Number(m[2]), Number(m[3]));
  m = YEAR_MONTH.exec(text);
  if (m) {
    const month = m[2] === undefined ? 1 : Number(m[2]);
    return month >= 1 && month <= 12 ? yearOnly(Number(m[1])) : INVALID;
  }
  m = NUMERIC_DMY.exec(text);
  if (m) {
    const [a, b, year] = [Number(m[1]), Number(m[3]), Number(m[4])];
    const dayFirst = a > 12 || (b <= 12 && m[2] !== '/');
    return dayFirst ? full(year, b, a) : full(year, a, b);
  }
  m = DAY_MONTH_YEAR.exec(text);
  if (m && monthNumber(m[2] ?? ''))
    return full(Number(m[3]), monthNumber(m[2] ?? ''), Number(m[1]));
  m = MONTH_DAY_YEAR.exec(text);
  if (m && monthNumber(m[1] ?? ''))
    return full(Number(m[3]), monthNumber(m[1] ?? ''), Number(m[2]));
  m = ANY_YEAR.exec(text);
  return m ? yearOnly(Number(m[1])) : INVALID;
}

function fromNumber(n: number): DateResult {
  if (!Number.isFinite(n)) return INVALID;
  if (Number.isInteger(n) && n >= MIN_YEAR && n <= MAX_YEAR) return yearOnly(n);
  // Unix times: seconds until the year 5138, milliseconds after 1973.
  if (n > 1e11) return fromTime(n);
  if (n > 1e8) return fromTime(n * 1000);
  return INVALID;
}

function fromTime(ms: number): DateResult {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return INVALID;
  return full(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function fromParts(parts: readonly unknown[]): DateResult {
  // CSL nests the parts: {"date-parts": [[2024, 1, 5]]}.
  const first = parts[0];
  if (Array.isArray(first)) return fromParts(first);
  const [y, m, d] = parts.map((p) => (typeof p === 'string' ? Number(p) : p));
  if (typeof y !== 'number' || !Number.isInteger(y)) return parts.length ? INVALID : EMPTY;
  if (typeof m !== 'number' || typeof d !== 'number') return yearOnly(y);
  return full(y, m, d);
}

function full(year: number, month: number, day: number): DateResult {
  const date = isoDate(year, month, day);
  if (date) return { date, year, invalid: false };
  // A day that does not exist is an error, but its year is still worth keeping.
  return { date: null, year: year >= MIN_YEAR && year <= MAX_YEAR ? year : null, invalid: true };
}

function yearOnly(year: number): DateResult {
  return year >= MIN_YEAR && year <= MAX_YEAR ? { date: null, year, invalid: false } : INVALID;
}
