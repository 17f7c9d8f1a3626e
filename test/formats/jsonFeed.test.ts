import { describe, expect, it } from 'vitest';
import { splitDigest } from '../../src/formats/index.js';
import { jsonFeedReader } from '../../src/formats/jsonFeed.js';
import { ParseError } from '../../src/types.js';

const feed = (items: unknown[], version = 'https://jsonfeed.org/version/1.1') =>
  JSON.stringify({ version, title: 'Feed Title Is Not A Paper', items });

describe('jsonFeedReader', () => {
  it.each([
    [feed([]), 0.98],
    [feed([], 'https://jsonfeed.org/version/1'), 0.98],
    [JSON.stringify({ version: 'https://example.org/version/1', items: [] }), 0],
    [JSON.stringify({ version: 1, title: 'jsonfeed.org', items: [] }), 0],
    ['not json', 0],
  ])('detect(%j) = %d', (text, confidence) => {
    expect(jsonFeedReader.detect(text, 'x.json')).toBe(confidence);
  });

  const _ = (name: string, item: Record<string, unknown>, expected: Record<string, unknown>) => [name, item, expected] as const;
  it.each([
    _(
      'content_text is the abstract',
      { id: '1', title: 'T', content_text: 'We propose X.\nIt works.' },
      { abstract: 'We propose X. It works.' },
    ),
    _(
      'content_html: markup and labelled lines out, authors from the spec field',
      {
        id: '2',
        title: 'T',
        content_html: '<p><img src="t.png"></p><p>Authors: Not Used</p><p>An abstract in HTML.</p><p>Upvotes: 4</p>',
        authors: [{ name: 'Ann' }, { name: 'Bob', url: 'https://x' }],
      },
      { abstract: 'An abstract in HTML.', authors: ['Ann', 'Bob'], upvotes: 4 },
    ),
    _(
      'summary beside content is a summary',
      { id: '3', title: 'T', content_text: 'The abstract.', summary: 'A one-liner.' },
      { abstract: 'The abstract.', summary: 'A one-liner.', summaryLang: 'en' },
    ),
    _(
      'content_text holding the AI summary, the marker and the abstract',
      { id: '9', title: 'T', content_text: 'Guru helps.  \t\t\tAI-generated summary \t\t\t We study RL for reasoning.' },
      { abstract: 'We study RL for reasoning.', summary: 'Guru helps.', summaryLang: 'en' },
    ),
    _(
      'summary alone stands for the abstract',
      { id: '4', title: 'T', summary: 'Only a summary here.' },
      { abstract: 'Only a summary here.' },
    ),
    _(
      'a Chinese summary is never the abstract',
      { id: '5', title: 'T', summary: '本文提出了一种新的方法，效果很好。' },
      { abstract: '', summary: '本文提出了一种新的方法，效果很好。', summaryLang: 'zh' },
    ),
    _(
      'the arXiv id and version from url, external_url or id',
      { id: '2405.15738v3', title: 'T' },
      { arxivId: '2405.15738', arxivVersion: 3 },
    ),
    _('a paper page url', { id: 'x', url: 'https://huggingface.co/papers/2401.00001', title: 'T' }, { arxivId: '2401.00001' }),
    _('JSON Feed 1.0 author', { id: '6', title: 'T', author: { name: 'Solo' } }, { authors: ['Solo'] }),
    _('date_published', { id: '7', title: 'T', date_published: '2024-05-24T17:34:15+02:00' }, { publishedAt: '2024-05-24' }),
    _('a hard-wrapped title', { id: '8', title: 'A Long\n  Title' }, { title: 'A Long Title' }),
  ])('%s', (_name, item, expected) => {
    const r = jsonFeedReader.split(feed([item]), 'f.json');
    expect(r.records).toHaveLength(1);
    expect(r.records[0]).toMatchObject(expected);
  });

  it('never reads the feed title as a paper; untitled items are dropped with a warning', () => {
    const r = jsonFeedReader.split(feed([{ id: '1' }, { id: '2', title: 'Kept' }]), 'f.json');
    expect(r.records.map((x) => x.title)).toEqual(['Kept']);
    expect(r.warnings).toEqual(['1 item(s) without a title dropped']);
  });

  it('wins over the generic JSON reader', () => {
    expect(splitDigest(feed([{ id: '1', title: 'T', content_text: 'A.' }]), 'feed.json').format).toBe('json-feed');
  });

  it('a feed without items is a ParseError', () => {
    const text = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'F' });
    expect(() => jsonFeedReader.split(text, 'f.json')).toThrow(ParseError);
    expect(() => jsonFeedReader.split(text, 'f.json')).toThrow(/no "items" array/);
  });
});
