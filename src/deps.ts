/**
 * The parsing libraries of the readers that only some inputs need (HTML, feeds, YAML, CSV, zip),
 * loaded the first time one is used. Imported up front they cost ~250 ms of every run that reads
 * files (cheerio alone ~90 ms), a third of a day's text digests into an empty database, and as much
 * again in each worker thread. Loaded with require (synchronous, as the readers are) from the
 * libraries' CommonJS builds; the types are those of their ES modules.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A function returning the module `name`, required on its first call. */
function onFirstUse<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}

export const cheerio = onFirstUse<typeof import('cheerio/slim')>('cheerio/slim');
export const xmlParser = onFirstUse<typeof import('fast-xml-parser')>('fast-xml-parser');
export const csvParse = onFirstUse<typeof import('csv-parse/sync')>('csv-parse/sync');
export const yaml = onFirstUse<typeof import('yaml')>('yaml');
export const fflate = onFirstUse<typeof import('fflate')>('fflate');
