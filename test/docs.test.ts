import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli.js';
import { ARCHIVE_EXTENSIONS, DIGEST_EXTENSIONS } from '../src/ingest/discover.js';
import { papers, ROOT } from './helpers.js';

const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const commands = buildProgram(() => {}).commands.map((c) => c.name());

describe('every command is documented', () => {
  it('has the commands we expect', () => {
    expect(commands).toEqual([
      'ingest',
      'query',
      'show',
      'open',
      'claims',
      'links',
      'methods',
      'dupes',
      'merge',
      'split',
      'distinct',
      'decisions',
      'forget',
      'stats',
      'sql',
      'digest',
      'export',
    ]);
  });

  it.each(commands)('papers %s --help shows an example', (name) => {
    const r = papers([name, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: papers ${name}`);
    expect(r.stdout).toMatch(/Examples:\n\s+\$ papers /);
  });

  it('papers ingest --help names every extension a folder is searched for', () => {
    const help = papers(['ingest', '--help']).stdout.replace(/\s+/g, ' ');
    for (const ext of [...DIGEST_EXTENSIONS, ...ARCHIVE_EXTENSIONS]) expect(help).toMatch(new RegExp(`\\.${ext}\\b`));
  });

  it.each(commands)('README has a section for papers %s', (name) => {
    expect(readme).toMatch(new RegExp(`^### \`papers ${name}[ \`]`, 'm'));
  });

  it('README shows the set-up commands', () => {
    expect(readme).toContain('npm install');
    expect(readme).toContain('npx papers ingest fixtures');
    expect(readme).toContain('npm test');
  });
});
