/**
 * Undoes a hard wrap of a text copy: a listing page pasted into an editor or mail client that
 * wrapped its lines at some width (70–200 columns). The logical lines (a title, an abstract, a
 * chrome line) are rebuilt so the layout readers see the page as it was.
 *
 * A greedy wrapper breaks a line only where the next word would not fit, so a line that ends a
 * paragraph is "full" (its length + 1 + the next line's first word exceeds the width) only by
 * chance. Those chance cases, a title whose length happens to sit just under the width, are told
 * apart by their shape: a Title-Cased line without sentence punctuation followed by a line of
 * prose, or a sentence end followed by a Title-Cased line, is a paragraph boundary.
 * Pure; linear in the text.
 */

/** Widths a wrapper plausibly used; a text whose longest line is longer was not wrapped. */
const MAX_WRAP_WIDTH = 260;
const MIN_WRAP_WIDTH = 40;

/** Small words left lower case in Title Case. */
const MINOR = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'but',
  'by',
  'for',
  'from',
  'in',
  'into',
  'is',
  'of',
  'on',
  'or',
  'over',
  'the',
  'to',
  'via',
  'vs',
  'with',
  'without',
  'under',
  'through',
  'towards',
  'toward',
  'versus',
  'beyond',
  'across',
  'using',
  'are',
  'do',
  'can',
  'be',
]);

/** The share of a line's words, small words aside, that start with a capital letter or a digit. */
export function titleCaseRatio(line: string): number {
  let words = 0;
  let capital = 0;
  for (const w of line.split(' ')) {
    const m = /^[^\p{L}\p{N}]*([\p{L}\p{N}][\p{L}\p{N}'’-]*)/u.exec(w);
    if (!m) continue;
    const word = m[1]!;
    if (MINOR.has(word.toLowerCase())) continue;
    words++;
    if (/^[\p{Lu}\p{N}]/u.test(word) || /\p{Lu}/u.test(word.slice(1))) capital++;
  }
  return words === 0 ? 0 : capital / words;
}

/** A line shaped like running prose: mostly lower-case words. */
function proseShaped(line: string): boolean {
  return titleCaseRatio(line) < 0.45;
}

function firstWordLength(line: string): number {
  const sp = line.indexOf(' ');
  return sp < 0 ? line.length : sp;
}

/** The width the text was wrapped at, or null when it does not look wrapped. */
export function wrapWidth(lines: string[]): number | null {
  let width = 0;
  let long = 0;
  for (const l of lines) {
    if (l.length > MAX_WRAP_WIDTH && l.includes(' ')) return null; // a long line with spaces: not wrapped
    if (l.includes(' ') && l.length > width) width = l.length;
  }
  if (width < MIN_WRAP_WIDTH) return null;
  let near = 0;
  for (const l of lines) {
    if (l.length >= width / 2) long++;
    if (l.length >= width - 15 && l.includes(' ')) near++;
  }
  // A wrapped text has many lines just under its width; a short unwrapped one has few.
  return near >= 4 && near * 3 >= long ? width : null;
}

/** A run of lines that the wrap rule joins: it ends at a blank line or a line that is not full. */
type Block = string[];

/**
 * The logical lines of a text whose lines are trimmed and blank-collapsed: blank lines dropped,
 * and, when the text is hard-wrapped, wrapped lines joined back. `isProse` tells an abstract from
 * a title (the caller's rule), used where a chance-full line glued a title to an abstract.
 */
export function logicalLines(
  trimmed: string[],
  isProse: (s: string) => boolean,
  isHeader: (s: string) => boolean = () => false,
): string[] {
  const width = wrapWidth(trimmed);
  const out: string[] = [];
  if (width === null) {
    for (const l of trimmed) if (l.length > 0) out.push(l);
    return out;
  }
  const blocks: Block[] = [];
  /** Blocks with a blank line on both sides: a spaced copy's paragraphs, explicit as they are. */
  const spaced = new Set<Block>();
  let current: Block = [];
  let afterBlank = true;
  for (let i = 0; i < trimmed.length; i++) {
    const line = trimmed[i]!;
    if (line.length === 0) {
      if (current.length > 0) {
        blocks.push(current);
        if (afterBlank) spaced.add(current);
      }
      current = [];
      afterBlank = true;
      continue;
    }
    current.push(line);
    const next = trimmed[i + 1];
    if (next === undefined || next.length === 0) continue;
    if (line.length + 1 + firstWordLength(next) <= width) {
      blocks.push(current);
      current = [];
      afterBlank = false;
    }
  }
  if (current.length > 0) {
    blocks.push(current);
    if (afterBlank) spaced.add(current);
  }
  // The page alternates titles and abstracts: two prose blocks in a row hide a title between
  // them, at the end of the first or the start of the second (a line full by chance); a prose
  // block right after the page header may start with the first title. A spaced paragraph is
  // taken as it is (two in a row are an abstract in two paragraphs).
  let prev = null as { block: Block; kind: 'prose' | 'paragraph' | 'title' | 'header' } | null;
  for (const block of blocks) {
    if (spaced.has(block)) {
      const joined = block.join(' ');
      out.push(joined);
      prev = { block, kind: isProse(joined) ? 'paragraph' : isHeader(joined) ? 'header' : 'title' };
      continue;
    }
    const joined = block.join(' ');
    const prose = isProse(joined);
    if (prose) {
      // After a title this block is its abstract: a title inside it must read very clearly as one.
      const afterTitle: boolean = prev?.kind === 'title';
      const mustCut: boolean = prev?.kind === 'prose';
      const cut: Cut | null = afterTitle
        ? titleInside(block, isProse)
        : bestTitleCut(mustCut ? prev!.block : null, block, isProse, mustCut ? 0.3 : 0.75);
      if (cut) {
        if (cut.inside) out.push(cut.before!.join(' '));
        else if (cut.before) out[out.length - 1] = cut.before.join(' ');
        out.push(cut.title.join(' '));
        // What follows the title may itself hold the next title (another line full by chance).
        let rest = cut.after;
        for (let more = titleInside(rest, isProse); more; more = titleInside(rest, isProse)) {
          out.push(more.before!.join(' '), more.title.join(' '));
          rest = more.after;
        }
        out.push(rest.join(' '));
        prev = { block: rest, kind: 'prose' };
        continue;
      }
    }
    if (!prose && prev?.kind === 'prose' && !isHeader(joined)) {
      // A title's first line glued to the abstract before it (that abstract's last line was full
      // by chance), its last line on its own: the first line goes back to the title.
      const p = prev.block;
      const last = p[p.length - 1]!;
      if (
        p.length > 2 &&
        !/[.!?,;:)"\u201d]$/.test(last) &&
        !/https?:\/\/|www\./.test(last) &&
        endsAbstract(p[p.length - 2]!) &&
        titleScore([last, ...block]) >= 0.6
      ) {
        p.pop();
        out[out.length - 1] = p.join(' ');
        out.push(`${last} ${joined}`);
        prev = { block: [last, ...block], kind: 'title' };
        continue;
      }
    }
    out.push(joined);
    prev = { block, kind: prose ? 'prose' : isHeader(joined) ? 'header' : 'title' };
  }
  return out;
}

const SENTENCE_END = /[.!?)"”]$/;

/** A line that can end an abstract: a sentence's end, or a link to the code ("… at https://github.com/x/y"). */
function endsAbstract(line: string): boolean {
  return SENTENCE_END.test(line) || /https?:\/\/\S+$/.test(line);
}

/** How much a run of lines reads as a whole title (higher is more), or -1 when it cannot be one. */
function titleScore(lines: string[]): number {
  const t = lines.join(' ');
  if (t.length < 8 || t.length > 300 || /[.,;:]$/.test(t) || !/^[\p{L}\p{N}]/u.test(t)) return -1;
  if (!balanced(t)) return -1;
  return titleCaseRatio(t) - (/[.]\s+[A-Z]/.test(t) ? 0.3 : 0) - (/^\p{Ll}/u.test(t) ? 0.3 : 0);
}

interface Cut {
  /** The previous block without the title at its end, or the block's own start (`inside`). */
  before: Block | null;
  inside?: boolean;
  title: Block;
  after: Block;
}

/**
 * Where a title glued to an abstract is cut off: at the start of `block` (the title's last line
 * was full by chance) when the rest is prose, or at the end of the previous prose block `prev`
 * (the abstract's last line was). Returns the best-reading cut, or null when none reads well.
 */
function bestTitleCut(prev: Block | null, block: Block, isProse: (s: string) => boolean, threshold: number): Cut | null {
  let best: { score: number; cut: Cut } | null = null;
  for (let k = 1; k <= 3; k++) {
    if (k < block.length) {
      const head = block.slice(0, k);
      const rest = block.slice(k);
      let score = titleScore(head);
      if (score >= 0 && isProse(rest.join(' ')) && /^[\p{Lu}\p{N}]/u.test(rest[0]!)) {
        if (proseShaped(rest[0]!)) score += 0.2;
        if (!best || score > best.score) best = { score, cut: { before: null, title: head, after: rest } };
      }
    }
    if (!prev || k >= prev.length) continue;
    const tail = prev.slice(prev.length - k);
    const before = prev.slice(0, prev.length - k);
    let score = titleScore(tail);
    if (score >= 0 && isProse(before.join(' '))) {
      if (endsAbstract(before[before.length - 1]!)) score += 0.5;
      if (!best || score > best.score) best = { score, cut: { before, title: tail, after: block } };
    }
  }
  return best && best.score >= threshold ? best.cut : null;
}

/**
 * A title inside an abstract's block, between it and the next abstract: both lines around the
 * title were full by chance. Taken only when it reads very clearly as a title after a sentence end.
 */
function titleInside(block: Block, isProse: (s: string) => boolean): Cut | null {
  let best: { score: number; cut: Cut } | null = null;
  for (let k = 1; k <= 3; k++) {
    for (let j = 1; j + k < block.length; j++) {
      if (!endsAbstract(block[j - 1]!)) continue;
      const mid = block.slice(j, j + k);
      const before = block.slice(0, j);
      const after = block.slice(j + k);
      let score = titleScore(mid);
      if (score < 0 || !/^[\p{Lu}\p{N}]/u.test(after[0]!) || !isProse(before.join(' ')) || !isProse(after.join(' '))) continue;
      // Each extra line is one more line full by chance: a shorter title is likelier.
      // A title separates two whole abstracts; a cut inside one abstract leaves two short halves.
      const shortest = Math.min(before.join(' ').length, after.join(' ').length);
      score += shortest >= 700 ? 0.2 : shortest < 500 ? -0.2 : 0;
      score += 0.5 - (k - 1) * 0.25 + (proseShaped(after[0]!) ? 0.2 : 0) + seamScore(mid[mid.length - 1]!, after[0]!);
      if (!best || score > best.score) best = { score, cut: { before, title: mid, after, inside: true } };
    }
  }
  return best && best.score >= 1.2 ? best.cut : null;
}

/**
 * How much the seam between a line and the next reads as two paragraphs rather than one sentence:
 * a lower-case last word followed by an ordinary capitalised word ("… gain control" / "Sensory
 * systems …") is ungrammatical inside a sentence; a last word such as "of" or "with" continues one.
 */
function seamScore(line: string, next: string): number {
  const last = line.slice(line.lastIndexOf(' ') + 1);
  const first = next.slice(0, firstWordLength(next));
  if (MINOR.has(last.toLowerCase())) return -0.3;
  return /^\p{Ll}+$/u.test(last) && /^\p{Lu}\p{Ll}+$/u.test(first) ? 0.4 : 0;
}

/** Are the round and square brackets of a title closed? (A line cut out of prose often is not.) */
function balanced(t: string): boolean {
  let round = 0;
  let square = 0;
  for (const c of t) {
    if (c === '(') round++;
    else if (c === ')' && --round < 0) return false;
    else if (c === '[') square++;
    else if (c === ']' && --square < 0) return false;
  }
  return round === 0 && square === 0;
}
