import type { Paper } from '../core/paper';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3 Dec 2025" from an ISO date, or "date unknown". */
export function formatDate(iso: string | null): string {
  if (!iso) return 'date unknown';
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "Meta AI · 12 authors", "6 authors", or "" when neither is known. */
export function formatByline(paper: Paper): string {
  const parts: string[] = [];
  if (paper.org) parts.push(paper.org);
  if (paper.authors.length)
    parts.push(paper.authors.slice(0, 3).join(', ') + (paper.authors.length > 3 ? ' et al.' : ''));
  else if (paper.authorCount)
    parts.push(`${paper.authorCount} author${paper.authorCount === 1 ? '' : 's'}`);
  return parts.join(' · ');
}
