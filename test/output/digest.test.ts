import { load } from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import type { PaperRecord } from '../../src/db/read.js';
import {
  buildDigest,
  compareEntries,
  escapeMarkdown,
  headlineClaims,
  renderMarkdown,
  toEntry,
  type DigestPaper,
} from '../../src/output/digest.js';
import { escapeHtml, renderFeed, renderHtml } from '../../src/output/digest-html.js';

const TRICKY = 'LoRA & <Friends>: *Fast* [Adapters] at 50% of the_cost ]]> $x$ | ~y~ `z` #1';

function paper(over: Partial<PaperRecord> & { shown?: number } = {}): DigestPaper {
  return {
    id: 'p1',
    arxiv_id: '2605.01234',
    title: TRICKY,
    abstract: 'We propose FastLoRA. FastLoRA reaches 92.5% accuracy on GLUE.',
    authors: ['Ada <Lovelace>', 'José Núñez'],
    upvotes: 42,
    published_at: null,
    first_seen: '2026-05-11',
    last_seen: '2026-05-11',
    has_code: true,
    url: 'https://huggingface.co/papers/2605.01234',
    arxiv_url: 'https://arxiv.org/abs/2605.01234',
    pdf_url: 'https://arxiv.org/pdf/2605.01234',
    github: [{ url: 'https://github.com/o/r', owner: 'o', repo: 'r', path: null, status: 'promised', source: 'abstract' }],
    links: [],
    claims: [
      {
        text: '92.5%',
        start: 40,
        end: 45,
        value: 92.5,
        low: null,
        high: null,
        unit: '%',
        kind: 'percent',
        metric: 'accuracy',
        qualifier: null,
        sentence: 'FastLoRA reaches 92.5% accuracy on GLUE <b>.',
      },
    ],
    methods: [{ family: 'lora', name: 'LoRA', role: 'proposed' }],
    sightings: [],
    shown: 0,
    ...over,
  };
}

const digestOf = (papers: DigestPaper[], released: DigestPaper[] = [], groupBy: 'method' | 'none' = 'none') =>
  buildDigest({
    title: `Issue 1: ${TRICKY}`,
    made_at: '2026-12-01T10:00:00.000Z',
    since: null,
    until: null,
    after_digest: null,
    papers,
    released,
    groupBy,
  });

describe('escapeMarkdown', () => {
  it.each([
    ['plain words', 'plain words'],
    ['a *b* _c_', 'a \\*b\\* \\_c\\_'],
    ['[x](y)', '\\[x\\](y)'],
    ['<img src=x>', '\\<img src=x\\>'],
    ['AT&T &amp;', 'AT\\&T \\&amp;'],
    ['$10^9$ | ~a~ `c` #1', '\\$10^9\\$ \\| \\~a\\~ \\`c\\` \\#1'],
    ['- not a list', '\\- not a list'],
    ['1. not a list', '1\\. not a list'],
    ['two\nlines', 'two lines'],
    ['back\\slash', 'back\\\\slash'],
  ])('%j', (text, expected) => expect(escapeMarkdown(text)).toBe(expected));
  it.each([
    ['1. mid-line', '1. mid-line'],
    ['- mid-line', '- mid-line'],
    ['*still* escaped', '\\*still\\* escaped'],
  ])('mid-line %j', (text, expected) => expect(escapeMarkdown(text, false)).toBe(expected));
});

describe('digest model', () => {
  it('ranks by upvotes, then by how many digests showed the paper, then by id', () => {
    const es = [
      paper({ id: 'a', upvotes: 5, shown: 0 }),
      paper({ id: 'b', upvotes: 9, shown: 0 }),
      paper({ id: 'c', upvotes: 5, shown: 2 }),
      paper({ id: 'd', upvotes: null, shown: 3 }),
      paper({ id: 'e', upvotes: 5, shown: 0 }),
    ].map(toEntry);
    expect(es.sort(compareEntries).map((e) => e.id)).toEqual(['b', 'c', 'a', 'e', 'd']);
  });

  it('--top keeps the best N and counts the rest; --group-by method groups by the proposed family', () => {
    const ps = [
      paper({ id: 'a', upvotes: 1, methods: [{ family: 'lora', name: 'LoRA', role: 'proposed' }] }),
      paper({ id: 'b', upvotes: 3, methods: [{ family: 'preference-rl', name: 'DPO', role: 'proposed' }] }),
      paper({
        id: 'c',
        upvotes: 2,
        methods: [
          { family: 'lora', name: 'LoRA', role: 'compared' },
          { family: 'preference-rl', name: 'DPO', role: 'proposed' },
        ],
      }),
      paper({ id: 'd', upvotes: 4, methods: [] }),
    ];
    const d = buildDigest({
      title: 't',
      made_at: '2026-12-01T10:00:00.000Z',
      since: null,
      until: null,
      after_digest: null,
      papers: ps,
      released: [],
      top: 3,
      groupBy: 'method',
    });
    expect(d.entries.map((e) => e.id)).toEqual(['d', 'b', 'c']);
    expect(d.counts).toMatchObject({ papers: 3, left_out: 1 });
    expect(d.groups.map((g) => [g.family, g.entries.map((e) => e.id)])).toEqual([
      ['preference-rl', ['b', 'c']],
      ['other', ['d']],
    ]);
  });

  it('headline claims: metric-bearing first, one per sentence, at most two', () => {
    const c = (text: string, sentence: string, metric: string | null) => ({
      ...paper().claims[0]!,
      text,
      sentence,
      metric,
    });
    const claims = headlineClaims({
      claims: [
        c('3x', 'It is 3x faster.', null),
        c('90%', 'Accuracy is 90%, F1 80%.', 'accuracy'),
        c('80%', 'Accuracy is 90%, F1 80%.', 'F1'),
        c('2', '2', 'x'),
      ],
    });
    expect(claims).toEqual([
      { before: 'Accuracy is ', text: '90%', after: ', F1 80%.' },
      { before: '', text: '2', after: '' },
    ]);
  });
});

describe('renderers keep scraped text as written', () => {
  const d = digestOf(
    [paper()],
    [
      paper({
        id: 'r1',
        arxiv_id: '2605.00002',
        title: `Old ${TRICKY}`,
        github: [{ ...paper().github[0]!, status: 'available' }],
      }),
    ],
  );

  it('markdown: every special character of the title is escaped', () => {
    const md = renderMarkdown(d);
    expect(md).toContain(`### 1. [${escapeMarkdown(TRICKY)}](https://huggingface.co/papers/2605.01234)`);
    expect(md).toContain('> FastLoRA reaches **92.5%** accuracy on GLUE \\<b\\>.');
    expect(md).toContain('## Code released');
    // No raw special character of a scraped text survives outside the markup we write.
    expect(md).not.toMatch(/[^\\]<Friends>/);
  });

  it('HTML: self-contained, inline styles, text escaped (parsed back, it reads as written)', () => {
    const html = renderHtml(d);
    const $ = load(html);
    expect($('script, style, link, img, iframe').length).toBe(0);
    expect($('[class]').length).toBe(0);
    expect($('h1').text()).toBe(`Issue 1: ${TRICKY}`);
    expect($('h3 a').first().text()).toBe(TRICKY);
    expect($('h3 a').first().attr('href')).toBe('https://huggingface.co/papers/2605.01234');
    expect($('blockquote strong').text()).toBe('92.5%');
    expect($('blockquote').text()).toBe('FastLoRA reaches 92.5% accuracy on GLUE <b>.');
    expect($('p').filter((_, el) => $(el).text().startsWith('Ada <Lovelace>')).length).toBe(1);
    for (const el of $('body, div, h1, h2, h3, p, blockquote, a').toArray())
      expect($(el).attr('style') ?? '', el.tagName).not.toBe('');
    expect(escapeHtml(`"'&<>`)).toBe('&quot;&#39;&amp;&lt;&gt;');
    // Each style attribute is whole (a double quote inside one would end it early).
    expect($('body > div').attr('style')).toMatch(/font-family:.*'Segoe UI'.*sans-serif;.*line-height:1\.5;$/);
    for (const el of $('[style]').toArray()) expect($(el).attr('style')).toMatch(/;$/);
  });

  it('RSS 2.0 and Atom parse with rss-parser and give the titles back', async () => {
    const parser = new Parser();
    const rss = await parser.parseString(renderFeed(d, 'rss'));
    expect(rss.title).toBe(`Issue 1: ${TRICKY}`);
    expect(rss.items.map((i) => i.title)).toEqual([TRICKY, `Code released: Old ${TRICKY}`]);
    expect(rss.items[0]!.link).toBe('https://huggingface.co/papers/2605.01234');
    expect(rss.items[0]!.guid).toBe('https://arxiv.org/abs/2605.01234');
    expect(rss.items[0]!.creator).toBe('Ada <Lovelace>, José Núñez');

    const atom = await parser.parseString(renderFeed(d, 'atom'));
    // Atom titles are type="html": a reader decodes the entities once.
    const decoded = (s: string | undefined) => load(`<p>${s ?? ''}</p>`)('p').text();
    expect(decoded(atom.title)).toBe(`Issue 1: ${TRICKY}`);
    expect(atom.items.map((i) => decoded(i.title))).toEqual([TRICKY, `Code released: Old ${TRICKY}`]);
    expect(atom.items[0]!.id).toBe('https://arxiv.org/abs/2605.01234');
  });

  it('Atom has the elements RFC 4287 requires (an author on the feed: entries may have none)', () => {
    const x = new XMLParser({ ignoreAttributes: false }).parse(renderFeed(d, 'atom'));
    const feed = x.feed;
    for (const k of ['id', 'title', 'updated']) expect(feed[k], k).toBeTruthy();
    expect(feed.author.name).toBe('papers digest');
    const entries = Array.isArray(feed.entry) ? feed.entry : [feed.entry];
    expect(entries).toHaveLength(2);
    for (const e of entries) for (const k of ['id', 'title', 'updated']) expect(e[k], k).toBeTruthy();
  });

  it('JSON Feed has the fields its spec requires', () => {
    const feed = JSON.parse(renderFeed(d, 'jsonfeed'));
    expect(feed.version).toMatch(/^https:\/\/jsonfeed\.org\/version\/1(\.1)?$/);
    expect(typeof feed.title).toBe('string');
    expect(Array.isArray(feed.items)).toBe(true);
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string');
      expect(typeof item.content_html === 'string' || typeof item.content_text === 'string').toBe(true);
    }
    expect(feed.items[0].title).toBe(TRICKY);
  });

  it('an empty digest says so in every format', () => {
    const empty = digestOf([]);
    expect(renderMarkdown(empty)).toContain('Nothing new since the last digest.');
    expect(load(renderHtml(empty))('p').text()).toContain('Nothing new since the last digest.');
    expect(JSON.parse(renderFeed(empty, 'jsonfeed')).items).toEqual([]);
  });
});
