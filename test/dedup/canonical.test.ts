/**
 * Which copy becomes the canonical one: one line per rule, with variants as scrapers produce
 * them. `_(rule, a, b, ranks?)`: `a` must win over `b`, whichever of the two is already canonical.
 */
import { describe, expect, it } from 'vitest';
import { clusterRecords } from '../../src/dedup/cluster.js';
import { bestText, mergeCanonical, newCanonical } from '../../src/dedup/merge.js';
import { casingFlaws, preferAbstract, preferTitle } from '../../src/dedup/prefer.js';
import { SOURCE_RANK, sourceRank } from '../../src/dedup/sources.js';

const { site, scraper, markdown, pageText } = SOURCE_RANK;
type Ranks = [winner: number, loser: number];
const _ = (rule: string, a: string, b: string, ranks?: Ranks) => [rule, a, b, ranks] as const;

const TITLES = [
  _(
    'complete over clipped (…)',
    'Learning to Think with Images via Self-Calling',
    'Learning to Think with Images via Self\u2026',
  ),
  _(
    'complete over clipped (...), even from page text',
    'Scaling Laws for Neural Language Models',
    'Scaling Laws for Neural Lang...',
    [pageText, site],
  ),
  _(
    'site data over page text',
    'VAU-R1: Advancing Video Anomaly Understanding',
    'VAU-R1: Advancing Video Anomaly understanding',
    [site, pageText],
  ),
  _('scraper JSON over markdown', 'Sora: A Review', 'Sora: a review', [scraper, markdown]),
  _('markdown over page text', 'ConvLLaVA: Hierarchical Backbones', 'ConvLLaVA: Hierarchical  Backbones', [markdown, pageText]),
  _(
    'intact words over a line-break hyphen',
    'VAU-R1: Advancing Video Anomaly Understanding',
    'VAU- R1: Advancing Video Anomaly Understanding',
  ),
  _('intact words over a broken word', 'Multi-Agent Debate for Reasoning', 'Multi- Agent Debate for Reasoning'),
  _(
    'proper casing over Title Case',
    'Learning to Think with Images via Self-Calling',
    'Learning To Think With Images Via Self-Calling',
  ),
  _('proper casing over lower case', 'Sora: A Review on Text-to-Video', 'sora: a review on text-to-video'),
  _(
    'math kept over flattened (\\times)',
    'Speeding up Inference 2$\\times$ with Sparse Heads',
    'Speeding up Inference 2\u00d7 with Sparse Heads',
  ),
  _('math kept over flattened (superscript)', 'L$^2$M: Mutual Information Scaling Law', 'L2M: Mutual Information Scaling Law'),
  _(
    'rendered over \\textit markup',
    'Trans-LoRA: Towards Data-free Transferable PEFT',
    '\\textit{Trans-LoRA}: Towards Data-free Transferable PEFT',
  ),
  _(
    'unwrapped over hard-wrapped',
    'ConvLLaVA: Hierarchical Backbones as Visual Encoder',
    'ConvLLaVA: Hierarchical Backbones as\n  Visual Encoder',
  ),
  _('anything over empty', 'A Title', ''),
];

describe('canonical title', () => {
  it.each(TITLES)('%s', (_rule, a, b, ranks) => {
    const [ra, rb] = ranks ?? [0, 0];
    expect(preferTitle(b, a, undefined, { current: rb, incoming: ra })).toBe('incoming');
    expect(preferTitle(a, b, undefined, { current: ra, incoming: rb })).toBe('current');
  });

  it('a subtitle may open with a capital; a mid-title minor word may not', () => {
    expect(casingFlaws('Sora: A Review of Video Models')).toBe(0);
    expect(casingFlaws('Learning To Think With Images')).toBe(2);
  });
});

const ABS =
  'Large language models (LLMs) excel in language tasks, especially with supervised fine-tuning after pre-training. However, their substantial memory and computational requirements hinder practical applications. Structural pruning is one solution.';

const ABSTRACTS = [
  _('real over a comment', ABS, 'Accepted at ICML 2024. Code: https://github.com/x/y'),
  _('complete over clipped (…)', ABS, `${ABS.slice(0, 180)}\u2026`),
  _('complete over clipped (...), even from page text', ABS, `${ABS.slice(0, 180)}...`, [pageText, site]),
  _('site data over page text', ABS, ABS.replace('LLMs', 'LLMS'), [site, pageText]),
  _('math kept over flattened', `${ABS} We reach a 2$\\times$ speed-up.`, `${ABS} We reach a 2x speed-up.`),
  _('unwrapped over hard-wrapped', ABS, ABS.replace(/(.{60,80}?) /g, '$1\n')),
];

describe('canonical abstract', () => {
  it.each(ABSTRACTS)('%s', (_rule, a, b, ranks) => {
    const [ra, rb] = ranks ?? [0, 0];
    expect(preferAbstract(b, a, { current: rb, incoming: ra })).toBe('incoming');
    expect(preferAbstract(a, b, { current: ra, incoming: rb })).toBe('current');
  });

  it('a comment or a summary never becomes the abstract, whatever its source', () => {
    const paper = newCanonical('p', { title: 'T', abstract: ABS, arxivId: null, rank: pageText });
    for (const textKind of ['comment', 'summary'] as const) {
      const merged = mergeCanonical(paper, {
        title: 'T',
        abstract: `${ABS} And a longer comment.`,
        arxivId: null,
        textKind,
        rank: site,
      });
      expect(merged?.abstract ?? paper.abstract).toBe(ABS);
      expect(newCanonical('q', { title: 'T', abstract: ABS, arxivId: null, textKind }).abstract).toBe('');
    }
  });
});

describe('source ranks', () => {
  it.each([
    ['hf-api-json', site],
    ['html', site],
    ['rss', site],
    ['json-feed', site],
    ['scraper-json', scraper],
    ['csv', scraper],
    ['yaml', scraper],
    ['markdown', markdown],
    ['markdown-newsletter', markdown],
    ['text-spaced', pageText],
    ['text-export', pageText],
    ['some-new-json', scraper],
    ['plain-text-newsletter', pageText],
    ['never-heard-of', markdown],
  ])('%s ranks %i', (form, rank) => expect(sourceRank(form)).toBe(rank));
});

describe('the canonical copy does not depend on arrival order', () => {
  const copies = [
    {
      title: 'VAU- R1: Advancing Video Anomaly Understanding',
      abstract: ABS.slice(0, 150) + '\u2026',
      arxivId: null,
      rank: pageText,
    },
    { title: 'VAU-R1: Advancing Video Anomaly Understanding', abstract: ABS, arxivId: null, rank: site },
    { title: 'VAU-R1: Advancing Video Anomaly Understanding', abstract: ABS, arxivId: null, rank: markdown },
    {
      title: 'Vau-R1: Advancing Video Anomaly Understanding',
      abstract: 'Code: https://github.com/x/y',
      arxivId: null,
      rank: scraper,
    },
  ];
  it('every permutation gives the same title, abstract and ranks', () => {
    const perms = (xs: number[]): number[][] =>
      xs.length <= 1 ? [xs] : xs.flatMap((x, i) => perms([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
    const results = new Set(
      perms([0, 1, 2, 3]).map((order) => {
        const r = clusterRecords(order.map((i) => copies[i]!));
        expect(new Set(r.cluster).size).toBe(1);
        return JSON.stringify([r.canonical[0], bestText(order.map((i) => copies[i]!))]);
      }),
    );
    expect(results.size).toBe(1);
    const best = bestText(copies);
    expect(best).toEqual({ title: copies[1]!.title, abstract: ABS, title_rank: site, abstract_rank: site });
  });
});
