// Runs the papers CLI in this process and reports its peak resident set size, CPU time, bytes
// written to disk (Linux) and where the memory is at the end on stderr, so the bench measures the
// real command.
import fs from 'node:fs';
import { main } from '../dist/cli.js';

const code = await main(['node', 'papers', ...process.argv.slice(2)]);
const m = process.memoryUsage();
const ru = process.resourceUsage();
const mb = (n) => (n / 2 ** 20).toFixed(0);
let written = NaN;
try {
  written = Number(/^write_bytes: (\d+)/m.exec(fs.readFileSync('/proc/self/io', 'utf8'))?.[1] ?? NaN);
} catch {
  // not Linux: no figure
}
process.stderr.write(
  `peak_rss_bytes=${ru.maxRSS * 1024}\n` +
    `cpu_seconds=${(ru.userCPUTime + ru.systemCPUTime) / 1e6}\n` +
    `disk_write_bytes=${written}\n` +
    `at exit: rss ${mb(m.rss)} MB, heap used ${mb(m.heapUsed)} of ${mb(m.heapTotal)} MB, external ${mb(m.external)} MB, array buffers ${mb(m.arrayBuffers)} MB\n`,
);
process.exitCode = code;
