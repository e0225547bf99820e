#!/usr/bin/env node
// The CLI entry: Node 20 cannot run TypeScript, so this runs the built JavaScript in dist/.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv);
