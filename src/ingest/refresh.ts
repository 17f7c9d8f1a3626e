/** Stored extractions redone when the extractors changed (EXTRACT_VERSION). */
import type { DB } from '../db/open.js';
import type { Store } from '../db/store.js';
import { extractAll } from '../extract/index.js';
import { withBusyRetry } from './batch.js';

/**
 * The version of the extractors' output. Bump it when an extractor changes what it finds: the next
 * ingest then re-extracts every stored paper.
 */
export const EXTRACT_VERSION = '2'; // 2: a site field linking a promised repository makes it available (issue 17)

/**
 * Extraction is code that improves: when the stored extractions were made by another version of
 * it (or before the extraction tables existed), redo them for every paper, a page per
 * transaction so a kill loses at most one page of work and the next run resumes.
 */
export function refreshExtractions(db: DB, store: Store): void {
  if (store.meta('extract_version') === EXTRACT_VERSION) return;
  const PAGE = 2000;
  let after = Number(store.meta('extract_resume') ?? 0);
  for (;;) {
    const page = store.paperPage(after, PAGE);
    const tx = db.transaction(() => {
      for (const p of page) {
        const site = store.siteFields(p.id);
        store.writeExtraction(p, extractAll(p.title, p.abstract, site.repos, site.links), true);
      }
      after = page.length ? page[page.length - 1]!.rid : after;
      if (page.length < PAGE) {
        store.setMeta('extract_version', EXTRACT_VERSION);
        store.setMeta('extract_resume', '0');
      } else {
        store.setMeta('extract_resume', String(after));
      }
    });
    withBusyRetry(() => tx.immediate());
    if (page.length < PAGE) return;
  }
}
