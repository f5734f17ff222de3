/**
 * Loose readers for the values of JSON, CSV and Parquet records, whose types vary by source:
 * text from strings, numbers, arrays and name objects; lists from arrays or delimited strings;
 * counts from numbers or numeric strings.
 */
import { nameOfObject } from './authors';

/** Longest value kept in `fields`, in characters. */
export const MAX_FIELD_LENGTH = 200;
const MAX_LIST_ITEMS = 50;

/** Text of a value: strings as they are, numbers and booleans printed, arrays joined with ", ". */
export function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (Array.isArray(value)) return value.map(toText).filter(Boolean).join(', ');
  if (value instanceof Uint8Array) return '';
  if (typeof value === 'object') {
    const name = nameOfObject(value);
    if (name) return name;
    try {
      return JSON.stringify(value) ?? '';
    } catch {
      // Cycles cannot come from JSON, but a caller's object might have one.
      return '';
    }
  }
  return '';
}

/**
 * A list of short texts from an array (of strings or {name}/{display_name} objects) or from a
 * string split on ";", else ",", else whitespace when it reads as arXiv categories ("cs.LG cs.AI").
 */
export function textList(value: unknown): string[] {
  let items: string[];
  if (Array.isArray(value)) items = value.map(toText);
  else {
    const text = toText(value).trim();
    if (!text) return [];
    if (text.includes(';')) items = text.split(';');
    else if (text.includes(',')) items = text.split(',');
    else if (/^[A-Za-z-]+\.[A-Za-z-]+(?:\s+[A-Za-z-]+(?:\.[A-Za-z-]+)?)+$/.test(text)) {
      items = text.split(/\s+/);
    } else items = [text];
  }
  const out: string[] = [];
  for (const item of items) {
    const clean = item.replace(/\s+/g, ' ').trim().slice(0, MAX_FIELD_LENGTH);
    if (clean && !out.includes(clean)) out.push(clean);
    if (out.length >= MAX_LIST_ITEMS) break;
  }
  return out;
}

/** A non-negative count from a number or a numeric string ("1,234" too), or null. */
export function countOf(value: unknown): number | null {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'bigint'
        ? Number(value)
        : typeof value === 'string' && /^\s*\d[\d,_]*(?:\.\d+)?\s*$/.test(value)
          ? Number(value.replace(/[,_\s]/g, ''))
          : Number.NaN;
  return Number.isFinite(n) && n >= 0 ? Math.round(n) : null;
}

/**
 * The text kept in `fields` for a value: scalars and lists of texts, capped at MAX_FIELD_LENGTH;
 * '' for empty values and for numeric vectors (embeddings), which are no use as labels.
 */
export function fieldText(value: unknown): string {
  if (ArrayBuffer.isView(value)) return '';
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'number')) {
    return '';
  }
  const text = toText(value).replace(/\s+/g, ' ').trim();
  return text.length > MAX_FIELD_LENGTH ? `${text.slice(0, MAX_FIELD_LENGTH - 1)}…` : text;
}

/** `value` as a plain object, or null for arrays, primitives and null. */
export function asObject(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}
