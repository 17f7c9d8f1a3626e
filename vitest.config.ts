import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn the real binary (and kill it): give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // `npm run coverage`: what the tests run of src/ (the end-to-end tests' child processes run
    // dist/ and are not counted). A summary on the terminal, the full report in coverage/index.html.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'html'],
      reportsDirectory: 'coverage',
    },
  },
});
