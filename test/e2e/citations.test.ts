/**
 * Citation export with the real binary: `export --format bibtex|ris|csl-json` and
 * `query ... --format`, read back with a BibTeX parser, citation-js's RIS reader and JSON.
 * The papers are real API responses, read from ../shared/samples/hf-api-json (third-party files
 * are never copied into the repository; the tests skip when they are absent), plus fixtures/outputs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { parse } from '@retorquere/bibtex-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { papers, ROOT, tempDir } from '../helpers.js';

const db = path.join(tempDir(), 'c.db');
const run = (...args: string[]) => papers([...args, '--db', db]);
const nfc = (v: unknown): unknown => JSON.parse(JSON.stringify(v).normalize('NFC'));

const SAMPLES = path.join(ROOT, '..', 'shared', 'samples', 'hf-api-json');
const API = ['2024-05-27.json', '2025-01-10.json'].map((f) => path.join(SAMPLES, f));
const HAVE = API.every((f) => fs.existsSync(f));
if (!HAVE) console.warn(`citations.test: ${SAMPLES} is absent; the citation tests are skipped`);

beforeAll(() => {
  if (!HAVE) return;
  for (const input of [...API, path.join(ROOT, 'fixtures/outputs/day1')]) {
    const r = papers(['ingest', input, '--db', db, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
  }
});

describe.skipIf(!HAVE)('papers export --format bibtex', () => {
  it('every entry parses back; two real papers field by field', () => {
    const r = run('export', '--format', 'bibtex');
    expect(r.code, r.stderr).toBe(0);
    const lib = parse(r.stdout, { sentenceCase: false });
    expect(lib.errors).toEqual([]);
    const total = Number(run('sql', 'SELECT count(*) AS n FROM papers', '--csv').stdout.split('\n')[1]);
    expect(lib.entries).toHaveLength(total);
    expect(new Set(lib.entries.map((e) => e.key)).size).toBe(total);
    expect(lib.entries.every((e) => e.type === 'misc' && e.fields.archiveprefix === 'arXiv')).toBe(true);

    const byKey = new Map(lib.entries.map((e) => [e.key, e.fields]));
    // The original response names more authors than the abridged copy this was written on: the first three.
    const conv = byKey.get('ge2024convllava') as Record<string, unknown> & { author: unknown[] };
    expect(conv.author.slice(0, 3)).toEqual([
      { lastName: 'Ge', firstName: 'Chunjiang' },
      { lastName: 'Cheng', firstName: 'Sijie' },
      { lastName: 'Wang', firstName: 'Ziming' },
    ]);
    expect({ ...conv, author: undefined }).toEqual({
      eprint: '2405.15738',
      archiveprefix: 'arXiv',
      author: undefined,
      doi: '10.48550/arXiv.2405.15738',
      year: '2024',
      title: 'ConvLLaVA: Hierarchical Backbones as Visual Encoder for Large Multimodal Models',
      url: 'https://arxiv.org/abs/2405.15738',
      howpublished: 'https://arxiv.org/abs/2405.15738',
    });
    expect(byKey.get('huang2025gan')).toMatchObject({
      eprint: '2501.05441',
      year: '2025',
      title: 'The GAN is dead; long live the GAN! A Modern GAN Baseline',
    });
    expect((byKey.get('huang2025gan') as { author: unknown[] }).author.slice(0, 3)).toEqual([
      { lastName: 'Huang', firstName: 'Yiwen' },
      { lastName: 'Gokaslan', firstName: 'Aaron' },
      { lastName: 'Kuleshov', firstName: 'Volodymyr' },
    ]);
    // The fixture written to hold every LaTeX special a scraped title may carry.
    expect(nfc(byKey.get('vanbeethoven2026lora'))).toMatchObject({
      title: 'LoRA & <Friends>: *Fast* [Adapters] at 50% of the_cost',
      author: [
        { lastName: 'Beethoven', firstName: 'Ludwig', prefix: 'van' },
        { lastName: 'Núñez', firstName: 'José' },
        { lastName: 'Lovelace', firstName: 'Ada' },
      ],
    });
    expect(byKey.get('smith2026prefixb')).toMatchObject({
      eprint: '2605.03456',
      title: 'Prefix Tuning at Scale: $10^9$ Parameters & #1 on the Leaderboard',
    });
  });

  it('keys are the same whatever order the query lists the papers in', () => {
    const keysOf = (sort: string) =>
      parse(run('query', 'prefix', '--sort', sort, '--format', 'bibtex').stdout, { sentenceCase: false })
        .entries.map((e) => `${e.key} ${e.fields.eprint}`)
        .sort();
    const byTitle = keysOf('title');
    expect(byTitle).toEqual(['smith2026prefix 2605.02345', 'smith2026prefixb 2605.03456']);
    expect(keysOf('date')).toEqual(byTitle);
    expect(keysOf('relevance')).toEqual(byTitle);
  });
});

describe.skipIf(!HAVE)('RIS and CSL-JSON', () => {
  it('RIS reads back with citation-js, one record per paper, fields whole', () => {
    const r = run('query', '--arxiv', '2405.15738', '--format', 'ris');
    expect(r.code, r.stderr).toBe(0);
    for (const line of r.stdout.replace(/\n$/, '').split('\n')) expect(line).toMatch(/^(?:[A-Z][A-Z0-9] {2}- |$)/);
    const [item, ...rest] = new Cite(r.stdout).data as Record<string, unknown>[];
    expect(rest).toEqual([]);
    expect((item!.author as unknown[]).slice(0, 3)).toEqual([
      { family: 'Ge', given: 'Chunjiang' },
      { family: 'Cheng', given: 'Sijie' },
      { family: 'Wang', given: 'Ziming' },
    ]);
    expect(item).toMatchObject({
      title: 'ConvLLaVA: Hierarchical Backbones as Visual Encoder for Large Multimodal Models',
      DOI: '10.48550/arXiv.2405.15738',
      URL: 'https://arxiv.org/abs/2405.15738',
      publisher: 'arXiv',
      issued: { 'date-parts': [[2024]] },
    });
    const abstract = String(item!.abstract);
    expect(abstract.startsWith('High-resolution Large Multimodal Models (LMMs) encounter the')).toBe(true);
    expect(abstract.endsWith('https://github.com/alibaba/conv-llava.')).toBe(true);
  });

  it('CSL-JSON is one JSON array with the required id and type of each item', () => {
    const r = run('export', '--format', 'csl-json');
    expect(r.code, r.stderr).toBe(0);
    const items = JSON.parse(r.stdout) as { id: string; type: string; title: string }[];
    expect(items.length).toBeGreaterThan(10);
    expect(items.every((i) => i.type === 'article' && /^[a-z0-9]+$/.test(i.id) && i.title.length > 0)).toBe(true);
  });

  it('--format with a listing format is a usage error', () => {
    const r = run('query', '--format', 'bibtex', '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('a query with no match prints an empty list, and says so', () => {
    const r = run('query', 'nothingmatchesthis', '--format', 'csl-json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.stderr).toContain('no papers match');
  });
});
