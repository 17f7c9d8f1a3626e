import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractClaims, splitSentences } from '../../src/extract/claims.js';
import type { Claim } from '../../src/types.js';
import { SEEDS } from '../helpers.js';

/** Texts of all claims found in `input`, in order. */
const texts = (input: string): string[] => extractClaims(input).map((c) => c.text);

/** The single claim of `input` whose text is `text`; fails the test when there is not exactly one. */
function claim(input: string, text: string): Claim {
  const found = extractClaims(input).filter((c) => c.text === text);
  expect(
    found.map((c) => c.text),
    `claims of ${JSON.stringify(input)}: ${JSON.stringify(texts(input))}`,
  ).toEqual([text]);
  return found[0]!;
}

type Row = [input: string, text: string, expected: Partial<Claim>];
/** One table row: an input, the claim text it must yield, and a subset of that claim. */
const _ = (input: string, text: string, expected: Partial<Claim>): Row => [input, text, expected];
const check = (input: string, text: string, expected: Partial<Claim>) => expect(claim(input, text)).toMatchObject(expected);

/** Kind and unit must agree (the rules in the module comment of claims.ts). */
function kindMatchesUnit(c: Claim): boolean {
  switch (c.kind) {
    case 'percent':
      return c.unit === '%' || c.unit === 'pp';
    case 'multiplier':
      return c.unit === 'x';
    case 'parameters':
      return c.unit === 'parameters';
    case 'count':
      return c.unit === null || c.unit === 'tokens' || c.unit === 'examples';
    case 'quantity':
      return !['%', 'pp', 'x', 'parameters', 'tokens', 'examples'].includes(c.unit ?? '');
  }
}

// Strings the issue names, verbatim from fixtures/seeds.
describe('extractClaims: the strings from the issue', () => {
  it('"2.46% (90.72% vs. 88.54%)" gives three percent claims, the comparison as two', () => {
    const input =
      'our model obtains 2.46% (90.72% vs. 88.54%) and 11.48% (73.10% vs. 65.57%) performance improvement on FGVC and VTAB-1k in terms of Top-1 accuracy compared to the full fine-tuning but only fine-tuning about 0.3M parameters.';
    expect(texts(input)).toEqual(['2.46%', '90.72%', '88.54%', '11.48%', '73.10%', '65.57%', '0.3M parameters']);
    expect(claim(input, '90.72%')).toMatchObject({
      value: 90.72,
      unit: '%',
      kind: 'percent',
      metric: 'accuracy',
      low: null,
      high: null,
    });
    expect(claim(input, '88.54%')).toMatchObject({ value: 88.54, metric: 'accuracy' });
  });
  it.each<Row>([
    _('but only fine-tuning about 0.3M parameters.', '0.3M parameters', {
      value: 300000,
      unit: 'parameters',
      kind: 'parameters',
      qualifier: 'about',
      metric: 'parameters',
    }),
    _('consistently outperforms LoRA by over 11%-37% in terms of MT-Bench score', '11%-37%', {
      value: 37,
      low: 11,
      high: 37,
      unit: '%',
      kind: 'percent',
      qualifier: 'over',
    }),
    _('improves calibration of predictions in-distribution (40-90% error reduction) as well', '40-90%', {
      value: 90,
      low: 40,
      high: 90,
      unit: '%',
      metric: 'error rate',
    }),
    _('Additionally, increasing parameter count from 220M to 770M improves AUC-ROC scores by 6.3%', '220M to 770M', {
      low: 220e6,
      high: 770e6,
      value: 770e6,
      unit: 'parameters',
      kind: 'parameters',
    }),
    _('S^{2}FT saves training memory up to 3times and improves latency', '3times', {
      value: 3,
      unit: 'x',
      kind: 'multiplier',
      qualifier: 'up to',
      metric: 'memory',
    }),
    _('identify a very small subset of parameters (sim0.01% of model parameters) responsible', '0.01%', {
      value: 0.01,
      unit: '%',
      qualifier: 'about',
    }),
    _("responsible for (>95%) of the model's performance", '>95%', { value: 95, unit: '%', qualifier: 'over' }),
  ])('%s → %s', check);
  it.each([['on FGVC and VTAB-1k in terms of Top-1 accuracy'], ['the gap between Llama2-70B and LLaMA-2-70B, the larger model']])(
    'no claim in %s',
    (input) => expect(texts(input)).toEqual([]),
  );
});

describe('extractClaims: magnitudes and number forms', () => {
  it.each<Row>([
    _('fine-tuning only 0.3M parameters', '0.3M parameters', { value: 300000 }),
    _('a 7B model', '7B', { value: 7e9, unit: 'parameters', kind: 'parameters' }),
    _('a context of 16,000 tokens', '16,000 tokens', { value: 16000, unit: 'tokens', kind: 'count' }),
    _('for another 1.5K iterations', '1.5K', { value: 1500, unit: null, kind: 'count' }),
    _('over 40k human-curated instructions', '40k', { value: 40000, qualifier: 'over' }),
    _('a tiny LLM with 1.7 billion parameters and', '1.7 billion parameters', { value: 1.7e9, kind: 'parameters' }),
    _('a compact (3.8-billion parameter) causal language model', '3.8-billion parameter', { value: 3.8e9, kind: 'parameters' }),
    _('our 7B-parameter model achieves', '7B-parameter', { value: 7e9, kind: 'parameters' }),
    _('trained on 1.4T tokens', '1.4T tokens', { value: 1.4e12, unit: 'tokens' }),
    _('model checkpoints (7b to 33b) fully tuned', '7b to 33b', { low: 7e9, high: 33e9, kind: 'parameters' }),
    _('saving at least 35.4G FLOPs in computation', '35.4G FLOPs', {
      value: 35.4e9,
      unit: 'FLOPs',
      kind: 'quantity',
      qualifier: 'over',
    }),
    _('a learning rate of 1e-5 works best', '1e-5', { value: 1e-5, kind: 'quantity', unit: null }),
    _('a density of 3.2 × 10^5 cells', '3.2 × 10^5', { value: 320000 }),
    _('thresholds near 10^{-3} were used', '10^{-3}', { value: 0.001 }),
    _('using 1/3 of the data', '1/3', { kind: 'quantity', unit: null }),
    _('it has a value of .20 here', '.20', { value: 0.2 }),
    _('e.g., +7.01% accuracy and -82.30% additional computation', '-82.30%', { value: -82.3, qualifier: null }),
    _('at a cost of less than $0.20 via the API', '$0.20', {
      value: 0.2,
      unit: 'USD',
      kind: 'quantity',
      metric: 'cost',
      qualifier: 'less than',
    }),
    _('at a tolerance of 3.19 ± 0.10 GPa was measured', '3.19 ± 0.10 GPa', { value: 3.19, unit: 'GPa', low: null }),
    _('cells contained 43.57% ± 4.35% (n = 3)', '43.57% ± 4.35%', { value: 43.57, unit: '%' }),
    _('diluted 1:10 in buffer', '1:10', { value: 0.1, kind: 'quantity' }),
  ])('%s → %s', check);
  it('keeps 0.3M, 7B and 1.5K exact (no binary noise)', () => {
    expect(extractClaims('0.3M, 2.7B, 1.1K and 0.7 million').map((c) => c.value)).toEqual([300000, 2.7e9, 1100, 700000]);
  });
});

describe('extractClaims: ranges', () => {
  it.each<Row>([
    _('improves latency by 1.5-2.7times compared to full FT', '1.5-2.7times', {
      low: 1.5,
      high: 2.7,
      value: 2.7,
      unit: 'x',
      metric: 'latency',
    }),
    _('ComPEFT achieves compression ratios of 8x - 50x.', '8x - 50x', { low: 8, high: 50, unit: 'x', kind: 'multiplier' }),
    _('models scaling from 125M to 30B parameters', '125M to 30B parameters', { low: 125e6, high: 30e9, kind: 'parameters' }),
    _('with between 244M and 137B parameters', '244M and 137B parameters', { low: 244e6, high: 137e9 }),
    _('and 20 to 50 million trainable parameters on a single GPU', '20 to 50 million trainable parameters', {
      low: 2e7,
      high: 5e7,
      kind: 'parameters',
    }),
    _('the variability ranges between 1% and 37% during', '1% and 37%', { low: 1, high: 37, unit: '%' }),
    _('a 1/e mixing depth of 0.51–0.85 m.', '0.51–0.85 m', { low: 0.51, high: 0.85, unit: 'm', kind: 'quantity' }),
    _('approximately 15 to 23 percent of attention heads', '15 to 23 percent', {
      low: 15,
      high: 23,
      unit: '%',
      qualifier: 'about',
    }),
    _('power increased by 22% from 48.4 MW to 59.0 MW (Fig. 10e)', '48.4 MW to 59.0 MW', { low: 48.4, high: 59, unit: 'MW' }),
    _('we observe up to 2-4 times convergence speed improvement', '2-4 times', {
      low: 2,
      high: 4,
      unit: 'x',
      qualifier: 'up to',
      metric: 'speedup',
    }),
    _('the rotation period is estimated to be ∼10–11 days (2008)', '∼10–11 days', {
      low: 10,
      high: 11,
      unit: 'days',
      qualifier: 'about',
    }),
    _('temperature (0.1-0.5), reasoning steps', '0.1-0.5', { low: 0.1, high: 0.5, kind: 'quantity' }),
    _('On larger models the 1-3B variants', '1-3B', { low: 1e9, high: 3e9 }),
    _('accuracy rises 10% to 20% overall', '10% to 20%', { low: 10, high: 20 }),
  ])('%s → %s', check);
  it.each([
    // A decrease is two values, not a range; so are different units.
    ['its load factor declined from 12% to just 2% between', ['12%', '2%']],
    ['in the energy range 27 keV to 21 MeV taken by', ['27 keV', '21 MeV']],
    ['at 34 °C and 38 °C respectively', ['34 °C', '38 °C']],
  ])('no range in %s', (input, expected) => {
    expect(texts(input)).toEqual(expected);
    expect(extractClaims(input).every((c) => c.low === null && c.high === null)).toBe(true);
  });
});

describe('extractClaims: units', () => {
  it.each<Row>([
    _('accuracy of 59.1% on MMLU', '59.1%', { unit: '%', kind: 'percent' }),
    _('a pass@1 score of 74.4\\% on HumanEval', '74.4\\%', { value: 74.4, unit: '%', metric: 'pass rate' }),
    _('with a 4.58\\,\\% gain', '4.58\\,\\%', { value: 4.58, unit: '%' }),
    _('can synthesize solutions to 59.6 percent of the problems', '59.6 percent', { value: 59.6, unit: '%' }),
    _('improves performance by about 10 percentage points across', '10 percentage points', {
      unit: 'pp',
      kind: 'percent',
      qualifier: 'about',
    }),
    _('imputation by up to 5pp (or 5.7%)', '5pp', { unit: 'pp', qualifier: 'up to' }),
    _('is 3x faster', '3x', { unit: 'x', kind: 'multiplier', metric: 'speedup' }),
    _('is 3× faster', '3×', { unit: 'x' }),
    _('a 2.3\\times speedup', '2.3\\times', { value: 2.3, unit: 'x', metric: 'speedup' }),
    _('runs 3$\\times$ faster than', '3$\\times$', { value: 3, unit: 'x' }),
    _('a 3-fold increase', '3-fold', { value: 3, unit: 'x', kind: 'multiplier' }),
    _('PockEngine achieves up to 15 times speedup over TensorFlow', '15 times', {
      unit: 'x',
      metric: 'speedup',
      qualifier: 'up to',
    }),
    _('more than 20x times faster in training efficiency', '20x times', { value: 20, unit: 'x', qualifier: 'over' }),
    _('at 550 tokens/s, much faster', '550 tokens/s', { unit: 'tokens/s', kind: 'quantity', metric: 'throughput' }),
    _('latency drops to 120 ms per query', '120 ms', { unit: 'ms', kind: 'quantity', metric: 'latency' }),
    _('only 17 seconds per edit', '17 seconds', { unit: 's' }),
    _('this process requires 7 minutes per image', '7 minutes', { unit: 'min' }),
    _('within as little as 3 hours of real-world training', '3 hours', { unit: 'h', qualifier: 'less than' }),
    _('needs only 2.3 GB of memory', '2.3 GB', { unit: 'GB', metric: 'memory', qualifier: 'only' }),
    _('a single 24GB consumer-grade GPU', '24GB', { value: 24, unit: 'GB' }),
    _('errors were all less than 1mm.', '1mm', { unit: 'mm', qualifier: 'less than' }),
    _('the injection was performed at 34 °C and', '34 °C', { unit: '°C', kind: 'quantity' }),
    _('winter temperatures down to −18 °C, improved', '−18 °C', { value: -18, unit: '°C' }),
    _('a temperature of 1000 K, and', '1000 K', { unit: 'K' }),
    _('the soil density is 1 g cm−3 (Moore, 1989)', '1 g cm−3', { unit: 'g cm^-3' }),
    _('wind speeds greater than 20 m s−1 the lidar', '20 m s−1', { unit: 'm s^-1', qualifier: 'over' }),
    _('a concentration of 20 mg/L was used', '20 mg/L', { unit: 'mg/L' }),
    _('declined by 5–13% per year, normalising', '5–13% per year', { low: 5, high: 13, unit: '%' }),
    _('a 44.1 kHz sampling rate', '44.1 kHz', { unit: 'kHz' }),
    _('photons of 20 eV energy', '20 eV', { unit: 'eV' }),
    _('the last 3 byr (the Amazonian eon)', '3 byr', { unit: 'Gyr' }),
    _('a 0.5 M NaCl solution', '0.5 M', { unit: 'M', kind: 'quantity' }),
    _('buffered at pH 7.5 before', 'pH 7.5', { unit: 'pH', value: 7.5 }),
    _('a 10-cm core and', '10-cm', { unit: 'cm' }),
    _('at 16-bit resolution', '16-bit', { unit: 'bits' }),
    _('a 12-month period', '12-month', { unit: 'months' }),
    _('increases by around six orders of magnitude.', 'six orders of magnitude', {
      value: 6,
      unit: 'orders of magnitude',
      qualifier: 'about',
    }),
    _('improved by a factor of 2 overall', '2', { unit: 'x', kind: 'multiplier' }),
  ])('%s → %s', check);
});

describe('extractClaims: count nouns (tokens and examples are counts with a unit)', () => {
  it.each<Row>([
    _('when fine-tuned with no more than 30 labeled examples from each task', '30 labeled examples', {
      unit: 'examples',
      kind: 'count',
      qualifier: 'up to',
    }),
    _('a dataset comprising 100,000 samples, engineered', '100,000 samples', { value: 100000, unit: 'examples' }),
    _('a dataset of 5,000 functionally verified instances with', '5,000 functionally verified instances', { unit: 'examples' }),
    _('With only 14M tunable parameters, LiST outperforms', '14M tunable parameters', {
      value: 14e6,
      kind: 'parameters',
      qualifier: 'only',
    }),
    _('attacks on up to 10,000 steps and 300M tokens of text', '300M tokens', { value: 3e8, unit: 'tokens', kind: 'count' }),
    _('Results on 26 image classification datasets in total', '26', { value: 26, unit: null, kind: 'count', metric: null }),
    _('we experiment on 11 NLP tasks of 5 types', '11', { kind: 'count', unit: null }),
    _('it only requires 1,000 steps of fine-tuning', '1,000', { value: 1000, kind: 'count' }),
    _('we assess 25 vanilla and instruction-tuned LLMs', '25', { kind: 'count' }),
    _('Empirical results on 23+ tasks spanning', '23+', { value: 23, qualifier: '+' }),
  ])('%s → %s', check);
  it('a singular noun used as a modifier is no unit', () => {
    expect(texts('when using two general parameter efficient tuning methods')).toEqual(['two']);
  });
});

describe('extractClaims: spelled-out numbers', () => {
  it.each<Row>([
    _('we collect three million examples from the web', 'three million examples', {
      value: 3e6,
      unit: 'examples',
      kind: 'count',
    }),
    _('experiments on two benchmarks show', 'two', { value: 2, kind: 'count', unit: null }),
    _('we evaluate on a dozen tasks', 'a dozen', { value: 12, kind: 'count' }),
    _('we evaluate on twenty-five tasks', 'twenty-five', { value: 25 }),
    _('Our contributions are threefold: (1) a method', 'threefold', { value: 3, unit: 'x', kind: 'multiplier' }),
    _('observations spanning four and a half solar cycles', 'four and a half', { value: 4.5 }),
    _('requires only four soft tokens. First,', 'four soft tokens', { value: 4, unit: 'tokens', qualifier: 'only' }),
    _('the power extracted during one cycle increased', 'one', { value: 1, kind: 'count' }),
    _('over two hours of audio', 'two hours', { value: 2, unit: 'h', qualifier: 'over' }),
    _('Five samples from below the CIE', 'Five samples', { value: 5, unit: 'examples' }),
  ])('%s → %s', check);
  it.each([
    ['one of the most common methods'],
    ['a single model for all tasks'],
    ['only one or two'],
    ['no one can do this; the one that works'],
    ['in one-shot and few-shot settings'],
    ['all three.'],
    ['the first, second and third stages'],
    ['One particularly ambitious goal'],
  ])('no claim in %s', (input) => expect(texts(input)).toEqual([]));
});

describe('extractClaims: metrics', () => {
  it.each<Row>([
    _('achieves 90.94% top-1 accuracy on ImageNet', '90.94%', { metric: 'accuracy' }),
    _('an average increase of 5% in Macro-F1 score', '5%', { metric: 'F1' }),
    _('improves BLEU by 2.1 points', '2.1 points', { metric: 'BLEU', unit: 'points' }),
    _('a 3.69% points improvement (ROUGE-L)', '3.69%', { metric: 'ROUGE' }),
    _('a median perplexity of 54.0 on books', '54.0', { metric: 'perplexity', kind: 'quantity' }),
    _('an average attack success rate (ASR) of 76.9% using', '76.9%', { metric: 'attack success rate' }),
    _('a 62% win rate against GPT-4', '62%', { metric: 'win rate' }),
    _('reduces the word error rate by 12%', '12%', { metric: 'error rate' }),
    _('it runs 7.9times faster than the PyTorch baseline', '7.9times', { metric: 'speedup' }),
    _('with 10x less memory than full fine-tuning', '10x', { metric: 'memory' }),
    _('a 30% increase in inference throughput', '30%', { metric: 'throughput' }),
    _('reducing GPU memory consumption by 41\\% and latency by 17\\%.', '41\\%', { metric: 'memory' }),
    _('reducing GPU memory consumption by 41\\% and latency by 17\\%.', '17\\%', { metric: 'latency' }),
    _('with a pass@1 of 45% on HumanEval', '45%', { metric: 'pass rate' }),
    _('the 9B parameter model beats larger ones', '9B parameter', { metric: 'parameters' }),
    _('a 53% lower communication cost', '53%', { metric: 'cost' }),
    _('up to 12.9%, and training time decreased by 14%.', '12.9%', { metric: null }),
    _('our method improves results by 4.7% on Global MMLU', '4.7%', { metric: null }),
  ])('%s → %s', check);
});

describe('extractClaims: qualifiers', () => {
  it.each<Row>([
    _('improves accuracy by up to 17.4% on complex tasks', '17.4%', { qualifier: 'up to' }),
    _('with over 4,700x fewer trainable parameters', '4,700x', { qualifier: 'over', value: 4700 }),
    _('comprising more than 40K bilingual video clips', '40K', { qualifier: 'over' }),
    _('the score rises above 85% within', '85%', { qualifier: 'over' }),
    _('around 30% of the cost', '30%', { qualifier: 'about' }),
    _('an approximately 30% reduction in training time', '30%', { qualifier: 'about', metric: 'training time' }),
    _('a consistent ~4% performance increase', '~4%', { qualifier: 'about', value: 4 }),
    _('nearly 50% of users', '50%', { qualifier: 'about' }),
    _('sim800times faster than existing methods', '800times', { qualifier: 'about', unit: 'x' }),
    _('populations (e.g., N!approx!30), contradicting', '30', { qualifier: 'about' }),
    _('with as few as leq 0.02% trainable parameters', '0.02%', { qualifier: 'up to' }),
    _('using just 1% of the labels (le13 labeled images per class)', '13', { qualifier: 'up to' }),
    _('removing less than 0.6% of neurons', '0.6%', { qualifier: 'less than' }),
    _('in under 5 ms per token', '5 ms', { qualifier: 'less than' }),
    _('with fewer than 100 examples', '100 examples', { qualifier: 'less than' }),
    _('is below 2% in all runs', '2%', { qualifier: 'less than' }),
    _('at p < 0.05 significance', '< 0.05', { qualifier: 'less than', value: 0.05 }),
    _('only 8% new parameters', '8%', { qualifier: 'only' }),
    _('while fine-tuning a mere 0.78M parameters.', '0.78M parameters', { qualifier: 'only' }),
    _('e.g., +7.01% accuracy', '+7.01%', { qualifier: '+', value: 7.01 }),
    _('we report 3.2+ BLEU', '3.2+', { qualifier: '+' }),
    _('we discuss the above two findings', 'two', { qualifier: null }),
    _('a 3.6% absolute gain', '3.6%', { qualifier: null }),
  ])('%s → %s', check);
});

describe('extractClaims: numbers that are not claims', () => {
  it.each([
    // names of models, datasets and benchmarks
    ['GPT-4 and GPT-3.5 and GPT-4o-mini'],
    ['ResNet-50 and ViT-B/16 and CIFAR-100 and ImageNet-1k'],
    ['on VTAB-1k with Top-1 and top-5 accuracy'],
    ['LLaMA-2-70B, Llama-3.1-8B-Instruct, Qwen2.5-7B, Mixtral-8x22B'],
    ['evaluated on CEC2022 with T5 and T5-XXL'],
    ['MT-Bench, GSM8K, MATH-500 and HumanEval'],
    ['including Llama 3.1 8B and Mistral 7B models'],
    ['fine-tuning LLMs like LLaMA 2 7B and 13B. At any given time'],
    ['train OPT-IML 30B and 175B, which are'],
    ['the UL2 20B model and FLAN-PaLM 62B'],
    ['our instruction-tuned CodeT5+ 16B achieves'],
    ['we release Keye-VL 1.5 and Qwen 2.5 today'],
    ['S^{2}FT and S3FT and (IA)^3 and F_{1} and O(n^2)'],
    ['pass@1 and Pass@32 and Average@32'],
    // citations, years, enumerations, references, identifiers
    ['as shown by [Ponti et al., 2023] and (Smith, 2020)'],
    ['In 2023, researchers proposed'],
    ['during 2005–2010 the spacecraft and between 1947 and 1999 it'],
    ['the 1990s and the mid-2000s'],
    ['in short: (1) brain alignment, (2) behaviour, and (ii) more'],
    ['key challenges: 1) usability and 2) cost'],
    ['see Figure 3, Sec. 4 and Table 2 for details'],
    ['see Figs. 3, 6–9 and Eq. (3)'],
    ['For the first animals (Nos. 1 and 4), we'],
    ['related work [23] and [22, 24]'],
    ['see arXiv 2405.15738 and arXiv:2405.15738v2'],
    ['we release v2 of the model'],
    ['code at https://anonymous.4open.science/r/DV4LLM-D761/ and https://x.org:8080/a'],
    ['3D scenes, 2D maps, a 1-D model and 4D data'],
    ['the 2nd and 3rd place, 4th overall'],
    ['Mg(ClO4)2 and Ca2+ and CO2 and H2O'],
    ['in 5-shot and 0-shot settings'],
    ['a 3x3 kernel and 224×224 images'],
    ['papers published on Sep 16, in'],
  ])('%s', (input) => expect(texts(input)).toEqual([]));
  it('keeps the numbers around names', () => {
    expect(texts('Llama2-70B using proxies of only 7B size, we can close 88% of the gap')).toEqual(['7B', '88%']);
    expect(texts('outperforming 175B GPT-3 on zero-shot SuperGLUE')).toEqual(['175B']);
    expect(texts('LLaMA 3.1 (8 billion parameters) and Gemma 2 (9 billion parameters)')).toEqual([
      '8 billion parameters',
      '9 billion parameters',
    ]);
  });
});

describe('extractClaims: claim fields', () => {
  it('reports offsets into the abstract and the sentence around the claim', () => {
    const abstract = 'We study tuning. It is 2.5x faster (see Fig. 2). It uses 3 GPUs.';
    const claims = extractClaims(abstract);
    expect(claims.map((c) => [c.text, c.start, c.end])).toEqual([
      ['2.5x', 23, 27],
      ['3', 57, 58],
    ]);
    expect(claims[0]!.sentence).toBe('It is 2.5x faster (see Fig. 2).');
    expect(claims[1]!.sentence).toBe('It uses 3 GPUs.');
  });
  it('returns nothing for empty or number-free text', () => {
    expect(extractClaims('')).toEqual([]);
    expect(extractClaims('No numbers here at all.')).toEqual([]);
  });
});

describe('splitSentences', () => {
  it.each([
    ['One. Two! Three?', ['One. ', 'Two! ', 'Three?']],
    ['As in Smith et al. (2020) it is 2.5 times faster. Next.', ['As in Smith et al. (2020) it is 2.5 times faster. ', 'Next.']],
    ['See Fig. 3 and Eq. 2 vs. baselines. Done', ['See Fig. 3 and Eq. 2 vs. baselines. ', 'Done']],
    ['', ['']],
  ])('%j', (text, expected) => {
    expect(splitSentences(text).map(([a, b]) => text.slice(a, b))).toEqual(expected);
  });
});

describe('extractClaims: hostile input stays linear', () => {
  const mix = Array.from({ length: 200_000 }, (_, i) => '1 %.,x-'[(i * 7919) % 7]).join('');
  it.each([
    ['digits', '1'.repeat(100_000)],
    ['digit-dot', '1.'.repeat(50_000)],
    ['letters', 'x'.repeat(100_000)],
    ['digit-comma', '1,'.repeat(50_000) + 'x'],
    ['digits/spaces/% mix', mix],
    ['percent list', '1% '.repeat(70_000)],
    ['dash chain', '1-'.repeat(100_000)],
    ['words', 'two '.repeat(50_000)],
    ['long word after a number', '1 ' + 'a'.repeat(200_000)],
    ['open brackets', '['.repeat(100_000) + '1'],
    ['units', '1 m s−1 '.repeat(25_000)],
    ['metrics', '5% accuracy, '.repeat(20_000)],
    ['tolerances', '1±'.repeat(100_000)],
    ['exponents', '1e'.repeat(100_000)],
  ])('%s', (_name, input) => {
    const claims = extractClaims(input);
    expect(Array.isArray(claims)).toBe(true);
  });
});

/** Abstracts of the seed digests: their long lines (titles and page chrome are short). */
function seedAbstracts(): string[] {
  const out: string[] = [];
  for (const f of fs
    .readdirSync(SEEDS)
    .filter((n) => n.endsWith('.txt'))
    .sort()) {
    for (const line of fs.readFileSync(path.join(SEEDS, f), 'utf8').split('\n')) if (line.length > 200) out.push(line);
  }
  return out;
}

/** Names whose digits must never be part of a claim. */
const NAMES =
  /GPT-4o?|GPT-3(?:\.5)?|ResNet-50|VTAB-1[kK]|[Tt]op-1|LLaMA-2-70B|Llama-3\.1-8B(?:-Instruct)?|Qwen2\.5(?:-[\w.-]+)?|CEC2022|\bT5\b|MT-Bench|GSM8K|CIFAR-100|ImageNet-1[kK]|S\^\{2\}FT|Llama 3\.1 8B|Mistral 7B|\[[^\]]*\d{4}\]/g;

describe('extractClaims: invariants over every seed abstract', () => {
  const abstracts = seedAbstracts();
  const all = abstracts.map((a) => ({ abstract: a, claims: extractClaims(a) }));

  it('reads a real sample', () => {
    expect(abstracts.length).toBeGreaterThan(300);
    expect(all.reduce((n, x) => n + x.claims.length, 0)).toBeGreaterThan(500);
  });
  it('slices: abstract.slice(start, end) === text, in order, without overlap', () => {
    for (const { abstract, claims } of all) {
      let last = 0;
      for (const c of claims) {
        expect(abstract.slice(c.start, c.end)).toBe(c.text);
        expect(c.start).toBeGreaterThanOrEqual(last);
        expect(c.end).toBeGreaterThan(c.start);
        last = c.end;
      }
    }
  });
  it('has finite values, low <= high, value = high for ranges', () => {
    let ranges = 0;
    for (const { claims } of all) {
      for (const c of claims) {
        expect(Number.isFinite(c.value), c.text).toBe(true);
        expect(c.low === null, c.text).toBe(c.high === null);
        if (c.low !== null && c.high !== null) {
          ranges++;
          expect(c.low, c.text).toBeLessThanOrEqual(c.high);
          expect(c.value, c.text).toBe(c.high);
        }
      }
    }
    expect(ranges, 'the corpus holds ranges, so the range rule was checked').toBeGreaterThan(0);
  });
  it('has kind and unit in agreement, and the claim inside its sentence', () => {
    for (const { abstract, claims } of all) {
      for (const c of claims) {
        expect(kindMatchesUnit(c), `${c.text}: ${c.kind}/${c.unit}`).toBe(true);
        expect(c.sentence.includes(c.text), c.text).toBe(true);
        expect(abstract.includes(c.sentence)).toBe(true);
      }
    }
  });
  it('never takes digits from model, dataset or benchmark names, or citations', () => {
    let names = 0;
    for (const { abstract, claims } of all) {
      for (const m of abstract.matchAll(NAMES)) {
        names++;
        const [a, b] = [m.index!, m.index! + m[0].length];
        const inside = claims.filter((c) => c.start < b && c.end > a);
        expect(
          inside.map((c) => c.text),
          `${m[0]} in …${abstract.slice(Math.max(0, a - 40), b + 40)}…`,
        ).toEqual([]);
      }
    }
    expect(names).toBeGreaterThan(50);
  });
});
