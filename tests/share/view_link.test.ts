import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeViewLink, encodeViewLink } from '../../src/share/view_link';

describe('the view link codec', () => {
  it('round-trips a view and a selected paper', () => {
    const hash = encodeViewLink({
      view: { x: 1.234567, y: -3.5, zoom: 4.256 },
      paper: '2504.07164',
    });
    expect(hash).toBe('view=1.23457,-3.5,4.256&paper=2504.07164');
    expect(decodeViewLink(`#${hash}`)).toEqual({
      link: { view: { x: 1.23457, y: -3.5, zoom: 4.256 }, paper: '2504.07164' },
      problems: [],
    });
  });

  it('carries the search query and mode', () => {
    const hash = encodeViewLink({ query: 'scaling laws & data', mode: 'meaning' });
    expect(hash).toBe('q=scaling%20laws%20%26%20data&mode=meaning');
    expect(decodeViewLink(hash).link).toEqual({ query: 'scaling laws & data', mode: 'meaning' });
    expect(encodeViewLink({ query: 'rag', mode: 'words' })).toBe('q=rag');
    expect(decodeViewLink('#q=x&mode=fuzzy').problems).toEqual([
      'search mode "fuzzy" should be words or meaning',
    ]);
    expect(decodeViewLink(`#q=${'a'.repeat(501)}`).link.query).toBeUndefined();
  });

  it('ignores malformed pieces one by one, keeping the valid ones, and says what was wrong', () => {
    const { link, problems } = decodeViewLink('#view=1,2&paper=abc123&color=red&paper2');
    expect(link).toEqual({ paper: 'abc123' });
    expect(problems).toEqual([
      'view "1,2" should be x,y,zoom',
      'unknown link setting "color"',
      'unknown link setting "paper2"',
    ]);
    expect(decodeViewLink('#paper=%3Cscript%3E').problems[0]).toMatch(/not a valid id/);
    expect(decodeViewLink('#paper=%E0%A4%A').problems[0]).toMatch(/not valid URL encoding/);
    expect(decodeViewLink('#view=NaN,1,2').link.view).toBeUndefined();
  });

  it('never throws and round-trips any finite view and id', () => {
    fc.assert(fc.property(fc.string(), (s) => void decodeViewLink(s)));
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -20, max: 20, noNaN: true }),
        fc.stringMatching(/^[\w.:~/()-]{1,40}$/),
        (x, y, zoom, paper) => {
          const { link, problems } = decodeViewLink(
            encodeViewLink({ view: { x, y, zoom }, paper }),
          );
          expect(problems).toEqual([]);
          expect(link.paper).toBe(paper);
          expect(link.view!.x).toBeCloseTo(x, 3);
          expect(link.view!.zoom).toBeCloseTo(zoom, 1);
        },
      ),
    );
  });
});

describe('the filter piece of a link', () => {
  it('carries a filter in one compact piece and reads it back', () => {
    const filter = { date: { from: '2024-01', to: '2024-06' }, sources: ['a b.json', 'c,d'] };
    const hash = encodeViewLink({ paper: 'x1', filter });
    expect(hash).toBe('f=d:2024-01..2024-06;s:a%20b.json,c%2Cd&paper=x1');
    expect(decodeViewLink(`#${hash}`)).toEqual({ link: { paper: 'x1', filter }, problems: [] });
    expect(encodeViewLink({ filter: {} })).toBe('');
  });

  it('ignores a malformed filter piece by piece and keeps the rest of the link', () => {
    const { link, problems } = decodeViewLink('#f=u:lots;d:2024-02..&paper=x1');
    expect(link).toEqual({ paper: 'x1', filter: { date: { from: '2024-02' } } });
    expect(problems).toEqual(['filter "u:lots": the minimum of upvotes should be a whole number']);
  });
});

describe('the map style pieces of a link', () => {
  it('carry the colour mode, density and size only when they differ from the defaults', () => {
    expect(encodeViewLink({ style: { colour: 'topic', density: true } })).toBe('');
    const style = { colour: 'field:venue name', density: false, sizeByUpvotes: true };
    const hash = encodeViewLink({ style });
    expect(hash).toBe('colour=field%3Avenue%20name&density=off&size=upvotes');
    expect(decodeViewLink(hash)).toEqual({ link: { style }, problems: [] });
  });

  it('names a malformed style piece and keeps the others', () => {
    const { link, problems } = decodeViewLink('#colour=%3Cscript%3E&density=maybe&size=upvotes');
    expect(link).toEqual({ style: { sizeByUpvotes: true } });
    expect(problems).toEqual([
      'colour "<script>" is not a colour mode',
      'density "maybe" should be on or off',
    ]);
  });
});
