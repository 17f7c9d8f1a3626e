import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/db/schema.js';
import { TEXT_KINDS } from '../../src/types.js';
import { json, papers, tempDir } from '../helpers.js';

const TITLE = 'LoRA Learns Less and Forgets Less';
const ABSTRACT =
  'Low-Rank Adaptation (LoRA) is a widely-used parameter-efficient finetuning method for large language models. LoRA saves memory by training only low rank perturbations to selected weight matrices. In this work, we compare the performance of LoRA and full finetuning on two target domains, programming and mathematics.';
const KOREAN =
  '저랭크 적응(LoRA)은 대규모 언어 모델을 위한 널리 쓰이는 파라미터 효율적 미세 조정 방법이다. 이 연구에서는 프로그래밍과 수학 두 영역에서 LoRA와 전체 미세 조정의 성능을 비교한다.';
const BOT =
  'This is an automated message from the [Librarian Bot](https://huggingface.co/librarian-bots). I found the following papers similar to this paper. The following papers were recommended by the Semantic Scholar API * [DoRA: Weight-Decomposed Low-Rank Adaptation](https://huggingface.co/papers/2402.09353) (2024) Please give a thumbs up to this comment if you found it helpful!';

interface Sighting {
  file: string;
  summary: string;
  summary_lang: string | null;
  text_kind: string | null;
  arxiv_version: number | null;
}

describe('what each sighting text is, stored and shown', () => {
  // The translation and the bot comment come first: they must not become the canonical abstract.
  const dir = tempDir();
  const db = path.join(dir, 'x.db');
  const write = (name: string, abstract: string) =>
    fs.writeFileSync(path.join(dir, name), JSON.stringify([{ title: TITLE, abstract, id: '2405.09673' }]));
  write('a-korean.json', KOREAN);
  write('b-bot.json', BOT);
  write('c-english.json', ABSTRACT);
  const r = papers(['ingest', dir, '--db', db, '--json']);

  it('keeps the real abstract canonical, and the others as summaries', () => {
    expect(r.code, r.stderr).toBe(0);
    const shown = json<{ abstract: string; sightings: Sighting[] }>(papers(['show', '2405.09673', '--db', db, '--json']));
    expect(shown.abstract).toBe(ABSTRACT);
    expect(shown.sightings.map((s) => [path.basename(s.file), s.text_kind, s.summary_lang, s.summary])).toEqual([
      ['a-korean.json', 'summary', 'ko', KOREAN],
      ['b-bot.json', 'comment', null, BOT],
      ['c-english.json', 'abstract', null, ''],
    ]);
    for (const s of shown.sightings) expect(s).toHaveProperty('arxiv_version');
  });

  it('says what each text is in show and dupes', () => {
    const human = papers(['show', '2405.09673', '--db', db]).stdout;
    expect(human).toMatch(/a-korean\.json:1 .*summary \(ko\)/);
    expect(human).toMatch(/b-bot\.json:1 .*comment/);
    expect(human).toMatch(/c-english\.json:1 .*abstract/);
    const dupes = json<{ sightings: Sighting[] }[]>(papers(['dupes', '--db', db, '--json']));
    expect(dupes[0]!.sightings.map((s) => s.text_kind)).toEqual(['summary', 'comment', 'abstract']);
    expect(papers(['dupes', '--db', db]).stdout).toMatch(/summary \(ko\), comment, abstract/);
  });

  it("the migration's CHECK lists exactly TEXT_KINDS", () => {
    const d = new Database(db, { readonly: true });
    const sql = d.prepare("SELECT sql FROM sqlite_master WHERE name = 'sightings'").pluck().get() as string;
    d.close();
    const kinds = /text_kind TEXT CHECK \(text_kind IN \(([^)]*)\)\)/
      .exec(sql)![1]!
      .match(/'(\w+)'/g)!
      .map((k) => k.slice(1, -1));
    expect(kinds).toEqual([...TEXT_KINDS]);
    expect(MIGRATIONS.some((m) => m.includes('ADD COLUMN text_kind'))).toBe(true);
  });
});
