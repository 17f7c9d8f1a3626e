// Runs the papers CLI in this process and reports its peak resident set size on stderr, so the
// bench measures the real command (not a library call) and its memory.
import { main } from '../dist/cli.js';

const code = await main(['node', 'papers', ...process.argv.slice(2)]);
process.stderr.write(`peak_rss_bytes=${process.resourceUsage().maxRSS * 1024}\n`);
process.exitCode = code;
