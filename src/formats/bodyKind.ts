/**
 * What a record's body text is. Scrapers store whatever stood under a title in their "abstract"
 * field: a Chinese or Korean translation, a Vietnamese summary, the Librarian Bot's automated
 * comment, the authors' two-line note with their links, a "Thanks for sharing!". None of those is
 * the paper's abstract, and one of them made canonical hides the real abstract a later copy
 * brings. They are kept as the sighting's `summary` (with its language) and the abstract left
 * empty, so a real copy seen elsewhere becomes the canonical abstract.
 *
 * Pure: text in, a classification out.
 */
import type { DigestRecord, TextKind } from '../types.js';

export interface BodyKind {
  kind: TextKind;
  /** The text's language when it is not English ("zh", "ja", "ko", "vi", "ru", ...), else null. */
  lang: string | null;
}

/** Letters of scripts that are not Latin, each with the language it most likely is. */
const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Hangul}/u, 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Cyrillic}/u, 'ru'],
  [/\p{Script=Arabic}/u, 'ar'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Devanagari}/u, 'hi'],
];

/** Letters only Vietnamese uses among Latin-script languages (ơ ư ă đ and the stacked tone marks). */
const VIETNAMESE = /[ơưăđƠƯĂĐ\u1ea0-\u1ef9]/u;

/** Function words: their share of the words says which Latin-script language a text is in. */
const STOPWORDS: Record<string, Set<string>> = {
  en: new Set('the of and to in a is we that for with on this are by as an our which from be it can'.split(' ')),
  fr: new Set('le la les des et est une du en pour que dans nous sur un par au qui ce cette sont'.split(' ')),
  de: new Set('der die das und ist wir mit für von den zu ein eine auf des im nicht sich dem'.split(' ')),
  es: new Set('el la los las de y en que para con una por del se un es al lo como su'.split(' ')),
  pt: new Set('o a os as de e em que para com uma por do da um no na se ao dos'.split(' ')),
};

/** The language of a text, or null for English (or too little text to tell). */
export function detectLanguage(text: string): string | null {
  // Most bodies are English abstracts: say so without looking at every letter.
  if (plainlyEnglish(text)) return null;
  if (ASCII_ONLY.test(text)) return latinLanguage(text, true);
  const counts = new Map<string, number>();
  let latin = 0;
  let vietnamese = 0;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c < 0x80) {
      if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
      continue;
    }
    if (!/\p{L}/u.test(ch)) continue;
    if (/\p{Script=Latin}/u.test(ch)) {
      latin++;
      if (VIETNAMESE.test(ch)) vietnamese++;
      continue;
    }
    for (const [re, lang] of SCRIPTS) {
      if (re.test(ch)) {
        counts.set(lang, (counts.get(lang) ?? 0) + 1);
        break;
      }
    }
  }
  // A CJK character is a word or a syllable: weigh it as a few Latin letters, so an English
  // abstract naming a Chinese dataset stays English and a Chinese summary with English terms does not.
  const weighted = (lang: string, n: number) => (lang === 'zh' || lang === 'ja' || lang === 'ko' ? n * 3 : n);
  let other = 0;
  for (const [lang, n] of counts) other += weighted(lang, n);
  if (other > 0 && other >= 0.3 * (other + latin)) {
    // Japanese mixes kana with Han: any real share of kana makes it Japanese.
    const ja = counts.get('ja') ?? 0;
    if (ja > 0 && ja >= 0.1 * ((counts.get('zh') ?? 0) + ja)) return 'ja';
    return [...counts].sort((a, b) => weighted(b[0], b[1]) - weighted(a[0], a[1]))[0]![0];
  }
  if (vietnamese >= 3 && vietnamese >= 0.04 * latin) return 'vi';
  return latinLanguage(text);
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * English unless another language's function words clearly outnumber English ones. In an ASCII
 * text the letters are a-z once lowercased: the plain class finds the same words several times
 * faster than the Unicode property.
 */
function latinLanguage(text: string, ascii = false): string | null {
  const low = text.toLowerCase().replace(/\bhttps?:\/\/\S+/g, ' ');
  const words = (ascii ? low.match(/[a-z]+/g) : low.match(/\p{L}+/gu)) ?? [];
  if (words.length < 15) return null;
  const score = (lang: string) => {
    let n = 0;
    for (const w of words) if (STOPWORDS[lang]!.has(w)) n++;
    return n;
  };
  const en = score('en');
  if (en >= 0.1 * words.length) return null; // plainly English: the usual case, decided here
  let best: [string, number] = ['en', en];
  for (const lang of ['fr', 'de', 'es', 'pt']) {
    const s = score(lang);
    if (s > best[1]) best = [lang, s];
  }
  return best[0] !== 'en' && best[1] >= 2 * en && best[1] >= 0.1 * words.length ? best[0] : null;
}

/** English function words: the probes the word count below compares with. */
const ENGLISH_WORDS = ['the', 'of', 'and', 'to', 'in', 'a', 'is', 'we', 'for', 'with', 'on', 'that', 'are', 'by'];

/** A word of at most 4 ASCII characters (no NUL) as a number, its codes in base 128; else -1. */
function shortWordCode(text: string, from: number, to: number): number {
  if (to - from > 4) return -1;
  let code = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || c === 0) return -1;
    code = code * 128 + c;
  }
  return code;
}

const ENGLISH_CODES = new Set(ENGLISH_WORDS.map((w) => shortWordCode(w, 0, w.length)));

/**
 * True when English function words are a tenth of the words of the text's first 300 characters.
 * Most bodies are English abstracts, so this runs on nearly every record: splitting them into
 * words (Unicode or not) and hashing each cost 15-55 us a record, 10% of an ingest's CPU.
 *
 * Words are what lies between two single spaces (the count of " the ", " of "... occurrences):
 * one walk from space to space, each short word looked up as a number (fourteen indexOf passes
 * over the sample were 7% of a worker's time; slicing each word out, 2%).
 */
function plainlyEnglish(text: string): boolean {
  const end = Math.min(text.length, 300);
  let words = 1;
  let en = 0;
  let prev = -1;
  for (let i = text.indexOf(' '); i >= 0 && i < end; i = text.indexOf(' ', i + 1)) {
    words++;
    if (prev >= 0 && i - prev > 1 && ENGLISH_CODES.has(shortWordCode(text, prev + 1, i))) en++;
    prev = i;
  }
  return words >= 12 && en >= 0.1 * words;
}

/** Page comments scrapers stored as abstracts (see the top of this file). */
const BOT_MESSAGE =
  /\bautomated message from the \[?librarian bot\b|\bI found the following papers similar to this paper\b|@librarian-bot recommend|^\s*this is an automated (?:message|comment)\b/i;
const THANKS =
  /^\W*(?:thanks?(?: you)?|thx|great|nice|awesome|amazing|interesting|cool|congrat(?:s|ulations)?|impressive)\b[^.!?\n]{0,60}[.!?\s\p{Emoji_Presentation}]*$/iu;
/** "Code: https://...", "Project page: https://..." and the like. */
const LINK_LINE =
  /^\s*[-*•]?\s*(?:code|project(?: page)?|page|paper|demo|github|repo(?:sitory)?|website|homepage|dataset|data|model|models|weights|blog|video|huggingface|hf|space|arxiv|pdf)\s*[:：]\s*\S+\s*$/i;

/** True when the text is a comment (bot message, author's link note, thanks) and not an abstract. */
export function isComment(text: string): boolean {
  const t = text.trim();
  // A bot says what it is in its first sentence: the rest of a long body need not be searched.
  if (BOT_MESSAGE.test(t.length > 400 ? t.slice(0, 400) : t)) return true;
  if (t.length <= 80 && THANKS.test(t)) return true;
  if (t.length >= 400) return false;
  // An author note: nothing but labelled links, one or a few, on their own lines (or run together
  // on one line once a reader unwrapped it).
  const lines = t.split(/\n+|(?<=\S)\s+(?=(?:code|project page|demo|github|website|dataset|models?|paper)\s*[:：])/i);
  return lines.length <= 6 && lines.every((l) => LINK_LINE.test(l));
}

/** What a body text is: none, a comment, a summary in another language, or the abstract. */
export function classifyBody(text: string): BodyKind {
  if (!/\S/.test(text)) return { kind: 'none', lang: null };
  if (isComment(text)) return { kind: 'comment', lang: detectLanguage(text) };
  const lang = detectLanguage(text);
  if (lang !== null) return { kind: 'summary', lang };
  return { kind: 'abstract', lang: null };
}

/**
 * The record with its textKind set and, for a summary or a comment, the body moved from
 * `abstract` to `summary`. A record whose reader already said what its text is passes unchanged.
 */
export function withBodyKind(rec: DigestRecord): DigestRecord {
  return rec.textKind !== undefined ? rec : setBodyKind({ ...rec });
}

/**
 * withBodyKind on a record the caller owns, changed in place (the fields set in the order
 * withBodyKind's copy adds them): splitDigest's cleaned copy of each record, which a second copy
 * per record would only give the collector to free.
 */
export function setBodyKind(rec: DigestRecord): DigestRecord {
  if (rec.textKind !== undefined) return rec;
  if (rec.abstract.trim().length === 0) {
    const summary = rec.summary ?? '';
    rec.textKind = summary ? 'summary' : 'none';
    rec.summaryLang = rec.summaryLang ?? (summary ? detectLanguage(summary) : null);
    return rec;
  }
  const { kind, lang } = classifyBody(rec.abstract);
  if (kind === 'abstract') {
    rec.textKind = 'abstract';
    return rec;
  }
  const summary = rec.summary ? `${rec.summary}\n\n${rec.abstract}` : rec.abstract;
  rec.abstract = '';
  rec.summary = summary;
  rec.summaryLang = lang;
  rec.textKind = kind;
  return rec;
}
