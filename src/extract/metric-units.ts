/**
 * Which units fit a metric, so a numeric filter on a metric compares like with like: the
 * extractor ties the nearest metric word to a number, and "25% faster", "17 seconds" and "15x"
 * all land on `speedup`, but only the multiplier is a speedup of 15. A metric not listed here
 * fits every unit (we cannot tell). `null` stands for a bare number ("a speedup of 3.23").
 */
const RATE: readonly (string | null)[] = ['%', 'pp', 'points', null];
const TIME = ['ns', 'µs', 'ms', 's', 'min', 'h', 'days', 'GPU hours', 'GPU days'];
const BYTES = ['bits', 'bytes', 'KB', 'MB', 'GB', 'TB', 'PB', 'KiB', 'MiB', 'GiB', 'TiB', 'Gb', 'Mb', 'kb'];

export const METRIC_UNITS: Readonly<Record<string, readonly (string | null)[]>> = {
  speedup: ['x', null],
  compression: ['x', null],
  accuracy: RATE,
  'error rate': RATE,
  'success rate': RATE,
  'attack success rate': RATE,
  'win rate': RATE,
  'pass rate': RATE,
  'hallucination rate': RATE,
  'exact match': RATE,
  F1: RATE,
  recall: RATE,
  precision: RATE,
  AUC: RATE,
  mAP: RATE,
  IoU: RATE,
  BLEU: RATE,
  ROUGE: RATE,
  parameters: ['parameters', null],
  memory: BYTES,
  storage: BYTES,
  latency: TIME,
  'training time': TIME,
  throughput: ['tokens/s', 'fps', 'it/s', 'images/s', 'samples/s', 'QPS', null],
  cost: ['USD', null],
  compute: ['FLOPs', 'GFLOPs', 'TFLOPs', 'PFLOPs', 'MFLOPs', 'MACs', 'GPU hours', 'GPU days', null],
  perplexity: [null],
  FID: [null],
  PSNR: ['dB', null],
};

/** The units that fit a metric (matched case-insensitively), or null when any unit does. */
export function unitsFor(metric: string): readonly (string | null)[] | null {
  const key = Object.keys(METRIC_UNITS).find((k) => k.toLowerCase() === metric.toLowerCase());
  return key === undefined ? null : METRIC_UNITS[key]!;
}

/** An SQL condition (with its parameters) that a claim's unit column fits the metric; null when all fit. */
export function unitFitSql(metric: string, column: string): { sql: string; params: string[] } | null {
  const units = unitsFor(metric);
  if (!units) return null;
  const named = units.filter((u): u is string => u !== null);
  const parts: string[] = [];
  if (named.length) parts.push(`${column} IN (${named.map(() => '?').join(',')})`);
  if (units.includes(null)) parts.push(`${column} IS NULL`);
  return { sql: `(${parts.join(' OR ')})`, params: named };
}
