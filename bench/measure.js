// Runs the papers CLI in this process and reports its peak resident set size (and where the
// memory is at the end) on stderr, so the bench measures the real command and its memory.
import { main } from '../dist/cli.js';

const code = await main(['node', 'papers', ...process.argv.slice(2)]);
const m = process.memoryUsage();
const mb = (n) => (n / 2 ** 20).toFixed(0);
process.stderr.write(
  `peak_rss_bytes=${process.resourceUsage().maxRSS * 1024}\n` +
    `at exit: rss ${mb(m.rss)} MB, heap used ${mb(m.heapUsed)} of ${mb(m.heapTotal)} MB, external ${mb(m.external)} MB, array buffers ${mb(m.arrayBuffers)} MB\n`,
);
process.exitCode = code;
