/** DedupIndex API behaviour: put / replace / remove, arXiv ids, stats, the ingest flow. */
import { describe, expect, it } from 'vitest';
import { clusterRecords } from '../../src/dedup/cluster.js';
import { DEFAULT_THRESHOLD, DedupIndex, preferAbstract, preferTitle } from '../../src/dedup/index.js';

const ABS =
  'Large language models (LLMs) excel in language tasks, especially with supervised fine-tuning after pre-training. However, their substantial memory and computational requirements hinder practical applications. Structural pruning is one solution.';
const OTHER =
  'Soft prompt tuning is a widely studied parameter-efficient fine-tuning method. However, it has a clear drawback: many soft tokens must be inserted into the input sequences to guarantee downstream performance.';

describe('DedupIndex', () => {
  it('put, match, size, stats', () => {
    const ix = new DedupIndex();
    expect(ix.size).toBe(0);
    expect(ix.threshold).toBe(DEFAULT_THRESHOLD);
    ix.put({ id: 'a', arxivId: null, title: 'PAT: Pruning-Aware Tuning for Large Language Models', abstract: ABS });
    ix.put({
      id: 'b',
      arxivId: '2406.00001',
      title: 'IAPT: Instruction-Aware Prompt Tuning for Large Language Models',
      abstract: OTHER,
    });
    expect(ix.size).toBe(2);
    expect(ix.match({ title: 'pat: pruning aware tuning for large language models', abstract: '', arxivId: null })).toEqual({
      paperId: 'a',
      score: 1,
      rule: 'exact-title',
    });
    expect(ix.match({ title: 'x', abstract: '', arxivId: '2406.00001v3' })).toMatchObject({ paperId: 'b', rule: 'arxiv-id' });
    expect(ix.match({ title: 'Something Else Entirely', abstract: '', arxivId: null })).toBeNull();
    expect(ix.stats.lookups).toBe(3);
    expect(ix.stats.candidates).toBeGreaterThanOrEqual(1);
  });

  it('put with an existing id replaces the canonical record (no stale exact key)', () => {
    const ix = new DedupIndex();
    ix.put({ id: 'a', arxivId: null, title: 'Scaling Laws for Neural Langu\u2026', abstract: '' });
    expect(ix.match({ title: 'Scaling Laws for Neural Language Models', abstract: '', arxivId: null })).toMatchObject({
      paperId: 'a',
      rule: 'clipped-title',
    });
    ix.put({ id: 'a', arxivId: '2001.08361', title: 'Scaling Laws for Neural Language Models', abstract: ABS });
    expect(ix.size).toBe(1);
    expect(ix.match({ title: 'Scaling Laws for Neural Language Models', abstract: '', arxivId: null })).toMatchObject({
      paperId: 'a',
      rule: 'exact-title',
    });
    expect(ix.match({ title: 'Other', abstract: '', arxivId: '2001.08361' })).toMatchObject({ paperId: 'a', rule: 'arxiv-id' });
    // Retitled to something else: the old title no longer matches exactly.
    ix.put({ id: 'a', arxivId: '2001.08361', title: 'A Different Title Altogether', abstract: ABS });
    expect(ix.match({ title: 'Scaling Laws for Neural Language Models', abstract: '', arxivId: null })).toBeNull();
    expect(ix.match({ title: 'A different title altogether', abstract: '', arxivId: null })).toMatchObject({ paperId: 'a' });
  });

  it('remove forgets a paper everywhere', () => {
    const ix = new DedupIndex();
    ix.put({ id: 'a', arxivId: '2406.00001', title: 'Trust Region On-Policy Distillation', abstract: ABS });
    ix.put({ id: 'b', arxivId: null, title: 'Trust Region On-Policy Distillation', abstract: OTHER });
    ix.remove('a');
    ix.remove('missing');
    expect(ix.size).toBe(1);
    expect(ix.match({ title: 'x', abstract: '', arxivId: '2406.00001' })).toBeNull();
    expect(ix.match({ title: 'Trust Region On-Policy Distillation', abstract: '', arxivId: null })).toMatchObject({
      paperId: 'b',
    });
    ix.remove('b');
    expect(ix.match({ title: 'Trust Region On-Policy Distillation', abstract: '', arxivId: null })).toBeNull();
    expect(ix.match({ title: 'Trust Region On-Policy Distil\u2026', abstract: '', arxivId: null })).toBeNull();
  });

  it('never matches two different arXiv ids, under any rule', () => {
    const ix = new DedupIndex();
    ix.put({ id: 'a', arxivId: '2406.00001', title: 'Mobile Video Diffusion', abstract: ABS });
    expect(ix.match({ title: 'Mobile Video Diffusion', abstract: ABS, arxivId: '2406.00002' })).toBeNull();
    expect(ix.match({ title: 'Mobile Video Diff\u2026', abstract: ABS, arxivId: '2406.00002' })).toBeNull();
    expect(ix.match({ title: 'Mobile Video Diffusion', abstract: ABS, arxivId: 'hep-th/9901001' })).toBeNull();
    // Without an id, the text decides.
    expect(ix.match({ title: 'Mobile Video Diffusion', abstract: '', arxivId: null })).toMatchObject({ paperId: 'a' });
    // Old-style ids are compared as strings (version dropped).
    ix.put({ id: 'o', arxivId: 'hep-th/9901001v2', title: 'Old Paper', abstract: '' });
    expect(ix.match({ title: 'x', abstract: '', arxivId: 'arXiv:hep-th/9901001' })).toMatchObject({ paperId: 'o' });
  });

  it('picks the exact-title paper whose abstract agrees when several share a title', () => {
    const ix = new DedupIndex();
    ix.put({ id: 'a', arxivId: '2406.00001', title: 'Introduction', abstract: ABS });
    ix.put({ id: 'b', arxivId: '2406.00002', title: 'Introduction', abstract: OTHER });
    expect(ix.match({ title: 'Introduction', abstract: OTHER, arxivId: null })).toMatchObject({ paperId: 'b' });
    expect(ix.match({ title: 'Introduction', abstract: ABS.slice(0, 150) + '\u2026', arxivId: null })).toMatchObject({
      paperId: 'a',
    });
  });

  it('a threshold option changes the fuzzy-title bar', () => {
    const a = { title: 'A Survey of Parameter Efficient Tuning Methods', abstract: '', arxivId: null };
    const b = { title: 'Survey of Parameter Efficient Tuning Method', abstract: '', arxivId: null };
    expect(clusterRecords([a, b]).cluster).toEqual([0, 0]);
    expect(clusterRecords([a, b], { threshold: 0.99 }).cluster).toEqual([0, 1]);
    expect(new DedupIndex({ threshold: 7 }).threshold).toBe(DEFAULT_THRESHOLD);
  });

  it('follows the ingest flow: canonical copies are upgraded', () => {
    const r = clusterRecords([
      { title: 'HFT: Half Fine-Tuning for Large Lang\u2026', abstract: 'Code: https://github.com/x/y', arxivId: null },
      { title: 'HFT: Half Fine-Tuning for Large Language Models', abstract: ABS.slice(0, 120) + '\u2026', arxivId: null },
      { title: 'hft: half fine tuning for large language models', abstract: ABS, arxivId: '2404.18466' },
    ]);
    expect(r.cluster).toEqual([0, 0, 0]);
    expect(r.rule).toEqual(['new', 'clipped-title', 'exact-title']);
    expect(r.canonical[0]).toEqual({
      title: 'HFT: Half Fine-Tuning for Large Language Models',
      abstract: ABS,
      arxivId: '2404.18466',
    });
  });
});

describe('preferTitle / preferAbstract', () => {
  it.each([
    ['full over clipped', 'Scaling Laws for Neural Lang\u2026', 'Scaling Laws for Neural Language Models', 'incoming'],
    [
      'clipped never replaces full',
      'Scaling Laws for Neural Language Models',
      'Scaling Laws for Neural Language Models…',
      'current',
    ],
    ['longer clip', 'Scaling Laws for Neu\u2026', 'Scaling Laws for Neural Lang\u2026', 'incoming'],
    [
      'rendered over LaTeX',
      '\\textit{Trans-LoRA}: Towards Data-free Transferable PEFT',
      'Trans-LoRA: Towards Data-free Transferable PEFT',
      'incoming',
    ],
    [
      'unwrapped over hard-wrapped',
      'ConvLLaVA: Hierarchical Backbones as Visual Encoder for Large Multimodal Models',
      'ConvLLaVA: Hierarchical Backbones as Visual Encoder for Large Multimodal\n  Models',
      'current',
    ],
    ['identical', 'Same', 'Same', 'current'],
    ['anything over empty', '', 'Title', 'incoming'],
  ] as const)('title: %s', (_n, current, incoming, expected) => {
    expect(preferTitle(current, incoming)).toBe(expected);
  });

  it('preferTitle is a total order (antisymmetric on distinct strings)', () => {
    const ts = [
      'Sora: A Review',
      'sora: a review',
      'Sora: a Review',
      'Sora: A Rev\u2026',
      'Sora:\n  A Review',
      '$Sora$: A Review',
    ];
    for (const a of ts) for (const b of ts) if (a !== b) expect(preferTitle(a, b)).not.toBe(preferTitle(b, a));
  });

  it.each([
    ['real over comment', 'Code: https://github.com/x/y', ABS, 'incoming'],
    ['real over empty', '', OTHER, 'incoming'],
    ['comment over empty', '', 'See our project page.', 'incoming'],
    ['full over truncated', ABS, ABS.slice(0, 150) + '\u2026', 'current'],
    ['full over missing last sentence', ABS, ABS.replace(/ Structural pruning is one solution\.$/, ''), 'current'],
    ['truncated real over comment', 'Accepted at ICML 2024.', ABS.slice(0, 150) + '\u2026', 'incoming'],
  ] as const)('abstract: %s', (_n, current, incoming, expected) => {
    expect(preferAbstract(current, incoming)).toBe(expected);
  });

  it('preferAbstract is a total order (antisymmetric on distinct strings)', () => {
    const as = [
      ABS,
      ABS + ' Accepted at ACL 2024.',
      ABS.slice(0, 100) + '\u2026',
      '',
      'Code: x',
      ABS.replace(/\s/g, '\n'),
      OTHER,
    ];
    for (const a of as) for (const b of as) if (a !== b) expect(preferAbstract(a, b)).not.toBe(preferAbstract(b, a));
  });
});
