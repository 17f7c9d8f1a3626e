/**
 * All extractors over one paper: pure functions of its canonical title and abstract, plus the
 * repos and links its input forms gave as fields.
 */
import type { Extraction } from '../types.js';
import { extractClaims } from './claims.js';
import { extractLinks } from './links.js';
import { extractMethods } from './methods/index.js';

export function extractAll(title: string, abstract: string, siteRepos: string[] = [], siteLinks: string[] = []): Extraction {
  const { github, links } = extractLinks(title, abstract, siteRepos, siteLinks);
  return { github, links, claims: extractClaims(abstract), methods: extractMethods(title, abstract) };
}
