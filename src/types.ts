/**
 * Shared domain types. The pipeline is:
 *   file -> text -> DigestRecord[] (per format) -> dedup -> Paper (+ extractions) -> SQLite -> output.
 * Everything in here is plain data: no classes with behaviour, so values cross worker and test
 * boundaries unchanged.
 */
import type { CLAIM_KINDS, ROLES, SORTS } from './vocabulary.js';

/** One paper as read from one digest file, before deduplication ("a sighting" once stored). */
export interface DigestRecord {
  /** 1-based order of the record in its file. */
  position: number;
  /** The title as the page shows it (cleaned of chrome and markup, otherwise verbatim). */
  title: string;
  /** The abstract as read, unwrapped into one paragraph; "" when the form carries none. */
  abstract: string;
  /** arXiv id ("2405.15738") when the form carries one, else null. */
  arxivId: string | null;
  /** Author names in page order; [] when unknown. */
  authors: string[];
  /** Upvotes on the site, when the form carries them. */
  upvotes: number | null;
  /** The paper's own publication date (YYYY-MM-DD), distinct from the digest date. */
  publishedAt: string | null;
  /** GitHub repository URLs the form gives as a field (not found in the abstract). */
  siteRepos: string[];
  /** Other URLs the form gives as fields (project page, etc.). */
  siteLinks: string[];
  /** The arXiv version the form named ("2405.15738v2" -> 2), when it named one. */
  arxivVersion?: number | null;
  /**
   * Text that stands where an abstract would but is not the paper's abstract: a translation, an
   * LLM-written lay summary, a page comment a scraper stored. Kept, never made canonical. "" or
   * absent when none.
   */
  summary?: string;
  /** The language of `summary` ("zh", "ko", "vi", "en", ...), when known. */
  summaryLang?: string | null;
  /** What the record's body text is; absent means "decide from the text" (see splitDigest). */
  textKind?: TextKind;
  /**
   * The date of the digest part this record was listed in (YYYY-MM-DD, or --MM-DD without a
   * year), when a file holds several digests with dates of their own; absent otherwise, and then
   * the file's `SplitResult.digestDate` applies.
   */
  digestDate?: string | null;
}

/** What a sighting's body text is: the paper's abstract, a summary or translation, a comment, or nothing. */
export const TEXT_KINDS = ['abstract', 'summary', 'comment', 'none'] as const;
export type TextKind = (typeof TEXT_KINDS)[number];

/** What a claim's number is (the list, written once, is CLAIM_KINDS in vocabulary.ts). */
export type ClaimKind = (typeof CLAIM_KINDS)[number];

/** What a paper does with a method, strongest first (ROLES in vocabulary.ts). */
export type MethodRole = (typeof ROLES)[number];

/** The orders `query --sort` accepts (SORTS in vocabulary.ts). */
export type SortOrder = (typeof SORTS)[number];

/**
 * A paper's canonical record: the best copy of each field among its sightings. Keys are the
 * database's column names (the ingest writes it as is).
 */
export interface CanonicalPaper {
  id: string;
  arxiv_id: string | null;
  title: string;
  abstract: string;
  /** Author names as a JSON array. */
  authors: string;
  upvotes: number | null;
  published_at: string | null;
  /** The source rank (dedup/sources.ts) of the sighting the title came from; 0 when unknown. */
  title_rank: number;
  /** The source rank of the sighting the abstract came from; 0 when unknown. */
  abstract_rank: number;
}

/** What a format reader returns for one file. */
export interface SplitResult {
  /** Name of the form that matched, e.g. "text-spaced", "hf-api-json". */
  format: string;
  /** The digest's own date (the page's date line, a wrapper's date field), YYYY-MM-DD or null. */
  digestDate: string | null;
  records: DigestRecord[];
  /** Non-fatal problems worth telling the user (e.g. a record dropped for having no title). */
  warnings: string[];
}

/**
 * A reader for one input form. `detect` looks at content first; the file name is only a hint.
 * `split` is pure and throws only `ParseError`.
 */
export interface FormatReader {
  name: string;
  /** A confidence in [0, 1]; the registry picks the highest above 0. */
  detect(text: string, fileName: string): number;
  split(text: string, fileName: string): SplitResult;
  /**
   * The most `detect` ever returns, when below 1: the registry does not ask a reader that cannot
   * reach the contenders of a claim already made (see bestSplit).
   */
  maxConfidence?: number;
}

/** The typed error a splitter may throw on input it recognised but cannot read. */
export class ParseError extends Error {
  override name = 'ParseError';
}

/** A GitHub repository linked from a paper. */
export interface CodeLink {
  /** The URL as cleaned (scheme added, trailing punctuation and `.git` removed). */
  url: string;
  owner: string;
  repo: string;
  /** Deeper path after owner/repo ("/tree/main/x"), or null. */
  path: string | null;
  /** "available": the text says it is out; "promised": "will be released at ...". */
  status: 'available' | 'promised';
  /** "abstract": found in the text; "site": given by the input form as a field. */
  source: 'abstract' | 'site';
}

/** A non-GitHub link found in a paper: project page, Hugging Face, GitLab, ... */
export interface Link {
  url: string;
  /** "project-page", "huggingface", "gitlab", "gitee", "arxiv", "other". */
  kind: string;
}

/** A numeric claim found in an abstract. */
export interface Claim {
  /** The exact span of the abstract, `abstract.slice(start, end) === text`. */
  text: string;
  start: number;
  end: number;
  /** The number with magnitudes resolved (0.3M -> 300000); for a range, its upper bound. */
  value: number;
  /** For ranges ("1.5-2.7x"): the bounds; otherwise both null. */
  low: number | null;
  high: number | null;
  /** "%", "x", "parameters", "tokens", "examples", "ms", "GB", ... or null for a bare count. */
  unit: string | null;
  kind: ClaimKind;
  /** The measured thing when the sentence names it ("accuracy", "speedup", "memory"), else null. */
  metric: string | null;
  /** "up to", "over", "about", "less than", "only", "+", or null. */
  qualifier: string | null;
  /** The sentence the claim sits in. */
  sentence: string;
}

/** A fine-tuning (or adjacent) method a paper involves. */
export interface MethodTag {
  /** Taxonomy family, e.g. "lora", "adapter", "prompt-tuning". */
  family: string;
  /** Canonical member name, e.g. "QLoRA"; the family's own name when only the family is named. */
  name: string;
  /** "proposed" by the paper, "compared" against, or merely "used". */
  role: MethodRole;
}

/** Everything the extractors find in one paper. */
export interface Extraction {
  github: CodeLink[];
  links: Link[];
  claims: Claim[];
  methods: MethodTag[];
}

// ---------------------------------------------------------------------------------------------
// The JSON contract: the paper object of `query`, `show` and `export` (built in db/read.ts).

/** A sighting as it appears inside a paper object. */
export interface SightingRef {
  file: string;
  position: number;
  /** The digest date of the file (YYYY-MM-DD, or --MM-DD when the page shows no year). */
  date: string | null;
  title: string;
  rule: string;
  score: number;
  /** A summary, translation or comment seen where the abstract stands ("" when none); never canonical. */
  summary: string;
  /** The summary's language ("zh", "ko", ...) when known. */
  summary_lang: string | null;
  /** What the sighting's body text is: abstract, summary, comment or none (null: stored before this was known). */
  text_kind: string | null;
  /** The arXiv version the input named (2 for "2405.15738v2"), when it named one. */
  arxiv_version: number | null;
  /**
   * The digest date this sighting counts on: its own part's date when its file holds several
   * pasted digests with dates of their own, else its file's (`date`).
   */
  digest_date: string | null;
}

/** A code link as stored: with when it was first seen promised / available (YYYY-MM-DD or null). */
export interface StoredCodeLink extends CodeLink {
  promised_since?: string | null;
  available_since?: string | null;
}

/** The paper object: the same in `query`, `show` and `export`. Keys are only ever added. */
export interface PaperRecord {
  id: string;
  arxiv_id: string | null;
  title: string;
  abstract: string;
  authors: string[];
  upvotes: number | null;
  published_at: string | null;
  first_seen: string | null;
  last_seen: string | null;
  has_code: boolean;
  /** The paper's page: huggingface.co/papers/ID when it has an arXiv id, else null. */
  url: string | null;
  /** arxiv.org/abs/ID and arxiv.org/pdf/ID, or null without an arXiv id. */
  arxiv_url: string | null;
  pdf_url: string | null;
  github: StoredCodeLink[];
  links: Link[];
  claims: Claim[];
  methods: MethodTag[];
  sightings: SightingRef[];
}

export const PAPER_FIELDS = [
  'id',
  'arxiv_id',
  'title',
  'abstract',
  'authors',
  'upvotes',
  'published_at',
  'first_seen',
  'last_seen',
  'has_code',
  'url',
  'arxiv_url',
  'pdf_url',
  'github',
  'links',
  'claims',
  'methods',
  'sightings',
] as const satisfies readonly (keyof PaperRecord)[];
