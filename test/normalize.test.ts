import { describe, expect, it } from 'vitest';
import {
  isClippedTitle,
  normalizeText,
  normalizeTitle,
  normalizeWords,
  normalizeWordsUpTo,
  spellingVariant,
  titleKey,
  titleTokens,
} from '../src/normalize.js';

/** [a, b]: titleKey(a) === titleKey(b). One readable line per variant kind. */
const SAME_KEY: [string, string, string][] = [
  ['whitespace', 'Deep   Learning  at Scale ', 'Deep Learning at Scale'],
  ['non-breaking space', 'Deep\u00a0Learning\u202fat Scale', 'Deep Learning at Scale'],
  ['zero-width and soft hyphen', 'Deep\u200b Lear\u00adning', 'Deep Learning'],
  [
    'arXiv hard wrap',
    'ConvLLaVA: Hierarchical Backbones as Visual Encoder for Large Multimodal\n  Models',
    'ConvLLaVA: Hierarchical Backbones as Visual Encoder for Large Multimodal Models',
  ],
  ['title case vs sentence case', 'Scaling Laws For Neural Language Models', 'Scaling laws for neural language models'],
  ['curly quotes', '\u201cWhat\u2019s in a Name?\u201d Probing LLMs', '"What\'s in a Name?" Probing LLMs'],
  ['apostrophe dropped', "LLM's Reasoning", 'LLMs Reasoning'],
  ['en-dash vs hyphen', 'Vision\u2013Language Models', 'Vision-Language Models'],
  ['em-dash separator', 'Sora \u2014 A Review', 'Sora - A Review'],
  ['LaTeX en-dash', 'Vision--Language Models', 'Vision-Language Models'],
  ['hyphen vs space vs joined', 'Fine-Tuning LLMs', 'fine tuning LLMs'],
  ['Finetuning', 'Finetuning LLMs', 'Fine-tuning LLMs'],
  ['Pre-training', 'Pre-training Transformers', 'Pretraining Transformers'],
  ['line-wrap hyphen', 'Sparse Mixture-of- Experts', 'Sparse Mixture-of-Experts'],
  ['line-wrap hyphen with newline', 'Sparse Mixture-of-\n  Experts', 'Sparse Mixture of Experts'],
  ['& vs and', 'Search & Rescue', 'Search and Rescue'],
  ['HTML entity', 'Q&amp;A Models', 'Q & A Models'],
  ['$\\times$ vs ×', '3$\\times$ Faster Decoding', '3\u00d7 Faster Decoding'],
  ['\\times vs times', '3\\times Faster Decoding', '3times Faster Decoding'],
  ['× vs spaced times', '3\u00d7 Faster Decoding', '3 times faster decoding'],
  ['4x vs 4×', '4x Faster Decoding', '4\u00d7 Faster Decoding'],
  [
    '\\textit{}',
    '\\textit{Trans-LoRA}: towards data-free Transferable Parameter Efficient Finetuning',
    'Trans-LoRA: Towards Data-free Transferable Parameter Efficient Fine-Tuning',
  ],
  ['{\\it }', '{\\it Shallow UNet} Scaling', 'Shallow UNet Scaling'],
  ['\\textbf + \\emph', '\\textbf{X}: \\emph{Fast} Search', 'X: Fast Search'],
  [
    '$μ$ vs μ',
    '$\u03bc$LO: Compute-Efficient Meta-Generalization of Learned Optimizers',
    '\u03bcLO: Compute-Efficient Meta-Generalization of Learned Optimizers',
  ],
  ['$\\mu$ vs μ', '$\\mu$LO: Learned Optimizers', '\u03bcLO: Learned Optimizers'],
  ['micro sign vs mu', '\u00b5P Transfer', '\u03bcP Transfer'],
  ['Greek spelled out', '\u03b4-mem: Efficient Online Memory', '$\\delta$-mem: Efficient Online Memory'],
  ['\\varepsilon vs ε', '$\\varepsilon$-Greedy', '\u03b5-Greedy'],
  ['superscript braces', 'S^{2}FT: Efficient Fine-tuning', 'S\u00b2FT: Efficient Fine-tuning'],
  ['superscript plain', 'A^2RD: Agentic Diffusion', 'A\u00b2RD: Agentic Diffusion'],
  ['^\\circ vs ^circ vs °', '360^\\circ Panorama', '360^circ Panorama'],
  ['° vs ^circ', '360\u00b0 Panorama', '360^circ Panorama'],
  ['accents LaTeX vs Unicode', 'Ust\\"un et al.', '\u00dcst\u00fcn et al.'],
  ['accents dropped', 'Caf\u00e9 Na\u00efve', 'Cafe Naive'],
  ['ligature', '\ufb01ne-grained', 'fine-grained'],
  ['full-width', '\uff27\uff30\uff34-4', 'GPT-4'],
  ['escaped percent', '50\\% Sparsity', '50% Sparsity'],
  ['British spelling', 'Optimising Behaviour Modelling', 'Optimizing Behavior Modeling'],
  ['toward vs towards', 'Toward Robust Agents', 'Towards Robust Agents'],
  ['clip mark removed from key', 'Scaling Laws for Neural Language Models\u2026', 'Scaling Laws for Neural Language Models'],
];

/** [a, b]: keys differ (identity carried by digits, names, words). */
const DIFFERENT_KEY: [string, string, string][] = [
  ['version digits', 'Qwen2.5-Omni Technical Report', 'Qwen3.5-Omni Technical Report'],
  ['added version', 'Kwai Keye-VL Technical Report', 'Kwai Keye-VL 1.5 Technical Report'],
  ['model size', 'Mistral 7B', 'Mistral 70B'],
  ['tier word', 'Nemotron 3 Nano: Hybrid MoE', 'Nemotron 3 Super: Hybrid MoE'],
  ['roman numeral', 'Deep Learning Part I', 'Deep Learning Part II'],
  ['compound word', 'Trust Region On-Policy Distillation', 'Trust Region Policy Distillation'],
  ['one letter', 'PAT: Pruning-Aware Tuning', 'IAPT: Pruning-Aware Tuning'],
];

describe('titleKey', () => {
  it.each(SAME_KEY)('same key: %s', (_kind, a, b) => {
    expect(titleKey(a)).toBe(titleKey(b));
    expect(titleKey(a).length).toBeGreaterThan(0);
  });
  it.each(DIFFERENT_KEY)('different key: %s', (_kind, a, b) => {
    expect(titleKey(a)).not.toBe(titleKey(b));
  });
  it('is the words concatenated, digits kept', () => {
    expect(titleKey('Qwen2.5-Omni: Fine-Tuning 7B Models')).toBe('qwen25omnifinetuning7bmodels');
    expect(titleKey('')).toBe('');
    expect(titleKey('  ...  ')).toBe('');
  });
});

describe('normalizeWords / normalizeText', () => {
  it.each([
    ['3$\\times$ Faster Fine-Tuning', ['3times', 'faster', 'finetuning']],
    ['Mixture-of- Experts & Pre-training', ['mixtureofexperts', 'and', 'pretraining']],
    ['Qwen2.5 vs. GPT-4o', ['qwen25', 'vs', 'gpt4o']],
    ['{\\em entropy collapse} in \\textsc{AIEV-Instruct}', ['entropy', 'collapse', 'in', 'aievinstruct']],
    ['J_{G}^* \\cdot x \\leq 1', ['jg', 'x', 'leq', '1']],
    ['1.45$\\times$ speedup (\\ie, MOFA)', ['145times', 'speedup', 'ie', 'mofa']],
    ['\u03c4^2-Bench', ['tau2bench']],
    ['', []],
  ] as [string, string[]][])('%j', (s, words) => {
    expect(normalizeWords(s)).toEqual(words);
    expect(normalizeText(s)).toBe(words.join(' '));
  });

  it('the fast scanner agrees with the regex pipeline', () => {
    const texts = [
      "It's a state-of-the-art model: 2.5x faster, pre-\n  trained on 1,000 GPUs (e.g. A100s).",
      "a--b a - b x-\n  y 3.5 `quoted` it's",
      'Large Language Models (LLMs) have demonstrated remarkable capabilities across tasks.',
      'ab---cd ---- e.g. U.S.A. v2.0.1',
    ];
    for (const t of texts) {
      expect(normalizeWordsUpTo(t, 1000)).toEqual(normalizeWords(t));
      expect(normalizeWordsUpTo(t, 3)).toEqual(normalizeWords(t).slice(0, 3));
    }
  });
});

describe('titles', () => {
  it.each([
    ['Scaling Laws for Neural Language Mo\u2026', true],
    ['Scaling Laws for Neural Language Models...', true],
    ['Scaling Laws for Neural Language Models [...]', true],
    ['Scaling Laws for Neural Language Models \u2026 ', true],
    ['Wait... What? Reasoning Models', false],
    ['Scaling Laws', false],
  ] as [string, boolean][])('clip mark %j -> %s', (t, clipped) => {
    expect(isClippedTitle(t)).toBe(clipped);
    expect(normalizeTitle(t).clipped).toBe(clipped);
  });

  it('keeps a clipped fragment unshortened but applies same-length respellings', () => {
    expect(normalizeTitle('Towards Better Encour\u2026').tokens).toEqual(['towards', 'better', 'encour']);
    expect(normalizeTitle('Compromising Visual Optimising\u2026').tokens).toEqual(['compromizing', 'visual', 'optimizing']);
    // A fragment the rules do not recognise stays as it is (clipRatio tolerates the tail).
    expect(normalizeTitle('Compromising Visual Optimis\u2026').tokens).toEqual(['compromizing', 'visual', 'optimis']);
  });

  it('tokens and spelling variants', () => {
    expect(titleTokens('Optimisation of Colour Centres')).toEqual(['optimization', 'of', 'color', 'centers']);
    expect(spellingVariant('analysed')).toBe('analyzed');
    expect(spellingVariant('labelled')).toBe('labeled');
    expect(spellingVariant('controlling')).toBe('controlling');
    expect(spellingVariant('four')).toBe('four');
    expect(spellingVariant('10x')).toBe('10times');
  });

  it('caps pathological lengths', () => {
    const huge = 'word '.repeat(100_000);
    expect(normalizeTitle(huge).tokens.length).toBeLessThanOrEqual(200);
  });
});
