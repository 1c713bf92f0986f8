import { readFileSync, writeFileSync } from 'node:fs';
import { commandReference } from '../src/cli/reference.js';

// Regenerates the command reference in README.md between its markers, from src/cli/registry.ts.
const path = new URL('../README.md', import.meta.url);
const readme = readFileSync(path, 'utf8');
const start = '<!-- commands:start -->';
const end = '<!-- commands:end -->';
const before = readme.slice(0, readme.indexOf(start) + start.length);
const after = readme.slice(readme.indexOf(end));
writeFileSync(path, `${before}\n${commandReference()}${after}`);
