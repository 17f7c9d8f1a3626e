import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/types.js';
import { htmlReader } from '../../src/formats/html.js';
import { NOT_A_DIGEST, notADigestReason } from '../../src/formats/notADigest.js';

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function apiEntry(id: string, title: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    paper: {
      id,
      authors: [{ _id: 'x', name: 'Team Kandinsky', hidden: false }],
      publishedAt: '2026-09-29T00:00:00.000Z',
      title,
      summary: 'An abstract with <tags> & "quotes"\nwrapped.',
      upvotes: 32,
      githubRepo: 'https://github.com/nv-tlabs/PixelUMM',
      ai_summary: 'Not the abstract.',
      ...extra,
    },
    publishedAt: '2026-10-01T00:00:00.000Z',
    title,
  };
}

function listingPage(props: unknown, body = ''): string {
  return (
    '<!doctype html><html><head><title>Daily Papers</title></head><body>' +
    '<p class="inline sm:hidden">Get trending papers in your email inbox!</p>' +
    '<a href="https://github.com/huggingface">GitHub</a>' +
    `<div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="${escapeAttr(JSON.stringify(props))}">${body}</div>` +
    '</body></html>'
  );
}

/** A compact card in the markup of the October 2026 trending page. */
function compactCard(
  id: string,
  title: string,
  opts: { summary?: string; upvotes?: string; date?: string; repo?: string } = {},
): string {
  return `<article class="relative overflow-hidden rounded-xl border">
 <div class="hidden h-40 md:flex">
  <div class="relative flex-shrink-0"><a href="/papers/${id}" class="block h-full w-56"><img src="https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${id}.png"/></a></div>
  <div class="flex min-w-0 flex-1 flex-col justify-center p-6">
   <h3 class="mb-1.5 text-xl font-semibold"><a href="/papers/${id}" class="line-clamp-2 cursor-pointer text-balance">${title}</a></h3>
   <div class="mb-2"><p class="line-clamp-2 text-sm text-gray-500">${opts.summary ?? 'A one-sentence AI summary of the paper.'}</p></div>
   <div class="flex min-w-0 items-center text-sm text-gray-400"><ul class="flex items-center"><li title="Yanli Zhao"></li><li title="Shen Li"></li><li class="order-first ml-2"><span>11 authors</span></li></ul> <span class="mx-2">·</span> <span>${opts.date ?? 'Published on Jun 28, 2020'}</span></div>
  </div>
  <div class="flex w-40 flex-col"><div class="w-full"><div class="flex flex-wrap items-center"><a href="/login?next=%2Fpapers%2F${id}" class="self-start"><div role="checkbox" class="shadow-alternate group flex h-9"><input disabled="" type="checkbox" class="peer hidden"/> <svg></svg> Upvote <div class="font-semibold text-orange-500">${opts.upvotes ?? '13'}</div></div></a></div> <dialog></dialog></div>
   ${opts.repo ? `<a href="${opts.repo}" target="_blank" class="btn flex h-9"><svg></svg> <span>GitHub</span> <span>160</span></a>` : ''}
  </div>
 </div>
</article>`;
}

describe('htmlReader: the DailyPapers data-props blob', () => {
  it('reads the HTML-escaped list with the API entry shape', () => {
    const html = listingPage({
      canSubmit: false,
      dailyPapers: [apiEntry('2610.05608', 'Kandinsky &amp; Co:\n  A Title'), apiEntry('2609.38597', 'PixelUMM')],
    });
    expect(htmlReader.detect(html, 'page.html')).toBeGreaterThan(0.9);
    const r = htmlReader.split(html, 'trending_2026-10-02.html');
    expect(r.format).toBe('html');
    expect(r.digestDate).toBe('2026-10-02');
    expect(r.records).toHaveLength(2);
    expect(r.records[0]).toEqual({
      position: 1,
      title: 'Kandinsky & Co: A Title',
      abstract: 'An abstract with <tags> & "quotes" wrapped.',
      arxivId: '2610.05608',
      authors: ['Team Kandinsky'],
      upvotes: 32,
      publishedAt: '2026-09-29',
      siteRepos: ['https://github.com/nv-tlabs/PixelUMM'],
      siteLinks: [],
      // The site's AI summary is kept as a summary, never as the abstract.
      summary: 'Not the abstract.',
      summaryLang: 'en',
    });
  });

  it('takes the digest date from the blob or the canonical /papers/date/ URL', () => {
    const withDate = listingPage({ date: '2024-05-27', dailyPapers: [apiEntry('2405.15738', 'T')] });
    expect(htmlReader.split(withDate, 'x.html').digestDate).toBe('2024-05-27');
    const canonical = withDate
      .replace('2024-05-27', 'none')
      .replace('<head>', '<head><link rel="canonical" href="https://huggingface.co/papers/date/2024-05-28">');
    expect(htmlReader.split(canonical, 'x.html').digestDate).toBe('2024-05-28');
  });

  it('prefers the blob over the cards rendered from it', () => {
    const html = listingPage(
      { dailyPapers: [apiEntry('2405.15738', 'From blob'), apiEntry('2405.15739', 'Second')] },
      compactCard('2405.15738', 'From card'),
    );
    expect(htmlReader.split(html, 'x.html').records.map((r) => r.title)).toEqual(['From blob', 'Second']);
  });

  it('appends cards the page shows beyond its embedded list (loaded while scrolling)', () => {
    const html = listingPage(
      { dailyPapers: [apiEntry('2405.15738', 'In blob')] },
      compactCard('2405.15738', 'In blob') + compactCard('2405.15740', 'Only a card'),
    );
    const r = htmlReader.split(html, 'x.html');
    expect(r.records.map((x) => [x.position, x.title, x.arxivId])).toEqual([
      [1, 'In blob', '2405.15738'],
      [2, 'Only a card', '2405.15740'],
    ]);
    expect(r.warnings).toContain('1 card(s) not in the embedded data were read from the page');
  });

  it('falls back to the cards when the blob is cut short (the abridged sample)', () => {
    const html =
      '<div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="{&quot;canSubmit&quot;:false,&quot;dailyPapers&quot;:[{&quot;paper&quot;:{&quot;id&quot;:&quot;2610.05608&quot;, … ]">' +
      compactCard('2006.15704', 'PyTorch Distributed: Experiences on Accelerating Data Parallel Training', {
        repo: 'https://github.com/pytorch/pytorch',
      });
    const r = htmlReader.split(html, 'x.html');
    expect(r.warnings[0]).toMatch(/embedded DailyPapers data is unreadable/);
    expect(r.records).toEqual([
      {
        position: 1,
        title: 'PyTorch Distributed: Experiences on Accelerating Data Parallel Training',
        abstract: '',
        arxivId: '2006.15704',
        authors: ['Yanli Zhao', 'Shen Li'],
        upvotes: 13,
        publishedAt: '2020-06-28',
        siteRepos: ['https://github.com/pytorch/pytorch'],
        siteLinks: [],
      },
    ]);
  });
});

describe('htmlReader: DOM cards', () => {
  it.each([
    ['the count in the upvote box', { upvotes: '1,204' }, 'upvotes', 1204],
    ['"-" upvotes as none yet', { upvotes: '-' }, 'upvotes', 0],
    ['a yearless date with the file-name year', { date: 'Sep 29' }, 'publishedAt', '2026-09-29'],
    ['an owner-only GitHub link as no repo', { repo: 'https://github.com/huggingface' }, 'siteRepos', []],
    ['a line-clamped AI summary as no abstract', { summary: 'One sentence summary.' }, 'abstract', ''],
    [
      'a line-clamped paragraph that reads as an abstract',
      { summary: 'We study things. '.repeat(40) },
      'abstract',
      'We study things. '.repeat(40).trim(),
    ],
  ])('reads %s', (_name, opts, field, value) => {
    const r = htmlReader.split(
      '<html><body>' + compactCard('2609.38597', 'T', opts) + '</body></html>',
      'trending_2026-10-02.html',
    );
    expect((r.records[0] as unknown as Record<string, unknown>)[field]).toEqual(value);
  });

  it('reads the full abstract of an expanded card and the arXiv button', () => {
    const html = `<article><h3><a href="https://huggingface.co/papers/2609.38597">PixelUMM: Pixel-space &quot;unified&quot;\n  models</a></h3>
      <p class="text-gray-700">We present PixelUMM.\nIt is providing insights for future pixel-space unified multimodal models.</p>
      <div class="mb-3 flex"><a href="/nvidia"><span>NVIDIA</span></a> <span class="mx-1">·</span> <span>Sep 29, 2026</span></div>
      <a href="https://github.com/nv-tlabs/PixelUMM" class="btn"><span>GitHub</span></a>
      <a href="https://arxiv.org/abs/2609.38597" class="btn"><span>arXiv Page</span></a>
      <a href="https://pixelumm.github.io" class="btn"><span>Project page</span></a></article>`;
    expect(htmlReader.split(html, 'x.html').records[0]).toMatchObject({
      title: 'PixelUMM: Pixel-space "unified" models',
      abstract: 'We present PixelUMM. It is providing insights for future pixel-space unified multimodal models.',
      arxivId: '2609.38597',
      publishedAt: '2026-09-29',
      siteRepos: ['https://github.com/nv-tlabs/PixelUMM'],
      siteLinks: ['https://pixelumm.github.io'],
    });
  });

  it('numbers cards in page order and drops a card without a title', () => {
    const html =
      compactCard('2401.00001', 'First') +
      '<article><a href="/papers/2401.00002"><img src="x.png"/></a></article>' +
      '<article><p>not a paper card</p></article>' +
      compactCard('2401.00003', 'Third');
    const r = htmlReader.split(html, 'x.html');
    expect(r.records.map((x) => [x.position, x.title, x.arxivId])).toEqual([
      [1, 'First', '2401.00001'],
      [2, 'Third', '2401.00003'],
    ]);
    expect(r.warnings.join('\n')).toMatch(/1 card\(s\) without a title dropped/);
  });

  it('reads heading links when the page has no article cards', () => {
    const html =
      '<html><body><h3><a href="/papers/2401.00001">One</a></h3><h3><a href="/papers/trending">Trending</a></h3><h3><a href="/papers/2401.00002">Two</a></h3></body></html>';
    expect(htmlReader.split(html, 'x.html').records.map((r) => r.title)).toEqual(['One', 'Two']);
  });
});

describe('htmlReader: single paper pages', () => {
  it('reads a /papers/<id> page (canonical URL, h1, Abstract section)', () => {
    const html = `<!doctype html><html><head><link rel="canonical" href="https://huggingface.co/papers/2405.15738">
      <meta property="og:title" content="Paper page - ConvLLaVA"></head><body>
      <h1 class="text-2xl">ConvLLaVA: Hierarchical Backbones as Visual Encoder for Large Multimodal\n Models</h1>
      <div><h2>Abstract</h2><p>High-resolution Large Multimodal Models (LMMs) encounter challenges.</p><p>Second paragraph.</p></div>
      <h2>Community</h2><p>comments</p>
      <a href="https://github.com/alibaba/conv-llava">GitHub</a>
      <footer><a href="https://github.com/huggingface">GitHub</a> <a href="https://github.com/huggingface/hub-docs">Docs</a></footer></body></html>`;
    const r = htmlReader.split(html, 'paper.html');
    expect(r.records).toEqual([
      expect.objectContaining({
        position: 1,
        title: 'ConvLLaVA: Hierarchical Backbones as Visual Encoder for Large Multimodal Models',
        abstract: 'High-resolution Large Multimodal Models (LMMs) encounter challenges. Second paragraph.',
        arxivId: '2405.15738',
        siteRepos: ['https://github.com/alibaba/conv-llava'],
      }),
    ]);
  });

  it('reads a page with a paper data-props blob', () => {
    const html = `<html><body><div data-target="PaperPage" data-props="${escapeAttr(JSON.stringify({ paper: apiEntry('2405.15738', 'Blob paper').paper }))}"></div></body></html>`;
    expect(htmlReader.split(html, 'x.html').records.map((r) => [r.title, r.arxivId])).toEqual([['Blob paper', '2405.15738']]);
  });

  it('prefers the paper of a paper page over a list of related papers', () => {
    const props = (p: unknown): string => escapeAttr(JSON.stringify(p));
    const html =
      `<html><body><div data-target="PaperPage" data-props="${props({ paper: apiEntry('2405.15738', 'The page paper').paper })}"></div>` +
      `<div data-target="RelatedPapers" data-props="${props({ papers: [apiEntry('2405.00001', 'Related one'), apiEntry('2405.00002', 'Related two')] })}"></div></body></html>`;
    expect(htmlReader.split(html, 'x.html').records.map((r) => r.title)).toEqual(['The page paper']);
  });

  it('reads API entries held by another component (search results)', () => {
    const html = `<html><body><div data-target="PaperSearch" data-props="${escapeAttr(JSON.stringify({ query: 'x', searchResults: [apiEntry('2405.00001', 'Hit one'), apiEntry('2405.00002', 'Hit two')] }))}"></div></body></html>`;
    expect(htmlReader.split(html, 'x.html').records.map((r) => r.title)).toEqual(['Hit one', 'Hit two']);
  });

  it('reads citation meta tags (arXiv abs pages)', () => {
    const html = `<html><head><meta name="citation_title" content="Attention Is All You Need">
      <meta name="citation_author" content="Vaswani, Ashish"><meta name="citation_author" content="Shazeer, Noam">
      <meta name="citation_date" content="2017/06/12"><meta name="citation_arxiv_id" content="1706.03762">
      <meta name="citation_abstract" content="The dominant sequence transduction models\n are based on RNNs."></head><body></body></html>`;
    expect(htmlReader.split(html, 'x.html').records[0]).toMatchObject({
      title: 'Attention Is All You Need',
      abstract: 'The dominant sequence transduction models are based on RNNs.',
      arxivId: '1706.03762',
      authors: ['Vaswani, Ashish', 'Shazeer, Noam'],
      publishedAt: '2017-06-12',
    });
  });
});

describe('htmlReader: detection and failures', () => {
  it.each([
    ['<!doctype html><html><body></body></html>', 'x.txt', true],
    ['<div data-target="DailyPapers" data-props="{}"></div>', 'x.txt', true],
    ['  <html>', 'x', true],
    ['Some text with a <div> inside', 'x.html', true],
    ['Some text with a <div> inside', 'x.txt', false],
    ['### [Title](https://huggingface.co/papers/2401.00001)', 'x.md', false],
    ['[{"title": "<b>x</b>"}]', 'x.json', false],
    ['plain prose', 'x.html', false],
  ])('detect(%j, %j) > 0 is %j', (text, name, claimed) => {
    expect(htmlReader.detect(text, name) > 0).toBe(claimed);
  });

  it.each([
    ['<!doctype html><html><head><title>Models</title></head><body><a href="/models">Models</a></body></html>'],
    ['<html><body><article><p>No paper links here</p></article></body></html>'],
    ['<html><body><a href="/papers/trending">Trending</a></body></html>'],
  ])('a page that links no paper is no digest (a ParseError a folder walk skips on)', (html) => {
    expect(() => htmlReader.split(html, 'x.html')).toThrow(ParseError);
    expect(() => htmlReader.split(html, 'x.html')).toThrow(NOT_A_DIGEST.htmlNoPapers);
    expect(notADigestReason(NOT_A_DIGEST.htmlNoPapers)).toBe('not a digest: HTML page with no paper links');
  });

  it.each([
    ['<html><body><p><a href="https://huggingface.co/papers/2501.12345">x</a></p></body></html>'],
    ['<html><body><p>Read https://arxiv.org/abs/2501.12345 today</p></body></html>'],
  ])('a page that links a paper but shows none is a digest it could not read: the ParseError says why', (html) => {
    expect(() => htmlReader.split(html, 'x.html')).toThrow(
      /HTML page has no papers: no readable DailyPapers data-props, no paper cards/,
    );
  });
});
