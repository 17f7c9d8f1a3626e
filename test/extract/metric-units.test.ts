import { describe, expect, it } from 'vitest';
import { KNOWN_UNITS } from '../../src/extract/claims-lexicon.js';
import { METRIC_UNITS, unitFitSql, unitsFor } from '../../src/extract/metric-units.js';
import { umbrellaFamilies } from '../../src/extract/umbrellas.js';
import { taxonomy } from '../../src/extract/methods/index.js';
import { spellingsOf } from '../../src/filters.js';

describe('units that fit a metric', () => {
  it.each([
    ['speedup', ['x', null]],
    ['Speedup', ['x', null]],
    ['accuracy', ['%', 'pp', 'points', null]],
    ['novelty', null],
  ])('%s -> %j', (metric, units) => {
    expect(unitsFor(metric)).toEqual(units);
  });

  it('names only units the claim extractor can give', () => {
    for (const units of Object.values(METRIC_UNITS)) for (const u of units) if (u !== null) expect(KNOWN_UNITS).toContain(u);
  });

  it('is an SQL condition with bound units', () => {
    expect(unitFitSql('speedup', 'c.unit')).toEqual({ sql: '(c.unit IN (?) OR c.unit IS NULL)', params: ['x'] });
    expect(unitFitSql('memory', 'c.unit')!.sql).not.toContain('IS NULL');
    expect(unitFitSql('novelty', 'c.unit')).toBeNull();
  });
});

describe('umbrellas', () => {
  it.each(['peft', 'PEFT', 'parameter-efficient', 'parameter efficient fine tuning'])('%s covers the PEFT families', (name) => {
    expect(umbrellaFamilies(name)).toContain('lora');
  });
  it('names only families of the taxonomy', () => {
    const ids = taxonomy.families.map((f) => f.id);
    for (const f of umbrellaFamilies('peft')!) expect(ids).toContain(f);
    expect(umbrellaFamilies('lora')).toBeNull();
  });
});

describe('spellingsOf: the variants the dedup counts as one', () => {
  it.each([
    ['finetuning', ['finetuning', 'fine tuning']],
    ['fine-tuning', ['fine-tuning', 'finetuning']],
    ['pretraining', ['pretraining', 'pre training']],
    ['optimisation', ['optimisation', 'optimization']],
    ['lora', ['lora']],
    ['Qwen2.5', ['Qwen2.5']],
  ])('%s -> %j', (word, expected) => {
    expect(spellingsOf(word)).toEqual(expected);
  });
});
