/**
 * The role a method mention plays in its abstract (proposed, compared, used), read from cues
 * before it in its sentence ("we propose", "outperforms", "over") and a few patterns after it.
 */
import type { MethodRole } from '../../types.js';
import { sentenceIndex } from '../sentences.js';
import { ROLE_CUE_AT, ROLE_CUE_SIEVE } from './cues.js';

// Between "we propose" and the mention, these mean the mention is a tool, not the proposal
// ("we propose a framework that uses LoRA").
// Also when the object is a study, not a method (seed: "This paper presents a comprehensive
// analysis of the performance-forgetting trade-offs inherent in low-rank adaptation"), or the
// method is what gets improved (seed EVA: "We propose to enhance LoRA by initializing ..."; seed
// PVeRA: "we propose PVeRA, a probabilistic version of the VeRA adapter").
const PROPOSE_GAP_BREAK_RE =
  /\b(?:analys[ie]s|study|studies|survey|investigation|evaluation|review|comparison|benchmark|overview|understanding|examination|which|that|where|whose|while|using|uses?|used|apply|applies|applying|leverag\w*|employ\w*|utiliz\w*|based\s+on|built\s+(?:on|upon)|on\s+top\s+of|via|through|with|combin\w*|integrat\w*|incorporat\w*|to\s+(?:use|apply|adopt|leverage|employ|enhance|improve|extend|augment|boost|modify|combine|adapt)|(?:version|variant|extension|generali[sz]ation|modification)\s+of)\b|[;:]/i;
// A new main clause ends the comparison (seed: "Unlike full-model fine-tuning or major version
// updates, our method enables rapid remediation by prepending a compact, learnable prefix").
const COMPARE_GAP_BREAK_RE =
  /[;:]|,\s*(?:while|whereas|but|and\s+(?:we|it|our|they)|which|we|our|it|they|this|these|the\s+proposed)\b/i;
// "X, a novel ..." / "X (ours)".
export const SUFFIX_PROPOSE_RE = /^\s*(?:\([^()]{0,60}\)\s*)?(?:,\s*(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:novel|new)\b|\(ours\))/i;
export const PAREN_AFTER_RE = /^[^.;()]{0,80}\(\s*$/;
export const TITLE_VERSUS_RE = /\bvs\b\.?|\bversus\b/i;
const CUE_WINDOW = 250;
// What may stand between "over" and the method for it to be a comparison.
const OVER_GAP_RE =
  /^\s*(?:(?:the|a|an|both|all|simple|basic|default|standard|vanilla|plain|naive|existing|prior|previous|conventional|traditional|original|popular|strong|other|competing|baseline|state-of-the-art|SOTA|full)\s+){0,3}$/i;

/** Strength of a role: proposed > compared > used (ROLES in vocabulary.ts lists them strongest first). */
export const ROLE_RANK: Record<MethodRole, number> = { used: 0, compared: 1, proposed: 2 };

interface Cue {
  kind: 'p' | 'c' | 'o';
  index: number;
  end: number;
}

/**
 * Role cues of a text, found lazily: `upTo(pos)` scans only what the mentions need (the windows
 * before them), each character at most once, and keeps the cues in order.
 */
export class CueScanner {
  readonly cues: Cue[] = [];
  private scanned = 0;
  constructor(private readonly text: string) {}

  upTo(from: number, pos: number): Cue[] {
    if (pos <= this.scanned) return this.cues;
    const text = this.text;
    for (let p = ROLE_CUE_SIEVE.next(text, Math.max(from, this.scanned)); p >= 0; ) {
      ROLE_CUE_AT.lastIndex = p;
      const m = ROLE_CUE_AT.exec(text);
      if (m === null) {
        p = ROLE_CUE_SIEVE.next(text, p + 1);
        continue;
      }
      const g = m.groups!;
      const end = p + m[0].length;
      this.cues.push({ kind: g.p !== undefined ? 'p' : g.o !== undefined ? 'o' : 'c', index: p, end });
      if (end >= pos) {
        this.scanned = end;
        return this.cues;
      }
      p = ROLE_CUE_SIEVE.next(text, end);
    }
    this.scanned = this.text.length;
    return this.cues;
  }
}

export function roleAt(text: string, starts: number[], scanner: CueScanner, start: number, end: number): MethodRole {
  if (SUFFIX_PROPOSE_RE.test(text.slice(end, end + 120))) return 'proposed';
  const from = Math.max(starts[sentenceIndex(starts, start)]!, start - CUE_WINDOW);
  const cues = scanner.upTo(from, start);
  // Last cue ending at or before the mention.
  let lo = 0;
  let hi = cues.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && cues[i]!.index >= from; i--) {
    const cue = cues[i]!;
    const gap = text.slice(cue.end, start);
    if (cue.kind === 'p') {
      if (gap.length <= 100 && !PROPOSE_GAP_BREAK_RE.test(gap)) return 'proposed';
      if (/[;:]/.test(gap)) break;
      continue;
    }
    if (cue.kind === 'o') {
      // "over" only right before the mention: "improvement over LoRA", not "over 20 datasets".
      if (OVER_GAP_RE.test(gap)) return 'compared';
      continue;
    }
    if (gap.length <= 120 && !COMPARE_GAP_BREAK_RE.test(gap)) return 'compared';
    if (/[;:]/.test(gap)) break;
  }
  return 'used';
}
