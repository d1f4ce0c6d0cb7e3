import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIAGRAMS, toMermaid, updateReadme } from '../../../machines/mermaid';

const readmePath = join(__dirname, '../../../machines/README.md');

describe('machines/README.md', () => {
  it('has the diagrams generated from the current machines (regenerate: npx ts-node --transpile-only test/unit/machines/regenerate-readme.ts)', () => {
    const readme = readFileSync(readmePath, 'utf8');
    expect(updateReadme(readme)).toBe(readme);
  });

  it('draws every state of every machine', () => {
    for (const machine of Object.values(DIAGRAMS)) {
      const diagram = toMermaid(machine);
      expect(diagram.startsWith('stateDiagram-v2')).toBe(true);
      for (const state of Object.keys(machine.root.states)) expect(diagram).toMatch(new RegExp(`\\b${state}\\b`));
    }
  });
});
