/**
 * Mermaid `stateDiagram-v2` generated from a machine definition, so the README's diagrams cannot drift from
 * the code. Pure: returns text. Regenerate the README with
 *   npx ts-node --transpile-only test/unit/machines/regenerate-readme.ts
 */
import type { AnyStateMachine } from 'xstate';
import { caseMachine } from './case.machine';
import { claimMediationMachine } from './claim-mediation.machine';
import { restitutionMachine } from './restitution.machine';

/** A guard as XState keeps it: a name, `{ type, params }`, or a combinator such as `and([...])` holding `guards`. */
function guardLabel(guard: unknown): string | null {
  if (typeof guard === 'string') return guard;
  if (!guard || (typeof guard !== 'object' && typeof guard !== 'function')) return null;
  const { guards, type } = guard as { guards?: unknown; type?: unknown };
  if (Array.isArray(guards)) return guards.map(guardLabel).join(' and ');
  if (typeof type === 'string') return type;
  return null;
}

export function toMermaid(machine: AnyStateMachine): string {
  const root = machine.root;
  const lines = ['stateDiagram-v2'];
  const seen = new Set<string>();
  const edge = (from: string, to: string, label: string) => {
    const line = `  ${from} --> ${to}${label ? `: ${label}` : ''}`;
    if (!seen.has(line)) lines.push(line);
    seen.add(line);
  };
  const initial = root.initial?.target?.[0]?.key ?? Object.keys(root.states)[0];
  edge('[*]', initial, '');
  for (const [key, node] of Object.entries(root.states)) {
    for (const t of node.always ?? []) {
      const g = guardLabel(t.guard);
      edge(key, t.target?.[0]?.key ?? key, g ? `[${g}]` : 'otherwise');
    }
    for (const [type, transitions] of node.transitions) {
      for (const t of transitions) {
        // A targetless transition without actions changes nothing (an idempotent repeat): not drawn.
        if (!t.target && (t.actions?.length ?? 0) === 0) continue;
        const g = guardLabel(t.guard);
        edge(key, t.target?.[0]?.key ?? key, g ? `${type} [${g}]` : type);
      }
    }
    if (node.type === 'final') edge(key, '[*]', '');
  }
  return lines.join('\n');
}

export const DIAGRAMS: Record<string, AnyStateMachine> = {
  case: caseMachine,
  'claim-mediation': claimMediationMachine,
  restitution: restitutionMachine,
};

/** Replaces every `<!-- diagram:NAME -->` … `<!-- /diagram:NAME -->` block of the README with the generated diagram. */
export function updateReadme(readme: string): string {
  let out = readme;
  for (const [name, machine] of Object.entries(DIAGRAMS)) {
    const block = new RegExp(`(<!-- diagram:${name} -->)[\\s\\S]*?(<!-- /diagram:${name} -->)`);
    if (!block.test(out)) throw new Error(`README has no block <!-- diagram:${name} -->`);
    out = out.replace(
      block,
      (_m, open: string, close: string) => `${open}\n\`\`\`mermaid\n${toMermaid(machine)}\n\`\`\`\n${close}`,
    );
  }
  return out;
}
