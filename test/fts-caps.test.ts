import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/errors.js';
import { FTS_MAX_PREFIX_TERMS, FTS_MAX_TERMS, toFtsQuery } from '../src/filters.js';

const words = (n: number, w = (i: number) => `w${i}`) => Array.from({ length: n }, (_, i) => w(i)).join(' ');

describe('toFtsQuery caps the size of a search', () => {
  it.each([
    [words(FTS_MAX_TERMS), true],
    [words(FTS_MAX_TERMS + 1), false],
    [words(FTS_MAX_PREFIX_TERMS, (i) => `p${i}*`), true],
    [words(FTS_MAX_PREFIX_TERMS + 1, (i) => `p${i}*`), false],
    [Array(100).fill('a*').join(' '), false],
    [`title:a* abstract:b* c* d* "e f" g`, true],
    [`title:a* abstract:b* c* d* e*`, false],
    [`${words(FTS_MAX_TERMS - 1)} "a phrase"`, true],
    [`${words(FTS_MAX_TERMS)} "a phrase"`, false],
    [`${Array(20).fill('AND').join(' ')} x`, true], // operators are not terms
  ])('%s -> accepted %s', (text, ok) => {
    if (ok) expect(() => toFtsQuery(text)).not.toThrow();
    else expect(() => toFtsQuery(text)).toThrow(UsageError);
  });
});
