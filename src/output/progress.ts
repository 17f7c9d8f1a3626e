/**
 * A progress bar on stderr for long ingests: files, records, rate and ETA. Only for a person at a
 * terminal: silent when stderr is not a TTY, with --quiet or with --json.
 */

export interface ProgressState {
  filesDone: number;
  filesTotal: number;
  records: number;
  bytes: number;
}

/** The bar's text for a state (pure, for tests): `[#####.....] 12/40 files  3,200 records  1.2 MB/s  ETA 0:42`. */
export function renderProgress(s: ProgressState, elapsedMs: number, width = 80): string {
  const frac = s.filesTotal > 0 ? s.filesDone / s.filesTotal : 0;
  const secs = Math.max(elapsedMs / 1000, 1e-3);
  const rate = s.records / secs;
  const eta = frac > 0 ? (secs / frac) * (1 - frac) : NaN;
  const info = ` ${s.filesDone}/${s.filesTotal} files  ${s.records.toLocaleString('en-US')} records  ${Math.round(rate).toLocaleString('en-US')}/s  ${(s.bytes / 1048576 / secs).toFixed(1)} MB/s  ETA ${clock(eta)}`;
  const barWidth = Math.max(10, Math.min(30, width - info.length - 3));
  const filled = Math.round(frac * barWidth);
  return `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}]${info}`;
}

function clock(secs: number): string {
  if (!Number.isFinite(secs)) return '--:--';
  const s = Math.round(secs);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${r}` : `${m}:${r}`;
}

export class ProgressBar {
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawn = false;

  constructor(private readonly stream: NodeJS.WriteStream & { columns?: number }) {}

  /** Redraws at most ten times a second; the last state is always drawn by done(). */
  update(s: ProgressState, force = false): void {
    const now = Date.now();
    if (!force && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.stream.write(`\r${renderProgress(s, now - this.started, this.stream.columns ?? 80)}\x1b[K`);
    this.drawn = true;
  }

  /** Clears the bar so the summary starts on a clean line. */
  done(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
  }
}
