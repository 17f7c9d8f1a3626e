/**
 * Context rules for the numeric-claims extractor: sentence boundaries, the qualifier
 * before a number ("up to", "about", ...), the metric a sentence names, and the name and
 * reference words that make a number part of a label ("Table 2", "Llama 3.1 8B").
 * Pure functions over strings; regexes are compiled once here.
 */

/** Abbreviations after which a period does not end a sentence. */
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'al',
  'fig',
  'figs',
  'eq',
  'eqs',
  'sec',
  'secs',
  'vs',
  'cf',
  'approx',
  'no',
  'nos',
  'tab',
  'ref',
  'refs',
  'etc',
  'resp',
  'dr',
  'mr',
  'ms',
  'prof',
  'inc',
  'ltd',
  'co',
  'jr',
  'st',
  'vol',
  'pp',
  'ca',
  'ch',
  'app',
  'viz',
  'est',
  'min',
  'max',
  'avg',
  'wt',
  'approx',
  'thm',
  'def',
]);

// Starts only at the first mark of a run (`(?<![.!?])`): from every dot of a 100k-dot run, `[.!?]+`
// re-read the rest of the run before failing (quadratic: 14 s on 100k characters before `5%`).
// A later mark of the run would end where the first one's match ends, so nothing is lost.
const SENTENCE_END = /(?<![.!?])[.!?]+["'”’)\]]*\s+(?=["'“‘([]?[A-Z0-9])/g;

/**
 * Splits text into sentences as [start, end) offsets covering the whole string (trailing
 * whitespace stays with the sentence before it). A period after an abbreviation ("et al.",
 * "Fig.", "vs.") or inside a number never splits. Linear: one global regex pass.
 */
export function splitSentences(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_END.exec(text)) !== null) {
    const dot = m.index;
    if (text[dot] === '.') {
      // The word right before the period, e.g. "al" in "et al." or "e.g" in "e.g.".
      let i = dot - 1;
      while (i >= 0 && i > dot - 8 && /[A-Za-z.]/.test(text[i]!)) i--;
      const word = text.slice(i + 1, dot).toLowerCase();
      if (ABBREVIATIONS.has(word) || (word.length === 1 && /[a-z]/.test(word))) continue;
    }
    const end = m.index + m[0].length;
    out.push([start, end]);
    start = end;
  }
  if (start < text.length || out.length === 0) out.push([start, text.length]);
  return out;
}

/** Qualifier words/symbols, mapped to the normalised qualifier. */
const QUALIFIER_WORDS: Array<[string, string]> = [
  ['up to', 'up to'],
  ['upto', 'up to'],
  ['as much as', 'up to'],
  ['as many as', 'up to'],
  ['as high as', 'up to'],
  ['as large as', 'up to'],
  ['at most', 'up to'],
  ['no more than', 'up to'],
  ['over', 'over'],
  ['more than', 'over'],
  ['greater than', 'over'],
  ['larger than', 'over'],
  ['higher than', 'over'],
  ['above', 'over'],
  ['exceeding', 'over'],
  ['in excess of', 'over'],
  ['at least', 'over'],
  ['beyond', 'over'],
  ['about', 'about'],
  ['around', 'about'],
  ['approximately', 'about'],
  ['approx.', 'about'],
  ['approx', 'about'],
  ['roughly', 'about'],
  ['nearly', 'about'],
  ['almost', 'about'],
  ['circa', 'about'],
  ['ca.', 'about'],
  ['an estimated', 'about'],
  ['some', 'about'],
  ['less than', 'less than'],
  ['lower than', 'less than'],
  ['smaller than', 'less than'],
  ['fewer than', 'less than'],
  ['under', 'less than'],
  ['below', 'less than'],
  ['as few as', 'less than'],
  ['as little as', 'less than'],
  ['as low as', 'less than'],
  ['only', 'only'],
  ['merely', 'only'],
  ['just', 'only'],
  ['a mere', 'only'],
  ['mere', 'only'],
];
const QUALIFIER_MAP = new Map(QUALIFIER_WORDS);

/**
 * A qualifier word ending right before a number, in a short window. "some" only counts
 * before a number ("some 40 tasks"); "a mere 0.78M parameters" gives "only".
 */
const QUALIFIER_BEFORE = new RegExp(
  `(?:^|[^A-Za-z])(${QUALIFIER_WORDS.map(([w]) => w.replace(/\./g, '\\.').replace(/ /g, '\\s+'))
    .sort((a, b) => b.length - a.length)
    .join('|')})\\s+(?:a\\s+)?$`,
  'i',
);

/** Word qualifier before `pos`, looking at most 32 characters back. */
export function qualifierBefore(text: string, pos: number): string | null {
  const window = text.slice(Math.max(0, pos - 32), pos);
  const m = QUALIFIER_BEFORE.exec(window);
  if (!m) return null;
  // "the above two findings", "the over 40 tasks": the word modifies the noun phrase.
  if (/\b(?:the|these|this|those)\s*$/i.test(window.slice(0, m.index + 1))) return null;
  return QUALIFIER_MAP.get(m[1]!.toLowerCase().replace(/\s+/g, ' ')) ?? null;
}

/**
 * Symbol qualifiers glued before a number, with the normalised qualifier. They are part of
 * the claim's text ("~10%", "(>95%)" → ">95%").
 */
export const SYMBOL_QUALIFIERS: Record<string, string> = {
  '~': 'about',
  '∼': 'about',
  '≈': 'about',
  '≃': 'about',
  '<': 'less than',
  '≲': 'less than',
  '>': 'over',
  '≳': 'over',
  '≥': 'over',
  '≤': 'up to',
  '⩽': 'up to',
  '⩾': 'over',
  '+': '+',
};

/**
 * LaTeX commands whose backslash was lost in the copy ("sim0.01%" was "\sim 0.01\%",
 * "le13" was "\le 13", "N!approx!30" was "N\!\approx\!30"). These stay out of the text.
 */
const MANGLED_QUALIFIER = /(?:^|[^A-Za-z])\$?\\?(sim|approx|simeq|lesssim|gtrsim|leq|le|geq|ge|lt|gt)\$?!?[ \u00a0]?$/;
const MANGLED_MAP: Record<string, string> = {
  sim: 'about',
  approx: 'about',
  simeq: 'about',
  lesssim: 'less than',
  gtrsim: 'over',
  le: 'up to',
  leq: 'up to',
  ge: 'over',
  geq: 'over',
  lt: 'less than',
  gt: 'over',
};

/** A lost-backslash LaTeX qualifier ending at `pos`, with where it starts. */
export function mangledQualifier(text: string, pos: number): { qualifier: string; start: number } | null {
  const from = Math.max(0, pos - 12);
  const m = MANGLED_QUALIFIER.exec(text.slice(from, pos));
  if (!m) return null;
  return { qualifier: MANGLED_MAP[m[1]!]!, start: from + m.index + (m[0].length - m[0].trimStart().length) };
}

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

/**
 * Words after which a bare number is a label, not a quantity: "Figure 3", "Sec. 4",
 * "Table 2", "Eq. (3)", "Nos. 1 and 4", "Step 2", "Phase 1", "layer 12", "version 2".
 */
const REFERENCE_WORDS = new Set([
  'fig',
  'figs',
  'figure',
  'figures',
  'table',
  'tables',
  'tab',
  'sec',
  'secs',
  'section',
  'sections',
  'eq',
  'eqs',
  'equation',
  'equations',
  'appendix',
  'app',
  'chapter',
  'ch',
  'theorem',
  'thm',
  'lemma',
  'corollary',
  'proposition',
  'prop',
  'definition',
  'def',
  'algorithm',
  'alg',
  'step',
  'stage',
  'phase',
  'experiment',
  'exp',
  'example',
  'case',
  'no',
  'nos',
  'number',
  'ref',
  'refs',
  'panel',
  'line',
  'lines',
  'row',
  'rows',
  'column',
  'col',
  'level',
  'type',
  'group',
  'round',
  'version',
  'ver',
  'part',
  'item',
  'task',
  'setting',
  'scenario',
  'layer',
  'block',
  'epoch',
  'iteration',
  'top',
  'rank',
  'eqn',
  'criterion',
  'hypothesis',
  'question',
  'q',
  'rq',
  'track',
  'box',
  'model',
  'models',
  'method',
  'approach',
  'option',
  'test',
  'trial',
  'study',
  'cohort',
  'batch',
  'sample',
  'run',
  'site',
  'well',
  'core',
  'station',
  'zone',
  'region',
  'class',
  'category',
  'module',
  'unit',
  'season',
  'week',
  'day',
  'year',
  'month',
  'page',
  'pages',
  'vol',
  'volume',
  'issue',
  'grade',
  'tier',
  'supplementary',
  'objective',
  'axis',
  'axes',
  'id',
  'seed',
]);

/** Sentence-initial or function words that may stand capitalised before a real quantity. */
const CAPITALISED_FUNCTION_WORDS = new Set([
  'the',
  'this',
  'these',
  'those',
  'our',
  'we',
  'in',
  'on',
  'for',
  'with',
  'using',
  'by',
  'at',
  'only',
  'over',
  'about',
  'approximately',
  'nearly',
  'around',
  'up',
  'more',
  'less',
  'fewer',
  'all',
  'each',
  'both',
  'after',
  'before',
  'across',
  'among',
  'from',
  'of',
  'to',
  'within',
  'when',
  'while',
  'since',
  'compared',
  'overall',
  'additionally',
  'moreover',
  'furthermore',
  'finally',
  'however',
  'notably',
  'specifically',
  'here',
  'just',
  'roughly',
  'almost',
  'under',
  'below',
  'above',
  'and',
  'or',
  'but',
  'with',
  'its',
  'their',
  'than',
  'as',
  'into',
  'per',
  'some',
  'every',
  'another',
  'only',
  'merely',
  'between',
  'out',
  'least',
  'most',
  'nearly',
  'achieving',
  'reaching',
  'requiring',
  'training',
]);

/** What kind of word stands right before a bare number. */
export type PrevWord = 'reference' | 'name' | 'between' | 'other';

const WORD_CHAR = /[A-Za-z0-9.+\-_]/;

/**
 * Classifies the word right before `pos` (separated only by spaces, optionally an opening
 * parenthesis for "Eq. (3)"). "name" is a model or product name: a token with an inner
 * capital or a digit ("LLaMA 7B", "UL2 20B", "CodeT5+ 16B", "Keye-VL 1.5") or a capitalised
 * word in mid-sentence ("Mistral 7B", "Qwen 2.5", "Sep 16").
 */
export function classifyPrevWord(text: string, pos: number): PrevWord {
  let i = pos - 1;
  let spaces = 0;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\u00a0')) {
    i--;
    spaces++;
  }
  let paren = false;
  if (spaces === 0 && text[i] === '(') {
    // "Eq. (3)": look past the parenthesis for a reference word only.
    paren = true;
    i--;
    while (i >= 0 && text[i] === ' ') i--;
  } else if (spaces === 0 || spaces > 2) {
    return 'other';
  }
  const end = i + 1;
  let j = i;
  while (j >= 0 && end - j <= 40 && WORD_CHAR.test(text[j]!)) j--;
  const raw = text.slice(j + 1, end);
  const word = raw.replace(/^[-.+_]+/, '');
  if (!word || !/[A-Za-z]/.test(word)) return 'other';
  const lower = word.toLowerCase().replace(/\.$/, '');
  if (REFERENCE_WORDS.has(lower)) return 'reference';
  if (paren) return 'other';
  if (lower === 'between') return 'between';
  if (CAPITALISED_FUNCTION_WORDS.has(lower)) return 'other';
  if (!/^[A-Za-z]/.test(word)) return 'other';
  const inner = /[A-Z]/.test(word.slice(1)) || /\d/.test(word) || word.endsWith('+');
  if (inner) return 'name';
  if (/^[A-Z][a-z]/.test(word)) {
    // A capitalised word starting a sentence is ordinary English ("Training 7B models ...");
    // in mid-sentence it is a name ("... including Mistral 7B models").
    let k = j;
    while (k >= 0 && /\s/.test(text[k]!)) k--;
    const sentenceStart = k < 0 || /[.!?:;]/.test(text[k]!);
    return sentenceStart ? 'other' : 'name';
  }
  return 'other';
}

/** True when `pos` sits inside an unclosed "[" within the previous 80 characters (citations). */
export function insideBrackets(text: string, pos: number): boolean {
  for (let i = pos - 1; i >= 0 && i >= pos - 80; i--) {
    const c = text[i];
    if (c === ']') return false;
    if (c === '[') return true;
  }
  return false;
}

/** True when an unclosed "(" opens within the previous 60 characters of the same sentence. */
export function insideParens(text: string, pos: number): boolean {
  let depth = 0;
  for (let i = pos - 1; i >= 0 && i >= pos - 60; i--) {
    const c = text[i];
    if (c === ')') depth++;
    else if (c === '(') {
      if (depth === 0) return true;
      depth--;
    } else if (c === '.' && text[i + 1] === ' ') return false;
  }
  return false;
}
