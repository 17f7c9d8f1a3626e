/** The lists written once in types.ts agree with what spells them out again where it cannot derive them. */
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../src/db/schema.js';
import { METHOD_ROLES } from '../src/types.js';

describe('one list, one place', () => {
  it('every role CHECK of the shipped migrations lists METHOD_ROLES, in order', () => {
    const checks = MIGRATIONS.join('\n').match(/CHECK \(role IN \(([^)]*)\)\)/g) ?? [];
    expect(checks.length).toBeGreaterThan(0);
    for (const check of checks) {
      const roles = [...check.matchAll(/'([^']+)'/g)].map((m) => m[1]);
      expect(roles).toEqual([...METHOD_ROLES]);
    }
  });
});
