#!/usr/bin/env node
// The installed command: a shim into the compiled program (npm install builds dist/).
import { main } from '../dist/cli.js';

// A reader that goes away early (`papers query | head -1`) is not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

process.exitCode = await main(process.argv);
