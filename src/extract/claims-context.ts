/**
 * Context that makes a number part of a label rather than a claim: the name and reference words
 * before it ("Table 2", "Llama 3.1 8B") and brackets around it ("[23]", "(1)").
 * Pure functions over strings; regexes are compiled once here.
 */

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

/** [A-Za-z0-9.+\-_], by character code (it runs back over the word before every number). */
function isWordChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 43 || c === 45 || c === 95;
}

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
  while (j >= 0 && end - j <= 40 && isWordChar(text.charCodeAt(j))) j--;
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
