#!/usr/bin/env node
// The `mojaz` command: runs the command line from its compiled bundle (bin/bundle.mjs builds it
// when the sources changed), or from the TypeScript sources through tsx where it cannot be built.
import { loadEntry } from './bundle.mjs';

const { main } = await loadEntry('cli');
process.exitCode = await main(process.argv.slice(2));
