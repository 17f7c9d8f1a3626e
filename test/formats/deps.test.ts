/**
 * The readers' parsing libraries load when a file needs them (src/deps.ts), not with every run:
 * checked in a fresh Node process on the built program, since a test runner shares its modules.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '..', '..');

/** The libraries of src/deps.ts loaded after splitting `text` as `name` with dist/formats. */
function loadedAfterSplitting(text: string, name: string): { papers: number; libs: string[] } {
  const script = `
    import { createRequire } from 'node:module';
    const { splitDigest } = await import(${JSON.stringify(path.join(ROOT, 'dist', 'formats', 'index.js'))});
    let papers = 0;
    try {
      papers = splitDigest(process.argv[1], process.argv[2]).records.length;
    } catch {}
    const cache = Object.keys(createRequire(import.meta.url).cache);
    const libs = ['cheerio', 'fast-xml-parser', 'csv-parse', 'yaml', 'fflate'];
    console.log(JSON.stringify({ papers, libs: libs.filter((l) => cache.some((f) => f.includes('/node_modules/' + l + '/'))) }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, text, name], { encoding: 'utf8' });
  return JSON.parse(out) as { papers: number; libs: string[] };
}

describe('parsing libraries on first use', () => {
  it('a text copy of a listing page loads none of them', () => {
    const seeds = path.join(ROOT, 'fixtures', 'seeds');
    const text = fs.readFileSync(path.join(seeds, fs.readdirSync(seeds).sort()[0]!), 'utf8');
    const split = loadedAfterSplitting(text, 'digest.txt');
    expect(split.papers).toBeGreaterThan(10);
    expect(split.libs).toEqual([]);
  });

  it('an HTML page loads cheerio, a feed the XML parser', () => {
    const html = '<html><body><a href="https://huggingface.co/papers/2401.00001">A Title of a Paper</a></body></html>';
    expect(loadedAfterSplitting(html, 'page.html').libs).toContain('cheerio');
    const rss =
      '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>A Title</title><link>https://arxiv.org/abs/2401.00001</link></item></channel></rss>';
    expect(loadedAfterSplitting(rss, 'feed.xml').libs).toEqual(['fast-xml-parser']);
  });

  it('no module but src/deps.ts imports them as values (an ES import would load them with every run)', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, e.name);
        if (e.isDirectory()) walk(file);
        else if (file.endsWith('.ts') && !file.endsWith(`${path.sep}deps.ts`)) {
          const text = fs.readFileSync(file, 'utf8');
          if (/^import (?!type )[^;]*from '(?:cheerio|fast-xml-parser|csv-parse|yaml|fflate)[/']/m.test(text))
            offenders.push(file);
        }
      }
    };
    walk(path.join(ROOT, 'src'));
    expect(offenders).toEqual([]);
  });
});
