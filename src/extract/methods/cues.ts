/**
 * The role cues ("we propose", "outperforms", "over") as one regex with a group per kind, and
 * the start sieve that finds where a cue can begin.
 */
import { SIEVE_SEP, StartSieve } from '../sieve.js';

// Cues before a mention. The last one (nearest) decides, if what lies between it and the mention
// does not break the link (gap rules in roles.ts).
const ROLE_CUE_SOURCE = [
  String.raw`(?<p>\bwe\s+(?:\w+\s+){0,2}?(?:propose|introduce|present|develop|design|devise|put\s+forward|contribute|name|call|term|dub)\b` +
    String.raw`|\b(?:this|the\s+present)\s+(?:paper|work|study|article|letter|report)\s+(?:\w+\s+)?(?:proposes|introduces|presents|develops|designs|devises|puts\s+forward)\b` +
    String.raw`|(?<!so-)\b(?:dubbed|named|called|termed|coined|namely)\b|\b(?:the|our)\s+(?:newly\s+)?proposed\b|\bour\s+(?:new|novel)\b)`,
  String.raw`(?<o>\bover\b)`,
  String.raw`(?<c>\boutperform\w*|\bsurpass\w*|\bbeat(?:s|ing)?\b|\bexceed\w*|\bcompar(?:e|es|ed|ing)\b|\bcomparisons?\b|\bthan\b|\bversus\b|\bvs\b\.?|\bagainst\b|\brelative\s+to\b|\bbaselines?\b|\bunlike\b|\bin\s+contrast\s+(?:to|with)\b|\bdifferent\s+from\b|\bimprov\w+\s+(?:up)?on\b|\bsuperior\s+to\b|\bon\s+par\s+with\b|\bcompetitive\s+with\b|\brival\w*|\balternatives?\s+(?:to|for)\b|\bsubstitutes?\s+(?:to|for)\b|\bas\s+opposed\s+to\b|\binstead\s+of\b|\breplac\w+)`,
].join('|');
/** Sticky: run only where the sieve says a cue may begin (see CueScanner in roles.ts). */
export const ROLE_CUE_AT = new RegExp(ROLE_CUE_SOURCE, 'iy');
/**
 * The first characters of every cue above (each starts with `\b` and a word character, so at a
 * word start). `SIEVE_SEP` stands for the `\s` after "we", "in", "on", "as"; "vs" takes anything
 * after it. test/extract/sieve.test.ts checks the sieve against the regex.
 */
export const ROLE_CUE_PREFIXES = [
  `we${SIEVE_SEP}`,
  ...['thi', 'the', 'dub', 'nam', 'cal', 'ter', 'coi', 'our'],
  'ove',
  ...['out', 'sur', 'bea', 'exc', 'com', 'tha', 'ver', 'vs', 'aga', 'rel', 'bas', 'unl', 'dif', 'imp', 'sup'],
  ...['riv', 'alt', 'sub', 'ins', 'rep'],
  ...['in', 'on', 'as'].map((w) => w + SIEVE_SEP),
];
export const ROLE_CUE_SIEVE = new StartSieve(ROLE_CUE_PREFIXES);
