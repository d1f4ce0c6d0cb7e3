// Regenerates the diagrams in machines/README.md: npx ts-node --transpile-only test/unit/machines/regenerate-readme.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { updateReadme } from '../../../machines/mermaid';

const path = join(__dirname, '../../../machines/README.md');
writeFileSync(path, updateReadme(readFileSync(path, 'utf8')));
console.log(`updated ${path}`);
