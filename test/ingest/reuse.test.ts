import { describe, expect, it } from 'vitest';
import { extractAll } from '../../src/extract/index.js';
import { emptyRecord } from '../../src/formats/reader.js';
import { FileExtractions } from '../../src/ingest/reuse.js';
import type { DigestRecord } from '../../src/types.js';

const ABSTRACT =
  'We propose QLoRA-X, which outperforms LoRA and full fine-tuning by 3.2% accuracy on GSM8K while using 40% less memory. Code: https://github.com/acme/qlora-x.';
const OTHER =
  'Prefix tuning is compared with adapters on five tasks; the adapters reach 91.5% F1. See https://example.org/project for details.';

function record(
  position: number,
  title: string,
  abstract: string,
  siteRepos: string[] = [],
  siteLinks: string[] = [],
): DigestRecord {
  return { ...emptyRecord(position, title), abstract, siteRepos, siteLinks };
}

/** A file's records and the extraction the worker made of each (extractAll of the record alone). */
function file(records: DigestRecord[], paperIds: string[]): FileExtractions {
  return new FileExtractions(
    records,
    records.map((r) => extractAll(r.title, r.abstract, r.siteRepos, r.siteLinks)),
    paperIds,
  );
}

describe('FileExtractions: a paper extraction reused from the file records', () => {
  const records = [
    record(1, 'QLoRA-X: Quantized Adapters', ABSTRACT),
    record(2, 'Prefix or Adapters?', OTHER, ['https://github.com/acme/prefix'], ['https://acme.org']),
  ];

  it('gives extractAll of the text and site fields, whichever path it takes', () => {
    const cases: [string, string, string[], string[]][] = [
      ['QLoRA-X: Quantized Adapters', ABSTRACT, [], []], // a record's own text and fields
      ['QLoRA-X: Quantized Adapters', ABSTRACT, ['https://github.com/acme/qlora-x-site'], []], // more site fields
      ['QLoRA-X', ABSTRACT, [], []], // same abstract, another title
      ['Prefix or Adapters?', OTHER, ['https://github.com/acme/prefix'], ['https://acme.org']],
      ['Prefix or Adapters?', OTHER, [], []], // fewer site fields than the record had
      ['A paper of its own', 'We study LoRA ranks and find rank 8 enough for 95% of the gain.', [], []], // no record has it
    ];
    // Both records on one paper, then each on its own: the paper's records are the ones compared.
    for (const reuse of [file(records, ['p', 'p']), file(records, ['p', 'q'])]) {
      for (const [title, abstract, repos, links] of cases) {
        for (const id of ['p', 'q', 'unknown']) {
          expect(reuse.of(id, title, abstract, repos, links)).toEqual(extractAll(title, abstract, repos, links));
        }
      }
    }
  });

  it('hands back the record extraction itself when text and fields are the same', () => {
    const extractions = records.map((r) => extractAll(r.title, r.abstract, r.siteRepos, r.siteLinks));
    const reuse = new FileExtractions(records, extractions, ['p', 'q']);
    expect(reuse.of('q', records[1]!.title, OTHER, records[1]!.siteRepos, records[1]!.siteLinks)).toBe(extractions[1]);
    expect(reuse.of('p', 'QLoRA-X: Quantized Adapters', ABSTRACT)).toBe(extractions[0]);
    // Another paper's record is not looked at.
    expect(reuse.of('q', 'QLoRA-X: Quantized Adapters', ABSTRACT)).not.toBe(extractions[0]);
  });
});
