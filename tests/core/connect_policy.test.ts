import { describe, expect, it } from 'vitest';
import { connectPolicy, connectSources, MODEL_HOSTS } from '../../src/core/connect_policy';

describe('the connect-src of a page address', () => {
  it('allows the site, picked files and Hugging Face when the address names nothing', () => {
    expect(connectSources('https://maps.example.org/papermap/')).toEqual([
      "'self'",
      'data:',
      'blob:',
      ...MODEL_HOSTS,
    ]);
  });

  it('adds the origins of ?data=, ?map= and ?model= URLs, relative ones resolved to the site', () => {
    const href =
      'https://maps.example.org/papermap/?data=https%3A%2F%2Fdata.example.com%2Fa.jsonl' +
      '&map=http://127.0.0.1:8000/m.papermap&model=../models/bge/&backend=wasm';
    expect(connectSources(href)).toEqual([
      "'self'",
      'data:',
      'blob:',
      'https://data.example.com',
      'http://127.0.0.1:8000',
      ...MODEL_HOSTS,
    ]);
    expect(connectPolicy(href)).toMatch(
      /^connect-src 'self' data: blob: https:\/\/data\.example\.com /,
    );
  });

  it('allows nothing more for parameters that are not http(s) URLs', () => {
    const href = 'https://a.example/?data=javascript:alert(1)&map=file:///etc/passwd&model=%%%';
    expect(connectSources(href)).toEqual(["'self'", 'data:', 'blob:', ...MODEL_HOSTS]);
  });
});
