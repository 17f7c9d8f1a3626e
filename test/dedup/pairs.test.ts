/**
 * Must-merge / must-not-merge pairs, one readable line each. Each pair is clustered in both
 * orders; a merge must happen (or not) in both. Titles and abstract openings are real (from the
 * site, the seeds and the site's API samples) unless marked "constructed".
 */
import { describe, expect, it } from 'vitest';
import { clusterRecords } from '../../src/dedup/cluster.js';
import type { SightingLike } from '../../src/dedup/index.js';

const rec = (title: string, abstract = '', arxivId: string | null = null): SightingLike => ({ title, abstract, arxivId });

// Real abstract openings (seeds / API samples).
const A = {
  pat: 'Large language models (LLMs) excel in language tasks, especially with supervised fine-tuning after pre-training. However, their substantial memory and computational requirements hinder practical applications. Structural pruning, which reduces less significant weight dimensions, is one solution. Yet, traditional post-hoc pruning often leads to significant performance loss, with limited recovery from further fine-tuning.',
  iapt: 'Soft prompt tuning is a widely studied parameter-efficient fine-tuning method. However, it has a clear drawback: many soft tokens must be inserted into the input sequences to guarantee downstream performance. As a result, soft prompt tuning is less considered than Low-rank adaptation (LoRA) in the large language modeling (LLM) era.',
  hft: 'Large language models (LLMs) with one or more fine-tuning phases have become a necessary step to unlock various capabilities, enabling LLMs to follow natural language instructions or align with human preferences. However, it carries the risk of catastrophic forgetting during sequential training.',
  ssft: 'Large Language Models (LLMs) are difficult to fully fine-tune (e.g., with instructions or human feedback) due to their sheer number of parameters. A family of parameter-efficient sparse fine-tuning (SFT) methods have proven promising in terms of performance but their memory requirements increase proportionally to the size of the LLMs.',
  smft: 'LoRA and its variants have become popular parameter-efficient fine-tuning (PEFT) methods due to their ability to avoid excessive computational costs. However, an accuracy gap often exists between PEFT methods and full fine-tuning (FT), and this gap has yet to be systematically studied.',
  peftFm:
    'This survey delves into the realm of Parameter-Efficient Fine-Tuning (PEFT) within the context of Foundation Models (FMs). PEFT, a cost-effective fine-tuning technique, minimizes parameters and computational complexity while striving for optimal downstream task performance. FMs, like ChatGPT, DALL-E, and LLaVA specialize in language understanding.',
  peftSurvey:
    'Large models represent a groundbreaking advancement in multiple application fields, enabling remarkable achievements across various tasks. However, their unprecedented scale comes with significant computational costs. These models, often consisting of billions of parameters, require vast amounts of computational resources for execution.',
  transLora:
    'Low-rank adapters (LoRA) and their variants are popular parameter-efficient\nfine-tuning (PEFT) techniques that closely match full model fine-tune\nperformance while requiring only a small number of additional parameters. These\nadditional LoRA parameters are specific to the base model being adapted. When\nthe base model needs to be deprecated and replaced with a new one, all the\nassociated LoRA modules need to be re-trained.',
  musicgenApi:
    'Recent advances in text-to-music editing, which employ text queries to modify\nmusic (e.g.\\ by changing its style or adjusting instrumental components),\npresent unique challenges and opportunities for AI-assisted music creation.\nPrevious approaches in this domain have been constrained by the necessity to\ntrain specific editing models from scratch, which is both resource-intensive\nand inefficient.',
  musicgenSeed:
    'Recent advances in text-to-music editing, which employ text queries to modify music (e.g.\\ by changing its style or adjusting instrumental components), present unique challenges and opportunities for AI-assisted music creation. Previous approaches in this domain have been constrained by the necessity to train specific editing models from scratch, which is both resource-intensive and inefficient; other research uses large language models.',
  mobileVd:
    'Video diffusion models have achieved impressive realism and controllability\nbut are limited by high computational demands, restricting their use on mobile\ndevices. This paper introduces the first mobile-optimized video diffusion\nmodel. Starting from a spatio-temporal UNet from Stable Video Diffusion (SVD),\nwe reduce memory and computational cost by reducing the frame resolution.',
  movie:
    'Recent progress in diffusion-based video editing has shown remarkable\npotential for practical applications. However, these methods remain\nprohibitively expensive and challenging to deploy on mobile devices. In this\nstudy, we introduce a series of optimizations that render mobile video editing\nfeasible. Building upon the existing image editing model, we first optimize its\narchitecture.',
  qwenImage:
    'We present Qwen-Image-2.0, an omni-capable image generation foundation model that unifies high-fidelity generation and precise image editing within a single framework. Despite recent progress, existing models still struggle with ultra-long text rendering, multilingual typography, high-resolution photorealism, robust instruction following, and efficient deployment.',
  qwenVae:
    'We present Qwen-Image-VAE-2.0, a suite of high-compression Variational Autoencoders (VAEs) that achieve significant advances in both reconstruction fidelity and diffusability. To address the reconstruction bottlenecks of high compression, we adopt an improved architecture featuring Global Skip Connections (GSC) and expanded latent channels.',
};
const comment = 'Code: https://github.com/foo/bar. Accepted at NeurIPS 2024.';
const NEMO = 'Open, Efficient Mixture-of-Experts Hybrid Mamba-Transformer Model for Agentic Reasoning';

type Case = [string, SightingLike, SightingLike];

const MUST_MERGE: Case[] = [
  // --- real pairs (the same paper in two sources) ---
  [
    'API hard-wrapped title + abstract vs seed copy (Instruct-MusicGen)',
    rec(
      'Instruct-MusicGen: Unlocking Text-to-Music Editing for Music Language\n  Models via Instruction Tuning',
      A.musicgenApi,
      '2405.18386',
    ),
    rec('Instruct-MusicGen: Unlocking Text-to-Music Editing for Music Language Models via Instruction Tuning', A.musicgenSeed),
  ],
  [
    'API vs seed (DITTO-2, hard wrap)',
    rec('DITTO-2: Distilled Diffusion Inference-Time T-Optimization for Music\n  Generation', '', '2405.20289'),
    rec('DITTO-2: Distilled Diffusion Inference-Time T-Optimization for Music Generation'),
  ],
  [
    'API vs seed (Step-aware PO, hard wrap)',
    rec('Step-aware Preference Optimization: Aligning Preference with Denoising\n  Performance at Each Step'),
    rec('Step-aware Preference Optimization: Aligning Preference with Denoising Performance at Each Step'),
  ],
  [
    '\\textit{} + Fine-Tuning vs API Finetuning (Trans-LoRA)',
    rec('\\textit{Trans-LoRA}: Towards Data-free Transferable Parameter Efficient Fine-Tuning'),
    rec('Trans-LoRA: towards data-free Transferable Parameter\n  Efficient Finetuning', A.transLora, '2405.17258'),
  ],
  [
    '$μ$LO vs μLO',
    rec('$\u03bc$LO: Compute-Efficient Meta-Generalization of Learned Optimizers'),
    rec('\u03bcLO: Compute-Efficient Meta-Generalization of Learned Optimizers', '', '2406.00153'),
  ],
  [
    '$\\mu$LO vs μLO',
    rec('$\\mu$LO: Compute-Efficient Meta-Generalization of Learned Optimizers'),
    rec('\u03bcLO: Compute-Efficient Meta-Generalization of Learned Optimizers'),
  ],
  [
    '^circ (site) vs ° (rendered)',
    rec('PanoWorld: Towards Spatial Supersensing in 360^circ Panorama World'),
    rec('PanoWorld: Towards Spatial Supersensing in 360\u00b0 Panorama World'),
  ],
  [
    '^circ (site) vs $^{\\circ}$ (LaTeX)',
    rec('PanoWorld: Towards Spatial Supersensing in 360^circ Panorama World'),
    rec('PanoWorld: Towards Spatial Supersensing in $360^{\\circ}$ Panorama World'),
  ],
  [
    'A^2RD vs A²RD',
    rec('A^2RD: Agentic Autoregressive Diffusion for Long Video Consistency'),
    rec('A\u00b2RD: Agentic Autoregressive Diffusion for Long Video Consistency'),
  ],
  [
    'R^3-SQL vs $R^3$-SQL',
    rec('R^3-SQL: Ranking Reward and Resampling for Text-to-SQL'),
    rec('$R^3$-SQL: Ranking Reward and Resampling for Text-to-SQL'),
  ],
  [
    'S^{2}FT (seed) vs S²FT',
    rec('S^{2}FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity'),
    rec('S\u00b2FT: Efficient, Scalable and Generalizable LLM Fine-Tuning by Structured Sparsity'),
  ],
  [
    'δ-mem vs $\\delta$-mem',
    rec('\u03b4-mem: Efficient Online Memory for Large Language Models'),
    rec('$\\delta$-mem: Efficient Online Memory for Large Language Models'),
  ],
  [
    'hard wrap vs clipped (ConvLLaVA)',
    rec('ConvLLaVA: Hierarchical Backbones as Visual Encoder for Large Multimodal\n  Models', '', '2405.15738'),
    rec('ConvLLaVA: Hierarchical Backbones as Visual Encoder for Large Multim\u2026'),
  ],
  [
    'clipped with "..." (Grokked Transformers)',
    rec('Grokked Transformers are Implicit Reasoners: A Mechanistic Journey to\n  the Edge of Generalization'),
    rec('Grokked Transformers are Implicit Reasoners: A Mechanistic Journey...'),
  ],
  [
    'clip of a respelled word (Compromises -> compromizes)',
    rec('Fine-tuning Aligned Language Models Compromises Safety, Even When Users Do Not Intend To!'),
    rec('Fine-tuning Aligned Language Models Compromis...'),
  ],
  [
    'clip ending on a respelled word (Controlling)',
    rec('Geometry Conflict: Explaining and Controlling Forgetting in LLM Continual Post-Training'),
    rec('Geometry Conflict: Explaining and Controlling \u2026'),
  ],
  [
    'two clips of one title',
    rec('Does Fine-Tuning LLMs on New Knowledge Encourage Hallu\u2026'),
    rec('Does Fine-Tuning LLMs on New Knowledge Enc...'),
  ],
  [
    '3$\\times$ vs 3times (site rendering) in title',
    rec('Achieving 3$\\times$ Speedup in Sparse Mixture-of-Experts Inference'),
    rec('Achieving 3times Speedup in Sparse Mixture-of-Experts Inference'),
  ],
  [
    '× vs \\times',
    rec('Achieving 3\u00d7 Speedup in Sparse Mixture-of-Experts Inference'),
    rec('Achieving 3\\times Speedup in Sparse Mixture-of-Experts Inference'),
  ],
  [
    'title case vs sentence case + curly quotes',
    rec('Does Continual Learning Equally Forget All Parameters?'),
    rec('Does continual learning equally forget all parameters?'),
  ],
  [
    'Fine-Tuning / fine tuning / & / Pre-training',
    rec('Fine-Tuning & Pre-training Large Language Models for Code'),
    rec('fine tuning and Pretraining large language models for code'),
  ],
  [
    'line-wrap hyphen (Mixture-of- Experts)',
    rec('Optimal Sparsity of Mixture-of- Experts Language Models for Reasoning Tasks'),
    rec('Optimal Sparsity of Mixture-of-Experts Language Models for Reasoning Tasks'),
  ],
  [
    'en-dash vs hyphen',
    rec('Vision\u2013Language Models Are Zero\u2013Shot Reward Models'),
    rec('Vision-Language Models are Zero-Shot Reward Models'),
  ],
  [
    'non-breaking spaces',
    rec('Scaling\u00a0Diffusion Transformers Efficiently\u00a0via \u03bcP'),
    rec('Scaling Diffusion Transformers Efficiently via \u03bcP'),
  ],
  [
    'comment stored instead of abstract (same title)',
    rec('PAT: Pruning-Aware Tuning for Large Language Models', A.pat),
    rec('PAT: Pruning-Aware Tuning for Large Language Models', comment),
  ],
  [
    'abstract truncated with …',
    rec('HFT: Half Fine-Tuning for Large Language Models', A.hft),
    rec('HFT: Half Fine-Tuning for Large Language Models', A.hft.slice(0, 150) + '\u2026'),
  ],
  [
    'abstract with a venue note',
    rec('IAPT: Instruction-Aware Prompt Tuning for Large Language Models', A.iapt),
    rec('IAPT: Instruction-Aware Prompt Tuning for Large Language Models', 'Accepted to ACL 2024. ' + A.iapt),
  ],
  [
    'same arXiv id, unrelated text',
    rec('Qwen-Image-2.0 Technical Report', A.qwenImage, '2605.10730'),
    rec('A totally different heading', A.qwenVae, '2605.10730v2'),
  ],
  // --- constructed: retitled versions whose abstracts agree ---
  [
    'constructed: longer title, same abstract (v2 retitled)',
    rec('Scaling Sparse Fine-Tuning to Large Language Models', A.ssft),
    rec('Scaling Sparse Fine-Tuning to Large Language Models of Code', A.ssft + ' Accepted at ICML 2024.'),
  ],
  [
    'constructed: plural, stopword and British spelling',
    rec('Toward a Pruning Aware Tuning Method for Large Language Model', A.pat),
    rec('Towards Pruning Aware Tuning Methods for Large Language Models', A.pat),
  ],
  [
    'constructed: clip mid-word, abstract a comment',
    rec('Sensitivity-Aware Visual Parameter-Efficient Fine-Tuning', A.peftFm),
    rec('Sensitivity-Aware Visual Parameter-Effic\u2026', comment),
  ],
];

const MUST_NOT_MERGE: Case[] = [
  // --- real, from the site ---
  ['Nemotron 3 Nano vs Super', rec(`Nemotron 3 Nano: ${NEMO}`), rec(`Nemotron 3 Super: ${NEMO}`)],
  ['Nemotron 3 Nano vs Ultra', rec(`Nemotron 3 Nano: ${NEMO}`), rec(`Nemotron 3 Ultra: ${NEMO}`)],
  [
    'Nemotron 3 Super vs Ultra, same (constructed) abstract',
    rec(`Nemotron 3 Super: ${NEMO}`, A.hft),
    rec(`Nemotron 3 Ultra: ${NEMO}`, A.hft),
  ],
  ['Qwen2.5-Omni vs Qwen3.5-Omni', rec('Qwen2.5-Omni Technical Report'), rec('Qwen3.5-Omni Technical Report')],
  ['Kwai Keye-VL vs Keye-VL 1.5', rec('Kwai Keye-VL Technical Report'), rec('Kwai Keye-VL 1.5 Technical Report')],
  ['On-Policy vs Policy', rec('Trust Region On-Policy Distillation'), rec('Trust Region Policy Distillation')],
  [
    'PAT vs IAPT',
    rec('PAT: Pruning-Aware Tuning for Large Language Models', A.pat),
    rec('IAPT: Instruction-Aware Prompt Tuning for Large Language Models', A.iapt),
  ],
  [
    'PAT vs IAPT, no abstracts',
    rec('PAT: Pruning-Aware Tuning for Large Language Models'),
    rec('IAPT: Instruction-Aware Prompt Tuning for Large Language Models'),
  ],
  // --- real near pairs mined from the seeds and API samples ---
  [
    'Qwen-Image-2.0 vs Qwen-Image-VAE-2.0 (Dice 0.94)',
    rec('Qwen-Image-2.0 Technical Report', A.qwenImage),
    rec('Qwen-Image-VAE-2.0 Technical Report', A.qwenVae),
  ],
  [
    'Qwen-Image-2.0 vs Qwen-Image-VAE-2.0, no abstracts',
    rec('Qwen-Image-2.0 Technical Report'),
    rec('Qwen-Image-VAE-2.0 Technical Report'),
  ],
  [
    'HFT vs PAT',
    rec('HFT: Half Fine-Tuning for Large Language Models', A.hft),
    rec('PAT: Pruning-Aware Tuning for Large Language Models', A.pat),
  ],
  [
    'Scaling Sparse Fine-Tuning vs Sparse Matrix',
    rec('Scaling Sparse Fine-Tuning to Large Language Models', A.ssft),
    rec('Sparse Matrix in Large Language Model Fine-tuning', A.smft),
  ],
  [
    'PEFT for Foundation Models vs PEFT for Large Models survey',
    rec('Parameter-Efficient Fine-Tuning for Foundation Models', A.peftFm),
    rec('Parameter-Efficient Fine-Tuning for Large Models: A Comprehensive Survey', A.peftSurvey),
  ],
  [
    'ambiguous clip vs the other PEFT survey (abstracts differ)',
    rec('Parameter-Efficient Fine-Tuning for Large Models: A Comprehensive Survey', A.peftSurvey),
    rec('Parameter-Efficient Fine-Tuning for\u2026', A.peftFm),
  ],
  [
    'PVP vs Sensitivity-Aware VPEFT',
    rec('PVP: Pre-trained Visual Parameter-Efficient Tuning'),
    rec('Sensitivity-Aware Visual Parameter-Efficient Fine-Tuning'),
  ],
  [
    'UniPT vs LST',
    rec('UniPT: Universal Parallel Tuning for Transfer Learning with Efficient Parameter and Memory'),
    rec('LST: Ladder Side-Tuning for Parameter and Memory Efficient Transfer Learning'),
  ],
  [
    'Mobile Video Diffusion vs MoViE',
    rec('Mobile Video Diffusion', A.mobileVd),
    rec('MoViE: Mobile Diffusion for Video Editing', A.movie),
  ],
  ['PsyLite vs Xmodel-LM Technical Report', rec('PsyLite Technical Report'), rec('Xmodel-LM Technical Report')],
  [
    'Scaling Laws for Forgetting vs Model Merging Scaling Laws',
    rec('Scaling Laws for Forgetting When Fine-Tuning Large Language Models'),
    rec('Model Merging Scaling Laws in Large Language Models'),
  ],
  // --- real series / families (constructed pairs of real naming patterns) ---
  [
    'Part I vs Part II',
    rec('Foundations of Reinforcement Learning, Part I'),
    rec('Foundations of Reinforcement Learning, Part II'),
  ],
  [
    'Llama 2 vs Llama 3',
    rec('Llama 2: Open Foundation and Fine-Tuned Chat Models'),
    rec('Llama 3: Open Foundation and Fine-Tuned Chat Models'),
  ],
  ['7B vs 70B', rec('Mistral 7B'), rec('Mistral 70B')],
  [
    'strict prefix, no clip mark, unrelated abstracts',
    rec('Scaling Laws for Neural Language Models', A.ssft),
    rec('Scaling Laws for Neural Language Models of Code', A.smft),
  ],
  [
    'strict prefix, no clip mark, no abstracts',
    rec('Scaling Laws for Neural Language Models'),
    rec('Scaling Laws for Neural Language Models of Code'),
  ],
  ['Mini vs Pro model names', rec('Phi-Mini: A Small Language Model'), rec('Phi-Pro: A Small Language Model')],
  [
    'one letter (MemEye vs IMemEye)',
    rec('MemEye: A Visual-Centric Evaluation Framework for Multimodal Agent Memory'),
    rec('IMemEye: A Visual-Centric Evaluation Framework for Multimodal Agent Memory'),
  ],
  ['same bigrams in another order', rec('Attention Is All You Need'), rec('All You Need Is Attention')],
  [
    'same title, different arXiv ids',
    rec('Mobile Video Diffusion', A.mobileVd, '2412.07583'),
    rec('Mobile Video Diffusion', A.mobileVd, '2412.07584'),
  ],
  ['clip too short to trust', rec('Kwai Keye-VL 1.5 Technical Report'), rec('Kwai Keye\u2026')],
];

function merged(a: SightingLike, b: SightingLike): [boolean, boolean, string, string] {
  const ab = clusterRecords([a, b]);
  const ba = clusterRecords([b, a]);
  return [ab.cluster[1] === ab.cluster[0], ba.cluster[1] === ba.cluster[0], ab.rule[1]!, ba.rule[1]!];
}

describe('must merge', () => {
  it.each(MUST_MERGE)('%s', (_name, a, b) => {
    const [ab, ba, r1, r2] = merged(a, b);
    expect({ ab, ba, r1, r2 }).toMatchObject({ ab: true, ba: true });
  });
});

describe('must not merge', () => {
  it.each(MUST_NOT_MERGE)('%s', (_name, a, b) => {
    const [ab, ba, r1, r2] = merged(a, b);
    expect({ ab, ba, r1, r2 }).toMatchObject({ ab: false, ba: false });
  });
});

describe('families', () => {
  it('Nemotron Nano/Super/Ultra stay three papers, each sighting joins its own', () => {
    const recs = [
      rec(`Nemotron 3 Nano: ${NEMO}`),
      rec(`Nemotron 3 Super: ${NEMO}`),
      rec(`Nemotron 3 Ultra: ${NEMO}`),
      rec(`Nemotron 3 Super: Open, Efficient Mixture-of-Experts Hybrid Mamba-Transfor\u2026`),
      rec(`nemotron 3 ultra: open, efficient mixture-of-experts hybrid mamba\u2013transformer model for agentic reasoning`),
      rec(`Nemotron\u00a03 Nano: ${NEMO.replace('Mixture-of-Experts', 'Mixture-of- Experts')}`),
    ];
    expect(clusterRecords(recs).cluster).toEqual([0, 1, 2, 1, 2, 0]);
  });

  it('a clip joins the paper whose abstract it shares when the prefix is ambiguous', () => {
    const recs = [
      rec('Parameter-Efficient Fine-Tuning for Large Models: A Comprehensive Survey', A.peftSurvey),
      rec('Parameter-Efficient Fine-Tuning for Foundation Models', A.peftFm),
      rec('Parameter-Efficient Fine-Tuning for\u2026', A.peftFm.slice(0, 200) + '\u2026'),
      rec('Parameter-Efficient Fine-Tuning for La\u2026', A.peftSurvey),
    ];
    expect(clusterRecords(recs).cluster).toEqual([0, 1, 1, 0]);
  });

  it('does not chain: A~B and B~C do not glue A to C', () => {
    // B is a clip of both A and C; it joins A (first), and C does not join through B.
    const recs = [
      rec('Scaling Laws for Neural Language Models'),
      rec('Scaling Laws for Neural Lang\u2026'),
      rec('Scaling Laws for Neural Language Models of Code'),
    ];
    const r = clusterRecords(recs);
    expect(r.cluster[1]).toBe(r.cluster[0]);
    expect(r.cluster[2]).not.toBe(r.cluster[0]);
  });
});
