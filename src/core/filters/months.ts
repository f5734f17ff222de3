/**
 * Months as integers: `year * 12 + (month - 1)`, so consecutive months differ by one and a range
 * of months is a pair of integers. Filters and the histogram work on these; links and labels use
 * `YYYY-MM`.
 */

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
const SHORT_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** The month index of a `YYYY-MM` text (years 0000–9999), or null when it is not one. */
export function parseMonth(text: string): number | null {
  const match = MONTH_PATTERN.exec(text);
  return match ? Number(match[1]) * 12 + Number(match[2]) - 1 : null;
}

/** `YYYY-MM` for a month index. */
export function formatMonth(month: number): string {
  const year = Math.floor(month / 12);
  return `${String(year).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}`;
}

/** A month index as people read it, e.g. "Mar 2024". */
export function monthLabel(month: number): string {
  return `${SHORT_NAMES[month % 12]} ${Math.floor(month / 12)}`;
}

/**
 * The month index of a paper's ISO date (`YYYY-MM…`), or −1 when the date is unknown or gives no
 * month. Reads character codes: no allocation, since it runs once per paper per filter change.
 */
export function monthOfDate(date: string | null): number {
  if (date === null || date.length < 7 || date.charCodeAt(4) !== 45) return -1;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const digit = date.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    year = year * 10 + digit;
  }
  const tens = date.charCodeAt(5) - 48;
  const ones = date.charCodeAt(6) - 48;
  if (tens < 0 || tens > 1 || ones < 0 || ones > 9) return -1;
  const month = tens * 10 + ones;
  return month >= 1 && month <= 12 ? year * 12 + month - 1 : -1;
}
