/** The lists written once in vocabulary.ts agree with what spells them out again where it cannot derive them. */
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../src/db/schema.js';
import { ROLES } from '../src/vocabulary.js';

describe('one list, one place', () => {
  it('every role CHECK of the shipped migrations lists ROLES, in order', () => {
    const checks = MIGRATIONS.join('\n').match(/CHECK \(role IN \(([^)]*)\)\)/g) ?? [];
    expect(checks.length).toBeGreaterThan(0);
    for (const check of checks) {
      const roles = [...check.matchAll(/'([^']+)'/g)].map((m) => m[1]);
      expect(roles).toEqual([...ROLES]);
    }
  });
});
