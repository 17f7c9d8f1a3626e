import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashKey } from '../../src/ingest/prepare.js';

/** The id of a paper without an arXiv id: the first 12 hex digits of SHA-256 over the key's UTF-8. */
const byHashObject = (key: string) => crypto.createHash('sha256').update(key).digest('hex').slice(0, 12);

describe('hashKey (the one-shot digest where Node has it)', () => {
  it.each([
    ['', 'e3b0c44298fc'],
    ['finetuningllms', byHashObject('finetuningllms')],
    ['\u00e9t\u00e9\u4e2d\ud83d\ude00', byHashObject('\u00e9t\u00e9\u4e2d\ud83d\ude00')],
    ['lone\ud800surrogate\udc00', byHashObject('lone\ufffdsurrogate\ufffd')],
  ])('%j -> %s', (key, expected) => {
    expect(hashKey(key)).toBe(expected);
    expect(hashKey(key)).toBe(byHashObject(key));
  });
});
