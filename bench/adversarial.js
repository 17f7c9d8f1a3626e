// npm run bench -- --adversarial [--case NAME] [--timeout-s 60]
//
// Inputs built to make a super-linear pass crawl: long runs of one character where a regular
// expression could backtrack, deep nesting for a parser, escape sequences for the sanitiser. Each
// case calls the public function (or reader) over dist/, whatever its implementation, in a child
// process of its own with a time limit, and prints MB/s. A linear pass does these in milliseconds;
// a quadratic one takes seconds to minutes, and shows as "over N s".
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const DIST = path.join(import.meta.dirname, '..', 'dist');
const load = (p) => import(path.join(DIST, p));

/**
 * A markdown digest whose first record's body opens a link, then repeats `](<the paper's URL>#`
 * with no space until one far `)` after a space: each repeat is a candidate close whose check
 * reads on to that `)`.
 */
function unclosedMarkdownLinks(bytes) {
  const url = 'https://huggingface.co/papers/2606.00683';
  const head = `# Daily Papers\n\n### [A Paper Title That Is Long Enough](${url})\n\n[`;
  const unit = `](${url}#x`;
  return `${head}${unit.repeat(Math.ceil(bytes / unit.length))} )\n`;
}

/** Each case: the input and the call. Inputs are the sizes named in issue 13. */
const CASES = {
  'unwrapAbstract: 200k spaces': async () => {
    const { unwrapAbstract } = await load('formats/text.js');
    return [' '.repeat(200_000) + 'x', (s) => unwrapAbstract(s)];
  },
  'sentenceStarts: 100k dots': async () => {
    const { sentenceStarts } = await load('extract/sentences.js');
    return ['.'.repeat(100_000) + 'x', (s) => sentenceStarts(s)];
  },
  'extractClaims: 100k dots before 5%': async () => {
    const { extractClaims } = await load('extract/claims.js');
    return ['.'.repeat(100_000) + '5%', (s) => extractClaims(s)];
  },
  'extractAll: 100k dots before 5x': async () => {
    const { extractAll } = await load('extract/index.js');
    return ['.'.repeat(100_000) + '5x', (s) => extractAll('t', s)];
  },
  'isClippedTitle: title of 100k dots': async () => {
    // Wherever it lives (normalize.ts, or dedup/prefer.ts after the records work).
    let mod = await load('normalize.js');
    if (!mod.isClippedTitle) mod = await load('dedup/prefer.js');
    return ['.'.repeat(100_000) + 'x', (s) => mod.isClippedTitle(s)];
  },
  'markdown reader: 1.7 MB of unclosed links': async () => {
    const { markdownReader } = await load('formats/markdown.js');
    return [unclosedMarkdownLinks(1_700_000), (s) => tryParse(() => markdownReader.split(s, 'digest.md'))];
  },
  'markdown reader: 400k spaces in an abstract': async () => {
    const { markdownReader } = await load('formats/markdown.js');
    const url = 'https://huggingface.co/papers/2606.00683';
    const text = `# Daily Papers\n\n### [A Paper Title That Is Long Enough](${url})\n\n[Recent${' '.repeat(400_000)}progress \\\nhere.](${url})\n`;
    return [text, (s) => tryParse(() => markdownReader.split(s, 'digest.md'))];
  },
  'html reader: 100k nested divs': async () => {
    const { htmlReader } = await load('formats/html.js');
    const text = `<html><body>${'<div>'.repeat(100_000)}<h3><a href="/papers/2606.00683">A Title</a></h3>${'</div>'.repeat(100_000)}</body></html>`;
    return [text, (s) => tryParse(() => htmlReader.split(s, 'digest.html'))];
  },
  'html-cards reader: 8,000 cards in one list': async () => {
    // Each card's boundary is where its ancestors start to hold another paper's link: asked of
    // every ancestor in turn, that was O(cards²) (2,000 cards took 45 s).
    const { htmlCardsReader } = await load('formats/htmlCards.js');
    const card = (i) =>
      `<div class="paper-card"><h2 class="paper-title"><a href="https://huggingface.co/papers/2501.${10000 + i}">Adapters for task number ${i} at scale</a></h2><p class="abstract-text">We study low-rank adaptation and report gains on twelve benchmarks.</p><a href="https://arxiv.org/pdf/2501.${10000 + i}">pdf</a></div>`;
    const text = `<html><body><div class="list">${Array.from({ length: 8000 }, (_, i) => card(i)).join('')}</div></body></html>`;
    return [text, (s) => tryParse(() => htmlCardsReader.split(s, 'cards.html'))];
  },
  'cleanText: 1 MB of escape sequences': async () => {
    const { cleanText } = await load('sanitize.js');
    const unit = '\x1b[31mred\x1b[0m \x1b]8;;https://e.example\x1b\\l\x1b]8;;\x1b\\ \x9d52;c;AAAA\x07 \u202e';
    return [unit.repeat(Math.ceil(1_000_000 / unit.length)), (s) => cleanText(s)];
  },
  'cleanText: 1 MB of unterminated OSC introducers': async () => {
    const { cleanText } = await load('sanitize.js');
    return ['\x1b]'.repeat(500_000), (s) => cleanText(s)];
  },
};

/** A reader may refuse an adversarial text (a ParseError): that is an answer too, and fast is what counts. */
function tryParse(fn) {
  try {
    return fn();
  } catch (err) {
    if (err?.name === 'ParseError') return null;
    throw err;
  }
}

/** Runs one case in this process: prints `bytes seconds` on stdout. */
async function runCase(name) {
  const [input, fn] = await CASES[name]();
  fn(input.slice(0, 2000)); // warm up: compile the code paths, load lazy modules
  const start = process.hrtime.bigint();
  fn(input);
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  process.stdout.write(`${Buffer.byteLength(input)} ${secs}\n`);
}

/** Runs every case in a child process with a time limit, and prints a table. */
export async function runAdversarial({ timeoutS = 60 } = {}) {
  console.log(`\nadversarial inputs (each in its own process, limit ${timeoutS} s):`);
  for (const name of Object.keys(CASES)) {
    const r = spawnSync(process.execPath, [import.meta.filename, '--case', name], {
      encoding: 'utf8',
      timeout: timeoutS * 1000,
      maxBuffer: 1 << 20,
    });
    let figure;
    if (r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGTERM') figure = `over ${timeoutS} s   (super-linear)`;
    else if (r.status !== 0) figure = `failed: ${(r.stderr || '').trim().split('\n').slice(-1)[0]}`;
    else {
      const [bytes, secs] = r.stdout.trim().split(' ').map(Number);
      const mbs = bytes / 2 ** 20 / Math.max(secs, 1e-6);
      figure = `${(bytes / 2 ** 20).toFixed(2)} MB in ${(secs * 1000).toFixed(1)} ms   ${mbs.toFixed(mbs < 1 ? 3 : 1)} MB/s`;
    }
    console.log(`  ${name.padEnd(48)} ${figure}`);
  }
}

const i = process.argv.indexOf('--case');
if (i > 0 && process.argv[1] === import.meta.filename) {
  await runCase(process.argv[i + 1]);
}
