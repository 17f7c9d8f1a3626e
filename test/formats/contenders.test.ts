/**
 * bestSplit does not ask a reader whose `maxConfidence` cannot reach the contenders of a claim
 * already made, nor one that cannot reach a sure claim (0.95) already made (issue 18, worker CPU). That is only sound if no reader's detect ever returns more
 * than its declared maximum: checked on every fixture, seed and (when present) shared sample, and
 * the pruned claims are checked to hold every contender of the full ones.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { walkFiles } from '../helpers.js';
import { decodeDigest } from '../../src/decode.js';
import { detectForms, readers } from '../../src/formats/index.js';
import { htmlCardsReader } from '../../src/formats/htmlCards.js';

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
      expectSameDecision(text, f, all);
    }
  });

  it('a feed sure of its form spares the html-cards reader (it would parse the feed as a page)', () => {
    const entry = (i: number) =>
      `<entry><title>A Study of Low-Rank Adapters Number ${i}</title><id>tag:x,2025:${i}</id>` +
      `<link href="https://arxiv.org/abs/2601.0${1000 + i}"/><summary>We propose adapters number ${i}.</summary></entry>`;
    const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Daily papers</title>${[1, 2, 3].map(entry).join('')}</feed>`;
    const detect = vi.spyOn(htmlCardsReader, 'detect');
    try {
      const all = detectForms(atom, 'daily.atom');
      expect(detect).toHaveBeenCalledTimes(1);
      expect(all[0]!.reader.name).toBe('feed');
      expect(all[0]!.confidence).toBeGreaterThanOrEqual(0.95);
      detect.mockClear();
      detectForms(atom, 'daily.atom', readers, true);
      expect(detect).not.toHaveBeenCalled();
      expectSameDecision(atom, 'daily.atom', all);
    } finally {
      detect.mockRestore();
    }
  });
});

/**
 * What bestSplit decides from the pruned claims is what it decides from all of them: the same most
 * confident reader, taken alone when it claims 0.95 or more, else the same contenders (within 0.3).
 */
function expectSameDecision(text: string, f: string, all: ReturnType<typeof detectForms>): void {
  const top = all[0]?.confidence ?? 0;
  const pruned = detectForms(text, f, readers, true);
  expect(pruned[0]?.reader.name, f).toBe(all[0]?.reader.name);
  if (top >= 0.95) return;
  const contenders = all.filter((c) => c.confidence >= top - 0.3).map((c) => c.reader.name);
  expect(
    pruned.filter((c) => c.confidence >= top - 0.3).map((c) => c.reader.name),
    f,
  ).toEqual(contenders);
}
