// How the bench times things: the real CLI in a child process (Node start included, as a user
// pays it), its own peak RSS and CPU reported by bench/measure.js, medians over several runs.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.join(import.meta.dirname, '..');
export const BIN = path.join(ROOT, 'bin', 'papers.js');

/** Seconds since `start` (a process.hrtime.bigint()). */
export function seconds(start) {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Runs `papers ARGS` in a child that reports its own peak RSS, CPU and disk writes (bench/measure.js).
 * With `profileDir`, the child also writes a V8 CPU profile per thread (main and each worker) there.
 */
export function measured(args, profileDir = null) {
  const start = process.hrtime.bigint();
  const prof = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const r = spawnSync(process.execPath, [...prof, path.join(ROOT, 'bench', 'measure.js'), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const wall = seconds(start);
  if (r.status !== 0 && r.status !== 1) throw new Error(`papers ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  const figure = (name) => Number(new RegExp(`${name}=([0-9.]+)`).exec(r.stderr)?.[1] ?? NaN);
  return {
    wall,
    rss: figure('peak_rss_bytes'),
    cpu: figure('cpu_seconds'),
    written: figure('disk_write_bytes'),
    stdout: r.stdout,
  };
}

/** Median wall time of a query over several runs, Node start included. */
export function queryLatency(db, args, runs = 7) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [BIN, 'query', ...args, '--db', db, '--json', '--limit', '20'], { encoding: 'utf8' });
    times.push(seconds(start));
    if (r.status !== 0) throw new Error(r.stderr);
  }
  return median(times);
}

/** Median wall time of a bare `node -e 0`: the floor under every query latency. */
export function nodeStart(runs = 7) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    times.push(seconds(start));
  }
  return median(times);
}
