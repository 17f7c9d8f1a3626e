// The forms of digest the mixed-form corpus is written in, one writer each: given the sightings of
// one file (title, abstract and the paper's arXiv id), the file's name and text. Each is written
// in the shape its reader in src/formats/ accepts, modelled on the fixtures in fixtures/forms/
// (which are modelled on real third-party files); `reader` is the format `papers ingest --json`
// must report for the file, so the bench can check the intended reader read it.
//
// The text copies carry no arXiv id (the site's text copy has none); every other form carries the
// paper's id, as real feeds, scraper dumps and newsletters do. A paper first seen in a text copy
// and again in a feed is therefore matched by its title and abstract, not by an id.

const xml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const csvCell = (s) => `"${s.replace(/"/g, '""')}"`;
const hf = (id) => `https://huggingface.co/papers/${id}`;
const arxiv = (id) => `https://arxiv.org/abs/${id}`;
/** Hard-wraps prose at about 100 columns, as newsletters and feeds often do. */
const wrap = (s, indent = '') => s.replace(/(.{80,100}?) /g, `$1\n${indent}`);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** A day of 2025 for file number n: every file of a form gets its own day name. */
const day = (n) => {
  const d = new Date(Date.UTC(2025, 0, 1 + (n % 365)));
  return d.toISOString().slice(0, 10);
};

/** @typedef {{ title: string, abstract: string, id: string }} Sighting */

export const FORMS = {
  /** The site's text copy, spaced layout: what corpus.js has always written. */
  text: {
    reader: 'text-spaced',
    perFile: 1000,
    write(sightings, n) {
      const header = `new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nbyAK and the research community\n\n${MONTHS[n % 12]} ${1 + (n % 28)}\n\n`;
      const body = sightings.map((s) => `${s.title}\n\n${s.abstract}\n`).join('\n');
      return { name: `digest-${String(n).padStart(6, '0')}.txt`, text: header + body };
    },
  },
  /** RSS 2.0 generated from the papers pages: link to the paper page, the abstract as description. */
  rss: {
    reader: 'feed',
    perFile: 50,
    write(sightings, n) {
      const items = sightings.map(
        (s) =>
          `    <item>\n      <title>${xml(s.title)}</title>\n      <link>${hf(s.id)}</link>\n      <guid isPermaLink="false">${s.id}</guid>\n      <pubDate>${new Date(`${day(n)}T08:00:00Z`).toUTCString()}</pubDate>\n      <description>${xml(wrap(s.abstract, '      '))}</description>\n    </item>`,
      );
      const text = `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n  <channel>\n    <title>Daily Papers (bench feed)</title>\n    <link>https://huggingface.co/papers</link>\n    <description>Latest papers</description>\n${items.join('\n')}\n  </channel>\n</rss>\n`;
      return { name: `papers_rss_${day(n)}_${n}.xml`, text };
    },
  },
  /** Atom with arxiv.org links and the abstract as an entity-escaped summary. */
  atom: {
    reader: 'feed',
    perFile: 50,
    write(sightings, n) {
      const entries = sightings.map(
        (s, i) =>
          `  <entry>\n    <title>${xml(s.title)}</title>\n    <id>tag:bench.example,2025:${n}-${i}</id>\n    <link href="${arxiv(s.id)}"/>\n    <updated>${day(n)}T20:00:00+00:00</updated>\n    <summary>${xml(s.abstract)}</summary>\n  </entry>`,
      );
      const text = `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n  <title>Daily Papers (bench Atom)</title>\n  <id>tag:bench.example,2025:papers</id>\n  <updated>${day(n)}T20:00:00+00:00</updated>\n${entries.join('\n')}\n</feed>\n`;
      return { name: `daily_atom_${day(n)}_${n}.atom`, text };
    },
  },
  /** JSON Feed 1.1, the abstract as content_text. */
  'json-feed': {
    reader: 'json-feed',
    perFile: 50,
    write(sightings, n) {
      const feed = {
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Daily Papers (bench JSON Feed)',
        home_page_url: 'https://bench.example/',
        items: sightings.map((s) => ({
          id: hf(s.id),
          url: hf(s.id),
          title: s.title,
          content_text: s.abstract,
          date_published: `${day(n)}T17:34:15Z`,
        })),
      };
      return { name: `feed_${day(n)}_${n}.json`, text: JSON.stringify(feed, null, 2) };
    },
  },
  /** A scraper's JSON array: title, paper_url, stars and the abstract nested under details. */
  'scraper-json': {
    reader: 'scraper-json',
    perFile: 50,
    write(sightings, n) {
      const rows = sightings.map((s, i) => ({
        title: s.title,
        paper_url: hf(s.id),
        stars: i % 7,
        details: { abstract: s.abstract, arxiv_page_url: arxiv(s.id) },
      }));
      return { name: `trending_scrape_${day(n)}_${n}.json`, text: JSON.stringify(rows, null, 2) };
    },
  },
  /** CSV with a header, every field quoted (abstracts hold commas and quotes). */
  csv: {
    reader: 'csv',
    perFile: 200,
    write(sightings, n) {
      const lines = sightings.map((s) =>
        [s.id, s.title, 'Ada Example, Bo Sample', s.abstract, '', day(n)].map(csvCell).join(','),
      );
      return {
        name: `papers_${day(n)}_${n}.csv`,
        text: `arxiv_id,title,authors,abstract,github,published\n${lines.join('\n')}\n`,
      };
    },
  },
  /** A Markdown newsletter, one section per paper with a labelled abstract and an arXiv link. */
  newsletter: {
    reader: 'markdown-newsletter',
    perFile: 30,
    write(sightings, n) {
      const sections = sightings.map(
        (s) =>
          `## ${s.title}\n**Authors**: Ada Example, Bo Sample\n**Link**: [arXiv](${arxiv(s.id)})\n\n**Abstract**:\n${wrap(s.abstract)}\n`,
      );
      return { name: `newsletter_${day(n)}_${n}.md`, text: `# Date: ${day(n)}\n\n${sections.join('\n---\n\n')}` };
    },
  },
  /** A generated mirror page: one div.paper-card per paper, the abstract in p.abstract-text. */
  'html-cards': {
    reader: 'html-cards',
    perFile: 50,
    write(sightings, n) {
      const cards = sightings.map(
        (s) =>
          `  <div class="paper-card">\n    <h2 class="paper-title"><a href="${hf(s.id)}" target="_blank">${xml(s.title)}</a></h2>\n    <div class="links"><a href="${arxiv(s.id)}" class="link-btn">arXiv</a></div>\n    <div class="abstract-content"><p class="abstract-text">${xml(s.abstract)}</p></div>\n  </div>`,
      );
      const text = `<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="UTF-8"><title>Daily Papers - ${day(n)}</title></head>\n<body>\n<header><h1>Daily Papers</h1><div class="date">${day(n)}</div></header>\n<main>\n${cards.join('\n')}\n</main>\n</body>\n</html>\n`;
      return { name: `mirror_${day(n)}_${n}.html`, text };
    },
  },
};

/**
 * A synthetic arXiv id for paper number i, unique up to 1.08M papers: 90,000 numbers a month
 * from January 2023 (real ids are YYMM.NNNNN).
 */
export function syntheticArxivId(i) {
  const m = Math.floor(i / 90_000);
  const yymm = String(23 + Math.floor(m / 12)).padStart(2, '0') + String(1 + (m % 12)).padStart(2, '0');
  return `${yymm}.${String(10_000 + (i % 90_000)).padStart(5, '0')}`;
}
