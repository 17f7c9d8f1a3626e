/**
 * The metric a claim measures: metric words in its sentence ("accuracy", "mAP", "latency") and the
 * nearest one in the same clause.
 * Pure functions over strings; regexes are compiled once here.
 */

/** Metric mentions, longest alternatives first, mapped to a canonical name. */
const METRICS: Array<[string, string]> = [
  ['attack success rates?|ASR', 'attack success rate'],
  ['success rates?', 'success rate'],
  ['win[- ]?rates?', 'win rate'],
  ['pass rates?|pass@\\d+|pass@k', 'pass rate'],
  ['(?:word |character |top-\\d+ )?error rates?|WER|CER|errors?', 'error rate'],
  ['(?:top-\\d+ )?accurac(?:y|ies)|acc\\.', 'accuracy'],
  ['(?:macro|micro)[- ]F1|F1[- ]scores?|F1|F-scores?|F-measure', 'F1'],
  ['BLEU(?:-\\d)?', 'BLEU'],
  ['ROUGE(?:-[12L]|-Lsum)?', 'ROUGE'],
  ['METEOR', 'METEOR'],
  ['CIDEr', 'CIDEr'],
  ['chrF\\+*', 'chrF'],
  ['BERTScore', 'BERTScore'],
  ['perplexit(?:y|ies)|PPL', 'perplexity'],
  ['exact match', 'exact match'],
  ['speed-?ups?|faster|acceleration|accelerat(?:es|ed|ing)|speeds? up|speed', 'speedup'],
  ['(?:GPU )?memory(?: footprint| usage| consumption)?|VRAM', 'memory'],
  ['latenc(?:y|ies)|inference time|response time', 'latency'],
  ['throughput', 'throughput'],
  ['training time|training cost', 'training time'],
  ['costs?|price|dollars?|expenses?', 'cost'],
  ['FLOPs|computational cost|compute', 'compute'],
  ['(?:trainable |tunable |learnable )?parameters?|params', 'parameters'],
  ['AUC(?:-ROC)?|AUROC|ROC-AUC', 'AUC'],
  ['mAP', 'mAP'],
  ['mIoU|IoU', 'IoU'],
  ['PSNR', 'PSNR'],
  ['SSIM|structural similarity(?: index)?', 'SSIM'],
  ['FID', 'FID'],
  ['recall', 'recall'],
  ['precision', 'precision'],
  ['correlation|Pearson|Spearman', 'correlation'],
  ['rewards?', 'reward'],
  ['energy(?: consumption)?', 'energy'],
  ['hallucination(?: rates?)?|hallucinations', 'hallucination rate'],
  ['compression(?: ratio| rate)?', 'compression'],
  ['storage', 'storage'],
];

// Case-sensitive acronyms (mAP, ASR, PPL) must not match ordinary words, so the regex is
// case-insensitive only where the spelling is a common word: lowercase sources are
// expanded to accept a capital first letter instead of using the `i` flag.
function capitalise(src: string): string {
  return src.replace(/(^|\|)([a-z])/g, (_m, bar: string, c: string) => `${bar}[${c}${c.toUpperCase()}]`);
}

const METRIC_RE = new RegExp(
  METRICS.map(([src]) => `(${capitalise(src)})`)
    .join('|')
    .replace(/^/, '(?<![A-Za-z0-9@])(?:') + ')(?![A-Za-z0-9])',
  'g',
);

/** One metric mention in a sentence: [start, end) relative to the sentence, and its name. */
export interface MetricMention {
  start: number;
  end: number;
  name: string;
}

/** All metric mentions in a sentence, in order. */
export function findMetrics(sentence: string): MetricMention[] {
  const out: MetricMention[] = [];
  METRIC_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = METRIC_RE.exec(sentence)) !== null) {
    let g = 1;
    while (g < m.length && m[g] === undefined) g++;
    const name = METRICS[g - 1]?.[1];
    if (name) out.push({ start: m.index, end: m.index + m[0].length, name });
    if (m[0].length === 0) METRIC_RE.lastIndex++;
  }
  return out;
}

/** A comma followed by one of these starts a new clause ("up to 12.9%, and training time ..."). */
const CLAUSE_START =
  /^\s*(?:and|but|while|whereas|which|where|with|without|achieving|reaching|surpassing|outperforming|compared|although|yet|thus|leading|resulting|respectively)\b/;

/** How far a metric may sit from its number, after clause penalties, in characters. */
const METRIC_REACH = 160;

/**
 * The metric nearest to [start, end) (sentence-relative) in the same clause: distance in
 * characters plus a penalty per comma and a larger one per semicolon or colon crossed,
 * so "saves memory up to 3times and improves latency by 1.5-2.7times" gives memory to the
 * first and latency to the second. Looks at a few neighbours only (binary search), so a
 * sentence with thousands of numbers stays linear-ish.
 */
export function nearestMetric(sentence: string, mentions: MetricMention[], start: number, end: number): string | null {
  if (mentions.length === 0) return null;
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  let best: string | null = null;
  let bestCost = Infinity;
  for (let i = Math.max(0, lo - 3); i < Math.min(mentions.length, lo + 3); i++) {
    const mm = mentions[i]!;
    if (mm.start < end && mm.end > start) continue; // inside the claim itself
    const [a, b] = mm.end <= start ? [mm.end, start] : [end, mm.start];
    if (b - a > METRIC_REACH) continue;
    let cost = b - a;
    for (let k = a; k < b; k++) {
      const c = sentence.charCodeAt(k);
      if (c === 44)
        cost += CLAUSE_START.test(sentence.slice(k + 1, k + 16)) ? METRIC_REACH : 40; // ,
      else if (c === 59 || c === 58) cost += METRIC_REACH; // ; : end the clause
    }
    if (cost < bestCost && cost <= METRIC_REACH) {
      bestCost = cost;
      best = mm.name;
    }
  }
  return best;
}
