#!/usr/bin/env node
// The `mojaz` command: loads the TypeScript sources through tsx and runs the command line.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
