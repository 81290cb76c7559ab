#!/usr/bin/env node
/**
 * The command by its former bin path, dist/cli.js (scripts and npx caches made before the bin became dist/cli.cjs):
 * runs the bin's launcher (src/cli.cts).
 */
import { launch } from './cli.cjs';

await launch();
