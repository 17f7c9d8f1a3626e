import { describe, expect, it } from 'vitest';
import { feedReader } from '../../src/formats/feed.js';
import { splitDigest } from '../../src/formats/index.js';
import { readPaperBody } from '../../src/formats/paperBody.js';
import { ParseError } from '../../src/types.js';

function rss(items: string, channel = '<title>Daily Papers</title>'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>${channel}${items}</channel></rss>`;
}
function atom(entries: string): string {
  return `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Feed</title><id>x</id>${entries}</feed>`;
}
const one = (text: string) => {
  const r = feedReader.split(text, 'feed.xml');
  expect(r.records).toHaveLength(1);
  return r.records[0]!;
};

describe('feedReader: detection', () => {
  it.each([
    [rss(''), 0.95],
    [atom(''), 0.95],
    ['<?xml version="1.0"?>\n<!-- a comment -->\n<rdf:RDF xmlns:rdf="x"></rdf:RDF>', 0.95],
    ['\ufeff<?xml version="1.0"?><!DOCTYPE rss><rss version="2.0"></rss>', 0.95],
    ['<html><body>rss</body></html>', 0],
    ['Daily Papers\n<rss> mentioned in text', 0],
    ['{"title": "<rss>"}', 0],
  ])('detect(%j) = %d', (text, confidence) => {
    expect(feedReader.detect(text, 'x.txt')).toBe(confidence);
  });
});

describe('feedReader: items', () => {
  const _ = (name: string, item: string, expected: Record<string, unknown>) => [name, item, expected] as const;
  it.each([
    _('a hard-wrapped title is collapsed', '<item><title>A Title\n      Wrapped Over\n  Lines</title></item>', {
      title: 'A Title Wrapped Over Lines',
    }),
    _(
      'the arXiv id from an HF paper link',
      '<item><title>T</title><link>https://huggingface.co/papers/2405.15738</link></item>',
      {
        arxivId: '2405.15738',
      },
    ),
    _(
      'the arXiv id and version from the guid',
      '<item><title>T</title><link>https://x.org/1</link><guid>https://arxiv.org/abs/2405.15738v2</guid></item>',
      {
        arxivId: '2405.15738',
        arxivVersion: 2,
      },
    ),
    _(
      'the arXiv id from the body when link and guid carry none',
      '<item><title>T</title><guid>abc123</guid><description><![CDATA[<p><a href="https://arxiv.org/pdf/2401.00001.pdf">PDF</a></p>]]></description></item>',
      {
        arxivId: '2401.00001',
      },
    ),
    _('authors from dc:creator', '<item><title>T</title><dc:creator>Ann One, Bob Two</dc:creator></item>', {
      authors: ['Ann One', 'Bob Two'],
    }),
    _(
      'authors from an RSS author e-mail with a name',
      '<item><title>T</title><author>ann@example.org (Ann One)</author></item>',
      {
        authors: ['Ann One'],
      },
    ),
    _(
      'escaped HTML: thumbnail, labelled lines and link lines out of the abstract',
      '<item><title>T</title><description>&lt;img src="t.png"/&gt;&lt;p&gt;We propose a method that works well on every benchmark we tried.&lt;/p&gt;&lt;p&gt;Upvotes: 1,234&lt;br/&gt;GitHub Stars: 9&lt;br/&gt;Authors: A B, C D&lt;br/&gt;🔗 &lt;a href="https://github.com/o/r"&gt;GitHub&lt;/a&gt;&lt;/p&gt;</description></item>',
      {
        abstract: 'We propose a method that works well on every benchmark we tried.',
        upvotes: 1234,
        authors: ['A B', 'C D'],
        siteRepos: ['https://github.com/o/r'],
      },
    ),
    _(
      'a clipped abstract ending in "..." is still the abstract',
      '<item><title>T</title><description>The abstract was cut by the generator at about two hundred characters...&lt;br/&gt;Upvotes: 3</description></item>',
      { abstract: 'The abstract was cut by the generator at about two hundred characters...', upvotes: 3 },
    ),
    _(
      'preambles and a model name are not the abstract; a Summary: line is the summary',
      '<item><title>T</title><description>AI-generated summary\ngpt-4o-mini\nSummary: A lay summary.\n\nWe study feeds. The abstract\nis wrapped.</description></item>',
      { abstract: 'We study feeds. The abstract is wrapped.', summary: 'A lay summary.', summaryLang: 'en' },
    ),
    _(
      'an AI summary section and a Chinese translation stay out of the abstract',
      '<item><title>T</title><description><![CDATA[<h3>AI summary</h3><p>Abstract\n X does Y.\n AI-generated summary</p><p>摘要\n X 做了 Y，并且效果很好。</p><h3>Abstract</h3><p>We propose X, which does Y on many tasks.</p><p>我们提出了 X，它在许多任务上完成了 Y。</p>]]></description></item>',
      { abstract: 'We propose X, which does Y on many tasks.', summary: 'X does Y.', summaryLang: 'en' },
    ),
    _(
      'only a translation: it is the summary, with its language, and the abstract stays empty',
      '<item><title>T</title><description>本文提出了一种新的方法，用于改进大型语言模型的推理能力。</description></item>',
      { abstract: '', summary: '本文提出了一种新的方法，用于改进大型语言模型的推理能力。', summaryLang: 'zh' },
    ),
    _(
      'the page text "<AI summary> AI-generated summary <abstract>" on one line: split at the marker',
      '<item><title>T</title><description>X is a corpus that helps.  \t\t\t\t\tAI-generated summary \t\t\t\t Reinforcement learning has emerged as a promising approach.</description></item>',
      {
        abstract: 'Reinforcement learning has emerged as a promising approach.',
        summary: 'X is a corpus that helps.',
        summaryLang: 'en',
      },
    ),
    _(
      'a paragraph repeating the title is not part of the abstract',
      '<item><title>A Long Title That Runs Past Sixty Characters For Certain Here</title><description>&lt;p&gt;&lt;b&gt;A Long Title That Runs Past Sixty Characters For Certain Here&lt;/b&gt;&lt;/p&gt;&lt;p&gt;The abstract.&lt;/p&gt;</description></item>',
      { abstract: 'The abstract.' },
    ),
    _(
      'Atom-style published date, RSS pubDate with a weekday',
      '<item><title>T</title><pubDate>Sun, 01 Feb 2026 08:05:49 GMT</pubDate></item>',
      {
        publishedAt: '2026-02-01',
      },
    ),
    _('entities in the title are decoded', '<item><title>Q&amp;A &#8220;Now&#8221;&#58; Yes</title></item>', {
      title: 'Q&A “Now”: Yes',
    }),
  ])('%s', (_name, item, expected) => {
    expect(one(rss(item))).toMatchObject(expected);
  });

  it('reads Atom entries: link href, html title, authors, content', () => {
    const r = one(
      atom(
        '<entry><title type="html">A &lt;i&gt;Styled&lt;/i&gt; Title</title><id>urn:x</id><link rel="alternate" href="https://arxiv.org/abs/2604.02176v1"/><published>2026-04-01T20:00:00Z</published><author><name>Ann</name></author><author><name>Bob</name></author><content type="html">&lt;p&gt;An abstract in Atom content.&lt;/p&gt;</content></entry>',
      ),
    );
    expect(r).toMatchObject({
      title: 'A Styled Title',
      arxivId: '2604.02176',
      arxivVersion: 1,
      authors: ['Ann', 'Bob'],
      abstract: 'An abstract in Atom content.',
      publishedAt: '2026-04-01',
    });
  });

  it('never makes the feed title a paper, and an empty feed is read with a warning', () => {
    const r = feedReader.split(rss(''), 'f.xml');
    expect(r.records).toEqual([]);
    expect(r.warnings).toEqual(['the RSS feed has no items']);
  });

  it('drops untitled items with a warning and numbers the rest', () => {
    const r = feedReader.split(rss('<item><title></title></item><item><title>B</title></item>'), 'f.xml');
    expect(r.records.map((x) => [x.position, x.title])).toEqual([[1, 'B']]);
    expect(r.warnings).toEqual(['1 item(s) without a title dropped']);
  });

  it.each([
    ['<rss version="2.0"><channel><item><title>unclosed</channel></rss>', /invalid XML feed/],
    ['<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa">]><rss><channel></channel></rss>', /declares XML entities/],
  ])('%j is a ParseError', (text, message) => {
    expect(() => feedReader.split(text, 'f.xml')).toThrow(ParseError);
    expect(() => feedReader.split(text, 'f.xml')).toThrow(message);
  });

  it('is chosen by splitDigest whatever the extension', () => {
    expect(splitDigest(rss('<item><title>T</title></item>'), 'notes.txt').format).toBe('feed');
  });
});

describe('readPaperBody', () => {
  it.each([
    ['Institution: Uni | Authors: A, B and C', { authors: ['A', 'B', 'C'], abstract: '' }],
    ['Abstract: We propose a thing that works.', { abstract: 'We propose a thing that works.' }],
    [
      'TL;DR: Short.\n\nThe real abstract is here, long enough to be prose.',
      { summary: 'Short.', abstract: 'The real abstract is here, long enough to be prose.' },
    ],
    ['<p>arXiv | PDF</p><p>Read more</p>', { abstract: '' }],
  ])('%j', (raw, expected) => {
    expect(readPaperBody(raw)).toMatchObject(expected);
  });
});
