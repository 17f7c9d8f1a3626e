/**
 * The prose readers (newsletters, HTML cards, labelled text blocks, page dumps) on fixtures of
 * our own, one line per expectation, and on the real third-party samples in ../shared/samples
 * (skipped, with the reason in the test name, when that folder is absent).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAnchors } from '../../src/formats/anchors.js';
import { splitDigest } from '../../src/formats/index.js';
import { guessLang, isLaySummary } from '../../src/formats/textLang.js';
import type { DigestRecord } from '../../src/types.js';

const ROOT = path.join(__dirname, '../..');
const FORMS = path.join(ROOT, 'fixtures/forms');
const read = (rel: string) => splitDigest(fs.readFileSync(path.join(FORMS, rel), 'utf8'), rel);
const pick = (r: DigestRecord) => ({
  title: r.title,
  arxivId: r.arxivId,
  textKind: r.textKind,
  summaryLang: r.summaryLang ?? null,
  hasAbstract: r.abstract.length > 0,
});

describe('fixtures of our own', () => {
  it.each([
    // [file, format, [title, id, textKind, summaryLang, hasAbstract][]]
    [
      'markdown-newsletter/daily-table.md',
      'markdown-newsletter',
      [
        ['Sparse Mixtures of Adapters for Multilingual Speech Recognition', '2503.01234', 'summary', 'en', false],
        ['Why Do Reward Models Prefer Longer Answers?', '2503.02345', 'summary', 'en', false],
      ],
    ],
    [
      'markdown-newsletter/themed-links.md',
      'markdown-newsletter',
      [
        [
          'RouteWise: Cost-Aware Routing Between Small and Large Language Models for Tool-Using Agents',
          '2506.11111',
          'none',
          null,
          false,
        ],
        ['Judging the Judges: An Audit of Agent-as-a-Judge Benchmarks', '2506.22222', 'none', null, false],
        ['FaSTA^*: A Fast-Slow Toolpath Agent for Multi-turn Image Editing', '2506.33333', 'none', null, false],
      ],
    ],
    [
      'markdown-newsletter/abstract-labelled.md',
      'markdown-newsletter',
      [
        ['Contrastive Decoding Revisited: When Does the Amateur Help?', '2501.09876', 'abstract', null, true],
        ['Tiny Recursive Planners', '2501.08765', 'abstract', null, true],
      ],
    ],
    [
      'markdown-newsletter/ranking-details.md',
      'markdown-newsletter',
      [
        ['Long-Horizon Memory for Embodied Agents in Open Worlds', '2606.01234', 'summary', 'zh', false],
        ['Quiet Tokens', '2606.02345', 'summary', 'zh', false],
        ['Graph Transformers Without Positional Encodings', '2606.03456', 'summary', 'vi', false],
        ['Persistent Worlds for Coding Agents', '2606.04567', 'summary', 'en', false],
      ],
    ],
    [
      'html-cards/mirror.html',
      'html-cards',
      [
        ['Streaming Spatial Memory with Test-Time Training', '2603.11111', 'abstract', 'en', true],
        ['Strategic Search or Stochastic Search? How Agents Read Document Collections', '2603.22222', 'summary', 'en', false],
      ],
    ],
    [
      'html-cards/translated.html',
      'html-cards',
      [['OmniAgent: Towards Native Omni-Modal AI Agents', '2602.33333', 'summary', 'zh', false]],
    ],
    [
      'text-labelled/labelled-blocks.txt',
      'text-labelled',
      [
        ['Retriever Fine-Tuning for Domain-Specific RAG', '2501.04652', 'abstract', null, true],
        ['A Survey of Code Agents', '2501.04694', 'summary', 'en', false],
      ],
    ],
    [
      'text-page-dump/page-dump.txt',
      'text-page-dump',
      [['Tiny Attention: FP4 Kernels for Inference and An Exploration of 8-Bit Training', '2505.22222', 'abstract', null, true]],
    ],
  ] as const)('%s reads as %s', (file, format, want) => {
    const out = read(file);
    expect(out.format).toBe(format);
    expect(out.records.map(pick)).toEqual(
      want.map(([title, arxivId, textKind, summaryLang, hasAbstract]) => ({
        title,
        arxivId,
        textKind,
        summaryLang,
        hasAbstract,
      })),
    );
  });

  it.each([
    ['markdown-newsletter/abstract-labelled.md', 0, { arxivVersion: 2, authors: ['Ana Ruiz', 'Wei Chen', 'Tomas Berg'] }],
    ['markdown-newsletter/ranking-details.md', 0, { upvotes: 338 }],
    ['markdown-newsletter/ranking-details.md', 2, { upvotes: 12 }],
    ['html-cards/mirror.html', 0, { authors: ['Ana Ruiz', 'Wei Chen'] }],
    ['html-cards/translated.html', 0, { upvotes: 7 }],
    ['text-labelled/labelled-blocks.txt', 0, { arxivVersion: 3 }],
    ['text-page-dump/page-dump.txt', 0, { upvotes: 48, authors: ['Ana Ruiz', 'Wei Chen', 'Tomas Berg'] }],
  ] as const)('%s record %i carries %j', (file, i, fields) => {
    expect(read(file).records[i]).toMatchObject(fields);
  });

  it.each([
    [
      'the mirror card abstract keeps no label or toggle text',
      'html-cards/mirror.html',
      'abstract',
      /^Humans understand spaces.*constant memory\.$/,
    ],
    [
      'the mirror summary keeps no "Abstract" or "AI-generated summary" label',
      'html-cards/mirror.html',
      'summary',
      /^A streaming model.*test-time training\.$/,
    ],
    ['a translation loses its own heading', 'html-cards/translated.html', 'summary', /^人類智能/],
  ] as const)('%s', (_name, file, field, re) => {
    expect(read(file).records[0]![field]).toMatch(re);
  });

  it('a block without a paper link is skipped with a warning', () => {
    expect(read('text-labelled/labelled-blocks.txt').warnings).toEqual([
      '1 block(s) without a title and a paper link or id were skipped',
    ]);
  });
});

describe('anchors and languages', () => {
  it.each([
    ['[Title](https://huggingface.co/papers/2506.15196)', '2506.15196', null, 'Title'],
    ['see https://arxiv.org/pdf/2501.04652v3.pdf', '2501.04652', 3, null],
    ['**arXiv ID**: 2605.15565', '2605.15565', null, null],
    ['**Paper ID:** 2506.22832', '2506.22832', null, null],
    ['arXiv:2401.00001v2', '2401.00001', 2, null],
    ['[`2606.05405`](https://arxiv.org/abs/2606.05405)', '2606.05405', null, '`2606.05405`'],
    ['a version number 2401.99999 and month 13: 2413.00001', null, null, null],
  ])('findAnchors(%j)', (text, id, version, linkText) => {
    const a = findAnchors(text)[0];
    if (id === null) expect(a).toBeUndefined();
    else expect(a).toMatchObject({ id, version, linkText });
  });

  it.each([
    ['人類智能自然地將全模態感知與複雜推理和工具使用相互交織，以與世界互動。', 'zh'],
    ['이 논문은 새로운 방법을 제안하고 여러 벤치마크에서 성능을 크게 향상시킵니다.', 'ko'],
    ['Bài báo này đề xuất một kiến trúc mới, đạt kết quả tốt trên các tập dữ liệu.', 'vi'],
    ['We propose a method that improves accuracy on several benchmarks.', 'en'],
    ['12 34', null],
  ])('guessLang(%j) = %j', (text, lang) => expect(guessLang(text)).toBe(lang));

  it.each([
    ['The authors propose X. The paper shows it helps AI practitioners.', true],
    ['We propose X. Experiments show gains of 3 points.', false],
    ['This paper introduces X, an in-context method. We show that it generalises.', false],
  ])('isLaySummary(%j) = %j', (text, lay) => expect(isLaySummary(text)).toBe(lay));
});

// Real third-party samples: never copied into the repository.
const WILD = path.join(ROOT, '../shared/samples/wild-dev');
const HAVE = fs.existsSync(WILD);
const SAMPLES: [string, string, number, string[]][] = [
  // [file, format, papers per SOURCES.md, some exact titles]
  [
    'markdown-digest/10.md',
    'markdown-newsletter',
    11,
    ['MMEvol: Empowering Multimodal Large Language Models with Evol-Instruct'],
  ],
  [
    'markdown-digest/newsletter_2025-06-29.md',
    'markdown-newsletter',
    18,
    ['HeurAgenix: Leveraging LLMs for Solving Complex Combinatorial Optimization Challenges'],
  ],
  ['markdown-digest/summary.md', 'markdown-newsletter', 1, ['Listener-Rewarded Thinking in VLMs for Image Preferences']],
  ['markdown-digest/index.md', 'markdown-newsletter', 14, ['Persistent Recursive Worlds Enable Autonomous Software Evolution']],
  [
    'markdown-digest/daily_digest_2026-01-02.md',
    'markdown-newsletter',
    7,
    ['Dynamic Large Concept Models: Latent Reasoning in an Adaptive Semantic Space'],
  ],
  [
    'markdown-digest/2026-05-20.md',
    'markdown-newsletter',
    1,
    ['AstraFlow: Dataflow-Oriented Reinforcement Learning for Agentic LLMs'],
  ],
  ['markdown-digest/2026-06-15.md', 'markdown-newsletter', 5, ['HRM-Text: Efficient Pretraining Beyond Scaling']],
  ['markdown-digest/2024-08-05.md', 'markdown-newsletter', 8, ['POA: Pre-training Once for Models of All Sizes']],
  [
    'html/2026-03-15.html',
    'html-cards',
    48,
    ['Spatial-TTT: Streaming Visual-based Spatial Intelligence with Test-Time Training'],
  ],
  ['html/index.html', 'html-cards', 9, ['OmniGAIA: Towards Native Omni-Modal AI Agents']],
  ['html/huggingface_papers.html', 'html', 13, []],
  [
    'plain-text/paper_metadata_2025-01-10.txt',
    'text-labelled',
    50,
    ['EpiCoder: Encompassing Diversity and Complexity in Code Generation'],
  ],
  [
    'plain-text/02_sageattention3_microscaling_fp4_attention_for_inference_and_an_exploration_of_8_bit_training.txt',
    'text-page-dump',
    1,
    ['SageAttention3: Microscaling FP4 Attention for Inference and An Exploration of 8-Bit Training'],
  ],
];

describe.skipIf(!HAVE)(`real samples in ../shared/samples/wild-dev${HAVE ? '' : ' (skipped: folder absent)'}`, () => {
  it.each(SAMPLES)('%s: %s, %i papers', (file, format, count, titles) => {
    const out = splitDigest(fs.readFileSync(path.join(WILD, file), 'utf8'), file);
    expect(out.format).toBe(format);
    expect(out.records).toHaveLength(count);
    expect(new Set(out.records.map((r) => r.arxivId)).size).toBe(count);
    for (const t of titles) expect(out.records.map((r) => r.title)).toContain(t);
    for (const r of out.records) {
      // Never markup, a clipped title, or a non-English text in the abstract.
      expect(r.title).not.toMatch(/\*\*|[[\]<>]|\.\.\.$|…$/);
      if (r.abstract) expect(guessLang(r.abstract)).toBe('en');
      expect(r.abstract).not.toMatch(/<[a-z]|\]\(|AI-generated summary|click to expand/i);
    }
  });

  it('the failed entry "# faild to  read !!!!" is not a paper', () => {
    const out = splitDigest(fs.readFileSync(path.join(WILD, 'markdown-digest/2024-08-05.md'), 'utf8'), 'x.md');
    expect(out.records.map((r) => r.title).join('\n')).not.toMatch(/faild/);
  });

  it("the ranking table's clipped titles give way to the full ones", () => {
    const out = splitDigest(fs.readFileSync(path.join(WILD, 'markdown-digest/2026-06-15.md'), 'utf8'), 'x.md');
    expect(out.records.map((r) => r.title)).toContain(
      'SenseNova-U1: Unifying Multimodal Understanding and Generation with NEO-unify Architecture',
    );
  });
});
