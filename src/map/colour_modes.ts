import type { Paper } from '../core/paper';
import type { TopicHierarchy } from '../core/topics/topic';
import { CLUSTER_PALETTE, clusterColours, clusterCss } from './palette';
import {
  PLASMA_REVERSED,
  VIRIDIS,
  cssRgb,
  rampInto,
  type ColourRamp,
  type Rgb,
} from './colour_ramps';

/** What the points are coloured by: a built-in mode, or `field:<name>` for an imported column. */
export type ColourModeId =
  'topic' | 'date' | 'upvotes' | 'source' | 'org' | 'category' | `field:${string}`;

/** A colour mode as the "Colour by" menu lists it. */
export interface ColourMode {
  id: ColourModeId;
  label: string;
}

/** One swatch of a categorical legend: a value, its colour (CSS) and how many papers have it. */
export interface LegendEntry {
  label: string;
  colour: string;
  count: number;
}

/** A legend of distinct values: the commonest first, then "Other", then "Unknown". */
export interface CategoricalLegend {
  kind: 'categorical';
  title: string;
  entries: LegendEntry[];
}

/** A legend of a sequential ramp: its stops (CSS colours, low to high) and the end labels. */
export interface ContinuousLegend {
  kind: 'continuous';
  title: string;
  stops: string[];
  min: string;
  max: string;
  /** "log scale" or similar, or '' for a linear scale. */
  scale: string;
  /** Papers with no value, drawn in `unknownColour`. */
  unknown: number;
  unknownColour: string;
}

/** A legend for the map's colours. */
export type Legend = CategoricalLegend | ContinuousLegend;

/** The map's point colours (n×4 RGBA bytes) under one mode, with its legend. */
export interface Colouring {
  colours: Uint8Array;
  legend: Legend;
}

/** Distinct values given their own colour; the rest are drawn as "Other". */
export const MAX_SWATCHES = 10;
/** An imported field is offered as a colour mode only with at most this many distinct values. */
export const MAX_FIELD_VALUES = 60;

const ALPHA = 210;
/** Papers without a value: light neutral grey, fainter than the coloured ones. */
const UNKNOWN: Rgb = [190, 190, 186];
const UNKNOWN_ALPHA = 140;
/** Values beyond the top MAX_SWATCHES: a darker grey, so "Other" and "Unknown" differ. */
const OTHER: Rgb = [128, 128, 124];
/** The cluster palette without black, which reads as "selected" or "missing" among categories. */
const CATEGORY_PALETTE = CLUSTER_PALETTE.filter((c) => c[0] + c[1] + c[2] > 0);

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/** A month index (year × 12 + month − 1) of an ISO date, or −1 when there is none. */
function monthOf(date: string | null): number {
  if (!date || date.length < 4) return -1;
  // Digits read by char code: no substring per paper (this runs for every paper on a switch).
  const c = (i: number): number => date.charCodeAt(i) - 48;
  const year = c(0) * 1000 + c(1) * 100 + c(2) * 10 + c(3);
  const month = date.length >= 7 ? c(5) * 10 + c(6) : 1;
  if (!(year > 0 && year < 10000)) return -1;
  return year * 12 + (month >= 1 && month <= 12 ? month : 1) - 1;
}

/** "Sep 2015" for a month index. */
export function monthLabel(month: number): string {
  return `${MONTHS[month % 12]} ${Math.floor(month / 12)}`;
}

/** The value a categorical mode reads off a paper, or null when the paper has none. */
function categoryReader(mode: ColourModeId): ((p: Paper) => string | null) | null {
  const clean = (s: string | null | undefined): string | null => s?.trim() || null;
  if (mode === 'source') return (p) => clean(p.source[0]);
  if (mode === 'org') return (p) => clean(p.org);
  if (mode === 'category') return (p) => clean(p.categories?.[0]);
  if (mode.startsWith('field:')) {
    const name = mode.slice('field:'.length);
    return (p) => clean(p.fields?.[name]);
  }
  return null;
}

/**
 * The colour modes this corpus supports, in menu order: topics always; date, upvotes, source,
 * organisation and category when some paper has a value; each imported field with between 1 and
 * MAX_FIELD_VALUES distinct values.
 */
export function colourModes(papers: readonly Paper[]): ColourMode[] {
  let dates = false;
  let upvotes = false;
  let sources = false;
  let orgs = false;
  let categories = false;
  const fieldValues = new Map<string, Set<string> | null>();
  for (const p of papers) {
    dates ||= monthOf(p.date) >= 0;
    upvotes ||= p.upvotes !== null && Number.isFinite(p.upvotes);
    sources ||= !!p.source[0]?.trim();
    orgs ||= !!p.org?.trim();
    categories ||= !!p.categories?.[0]?.trim();
    if (!p.fields) continue;
    for (const name in p.fields) {
      const v = p.fields[name]!.trim();
      if (!v) continue;
      let seen = fieldValues.get(name);
      if (seen === null) continue;
      if (!seen) fieldValues.set(name, (seen = new Set()));
      seen.add(v);
      // Too many values to tell apart by colour: stop counting this field.
      if (seen.size > MAX_FIELD_VALUES) fieldValues.set(name, null);
    }
  }
  const modes: ColourMode[] = [{ id: 'topic', label: 'Topic' }];
  if (dates) modes.push({ id: 'date', label: 'Date' });
  if (upvotes) modes.push({ id: 'upvotes', label: 'Upvotes' });
  if (sources) modes.push({ id: 'source', label: 'Source' });
  if (orgs) modes.push({ id: 'org', label: 'Organisation' });
  if (categories) modes.push({ id: 'category', label: 'Category' });
  for (const [name, seen] of fieldValues)
    if (seen) modes.push({ id: `field:${name}`, label: name });
  return modes;
}

function fill(out: Uint8Array, i: number, rgb: Rgb, alpha: number): void {
  out[4 * i] = rgb[0];
  out[4 * i + 1] = rgb[1];
  out[4 * i + 2] = rgb[2];
  out[4 * i + 3] = alpha;
}

/** Colours by a categorical value: the MAX_SWATCHES commonest values, then Other and Unknown. */
function colourByCategory(
  papers: readonly Paper[],
  read: (p: Paper) => string | null,
  title: string,
): Colouring {
  const n = papers.length;
  const codes = new Int32Array(n);
  const values = new Map<string, number>();
  const counts: number[] = [];
  let unknown = 0;
  for (let i = 0; i < n; i++) {
    const v = read(papers[i]!);
    if (v === null) {
      codes[i] = -1;
      unknown++;
      continue;
    }
    let code = values.get(v);
    if (code === undefined) values.set(v, (code = counts.push(0) - 1));
    counts[code]!++;
    codes[i] = code;
  }
  const names = [...values.keys()];
  // Commonest first; ties by name so the colours do not depend on paper order.
  const order = names
    .map((_, code) => code)
    .sort((a, b) => counts[b]! - counts[a]! || names[a]!.localeCompare(names[b]!));
  const rank = new Int32Array(names.length);
  order.forEach((code, r) => (rank[code] = r));
  const colours = new Uint8Array(n * 4);
  let other = 0;
  for (let i = 0; i < n; i++) {
    const code = codes[i]!;
    if (code < 0) fill(colours, i, UNKNOWN, UNKNOWN_ALPHA);
    else if (rank[code]! < MAX_SWATCHES) fill(colours, i, CATEGORY_PALETTE[rank[code]!]!, ALPHA);
    else {
      fill(colours, i, OTHER, ALPHA);
      other++;
    }
  }
  const entries: LegendEntry[] = order.slice(0, MAX_SWATCHES).map((code, r) => ({
    label: names[code]!,
    colour: cssRgb(CATEGORY_PALETTE[r]!),
    count: counts[code]!,
  }));
  if (other) entries.push({ label: 'Other', colour: cssRgb(OTHER), count: other });
  if (unknown) entries.push({ label: 'Unknown', colour: cssRgb(UNKNOWN), count: unknown });
  return { colours, legend: { kind: 'categorical', title, entries } };
}

/** Colours by a number per paper (NaN = unknown) on a ramp between its least and greatest. */
function colourBySequence(
  values: Float64Array,
  ramp: ColourRamp,
  title: string,
  label: (v: number) => string,
  scale: string,
): Colouring {
  let min = Infinity;
  let max = -Infinity;
  let unknown = 0;
  for (const v of values) {
    if (Number.isNaN(v)) unknown++;
    else {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  const colours = new Uint8Array(values.length * 4);
  const span = max - min;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) fill(colours, i, UNKNOWN, UNKNOWN_ALPHA);
    else {
      // One distinct value sits mid-ramp rather than at an end that suggests "least".
      rampInto(ramp, span > 0 ? (v - min) / span : 0.5, colours, 4 * i);
      colours[4 * i + 3] = ALPHA;
    }
  }
  return {
    colours,
    legend: {
      kind: 'continuous',
      title,
      stops: ramp.stops.map(cssRgb),
      min: Number.isFinite(min) ? label(min) : '',
      max: Number.isFinite(max) ? label(max) : '',
      scale,
      unknown,
      unknownColour: cssRgb(UNKNOWN),
    },
  };
}

/** Colours by level-0 topic (region), as the topic list shows them. */
function colourByTopic(papers: readonly Paper[], topics: TopicHierarchy, dark: boolean): Colouring {
  const level = topics.levels[0];
  const regions = level?.assignment ?? new Int32Array(papers.length);
  const entries = (level?.topics ?? [])
    .map((t, index) => ({ label: t.label, colour: clusterCss(index), count: t.size }))
    .sort((a, b) => b.count - a.count);
  return {
    colours: clusterColours(regions, ALPHA, dark),
    legend: { kind: 'categorical', title: 'Topic', entries },
  };
}

/**
 * The point colours of `papers` under `mode`, with the legend that explains them. Dates are
 * coloured by month on viridis, upvotes on reversed plasma on a log scale (log(1 + votes)),
 * categories by the palette in order of frequency. Papers without a value are light grey.
 */
export function colourBy(
  papers: readonly Paper[],
  topics: TopicHierarchy,
  mode: ColourModeId,
  /** A dark map: the palette's black turns light so that it shows. */
  dark = false,
): Colouring {
  const n = papers.length;
  if (mode === 'date') {
    const months = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const m = monthOf(papers[i]!.date);
      months[i] = m >= 0 ? m : NaN;
    }
    return colourBySequence(months, VIRIDIS, 'Date', monthLabel, '');
  }
  if (mode === 'upvotes') {
    const votes = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = papers[i]!.upvotes;
      votes[i] = v !== null && Number.isFinite(v) ? Math.log1p(Math.max(0, v)) : NaN;
    }
    const label = (v: number): string => String(Math.round(Math.expm1(v)));
    return colourBySequence(votes, PLASMA_REVERSED, 'Upvotes', label, 'log scale');
  }
  const read = categoryReader(mode);
  if (read) {
    const title = mode === 'source' ? 'Source' : mode === 'org' ? 'Organisation' : 'Category';
    return colourByCategory(papers, read, mode.startsWith('field:') ? mode.slice(6) : title);
  }
  return colourByTopic(papers, topics, dark);
}
