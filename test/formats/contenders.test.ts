/**
 * bestSplit does not ask a reader whose `maxConfidence` cannot reach the contenders of a claim
 * already made (issue 18, worker CPU). That is only sound if no reader's detect ever returns more
 * than its declared maximum: checked on every fixture, seed and (when present) shared sample, and
 * the pruned claims are checked to hold every contender of the full ones.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkFiles } from '../helpers.js';
import { decodeDigest } from '../../src/decode.js';
import { detectForms, readers } from '../../src/formats/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SAMPLES = join(ROOT, '..', 'shared', 'samples');
const dirs = [join(ROOT, 'fixtures'), ...(existsSync(SAMPLES) ? [SAMPLES] : [])];
if (!existsSync(SAMPLES)) console.warn(`contenders.test: ${SAMPLES} is absent; fixtures only`);
const texts = dirs
  .flatMap((d) => walkFiles(d))
  .filter((f) => !/\.(?:gz|zip|tgz|tar|db|png|jpe?g|pdf)$/i.test(f))
  .map((f) => {
    try {
      return { f, text: decodeDigest(readFileSync(f)).text };
    } catch {
      return null;
    }
  })
  .filter((x) => x !== null);

describe('readers with a maximum confidence', () => {
  it('some reader declares one (else this test checks nothing)', () => {
    expect(readers.some((r) => r.maxConfidence !== undefined)).toBe(true);
  });

  it(`detect never exceeds it, and pruning keeps every contender (${texts.length} files)`, () => {
    expect(texts.length).toBeGreaterThan(20);
    for (const { f, text } of texts) {
      const all = detectForms(text, f);
      for (const { reader, confidence } of all) {
        if (reader.maxConfidence !== undefined)
          expect(confidence, `${reader.name} on ${f}`).toBeLessThanOrEqual(reader.maxConfidence);
      }
      const top = all[0]?.confidence ?? 0;
      const contenders = all.filter((c) => c.confidence >= top - 0.3).map((c) => c.reader.name);
      const pruned = detectForms(text, f, readers, true);
      expect(
        pruned.filter((c) => c.confidence >= top - 0.3).map((c) => c.reader.name),
        f,
      ).toEqual(contenders);
    }
  });
});
