/**
 * The statechart of a case, drawn from the machine definitions themselves (the same walk as machines/mermaid.ts,
 * which draws machines/README.md's diagrams): one box per state named in the reader's language, one arrow per pair
 * of states labelled with the events (the event catalogue's labels) that lead from one to the other, the current
 * state highlighted. Laid out by dagre; returns an SVG string. Pure: no framework imports, no I/O.
 *
 * Reading aids, so the chart stays legible to a mediator:
 * - transitions that keep the state (a session held, a payment recorded) are listed inside the state's box after ↻;
 * - events that keep the state in EVERY state until the end (a lawyer added, …) are listed once under the chart;
 * - arrows of the same pair of states are merged: one arrow, one line per event; guards are in the arrow's <title>;
 * - final states have a double frame; the current state is filled, bold, framed thick and marked ▶; the arrows
 *   leaving it are drawn thicker.
 * No inline styles (the page's Content-Security-Policy): presentation attributes, plus classes styled in
 * templates/assets/web.css (`/* ── statechart ── *\/`).
 */
import type { AnyStateMachine } from 'xstate';
import { EVENT_CATALOGUE, isEventType, type Text } from '../../../machines/catalogue';
import { caseMachine } from '../../../machines/case.machine';
import { claimMediationMachine } from '../../../machines/claim-mediation.machine';
import { restitutionMachine } from '../../../machines/restitution.machine';
import type { CaseStateValue, MediationStateValue, RestitutionStateValue } from '../../../machines';
import { caseStateLabel, mediationStateLabel, restitutionStateLabel } from '../../cases/state-labels';
import type { Lang } from '../i18n/lang';
import { layoutGraph, newGraph } from './dagre';

export type ChartMachine = 'case' | 'claim-mediation' | 'restitution';
export const CHART_MACHINES: readonly ChartMachine[] = ['case', 'claim-mediation', 'restitution'];

const MACHINES: Record<ChartMachine, AnyStateMachine> = {
  case: caseMachine,
  'claim-mediation': claimMediationMachine,
  restitution: restitutionMachine,
};

const t = (kk: string, ru: string, en: string): Text => ({ kk, ru, en });

/** What each chart shows, for its title. */
const MACHINE_TITLES: Record<ChartMachine, Text> = {
  case: t('Іс барысы', 'Ход дела', 'Course of the case'),
  'claim-mediation': t('Талап бойынша медиация', 'Медиация по требованию', 'Mediation of the claim'),
  restitution: t('Залалды өтеу', 'Возмещение ущерба', 'Restitution'),
};

/**
 * Events the orchestrator sends to the case machine (not recorded by users, so not in the event catalogue): a claim's
 * outcome, a claim re-opened, a claim paid in full.
 */
const INTERNAL_EVENTS: Record<string, Text> = {
  'claim.outcome': t('Талап бойынша нәтиже', 'Итог по требованию', 'Outcome of a claim'),
  'claim.reopened': t('Талап бойынша медиация жаңартылды', 'Медиация по требованию возобновлена', 'Claim reopened'),
  'restitution.paid': t('Талап толық өтелді', 'Требование возмещено полностью', 'Claim paid in full'),
};

/** Transitions taken by themselves (XState `always`), named by their condition. */
const AUTOMATIC: Record<string, Text> = {
  isStateClaim: t('мемлекеттің талабы', 'требование государства', 'state claim'),
  nothingToPay: t('төлейтін ештеңе жоқ', 'платить нечего', 'nothing to pay'),
  preHearingPartDue: t('отырысқа дейін төлеу керек', 'оплата до заседания', 'payment due before the hearing'),
  isReleased: t('босатылған', 'уже освобождён', 'already released'),
  otherwise: t('әйтпесе', 'иначе', 'otherwise'),
};
const AUTOMATIC_FALLBACK = t('автоматты түрде', 'автоматически', 'automatically');

const WORDS = {
  current: t('қазіргі күйі', 'текущее состояние', 'current state'),
  notStarted: t('басталған жоқ', 'не начато', 'not started'),
  final: t('соңғы күй', 'конечное состояние', 'final state'),
  start: t('басы', 'начало', 'start'),
  everywhere: t(
    'Іс аяқталғанға дейін кез келген күйде',
    'В любом состоянии до завершения',
    'In any state until the end',
  ),
  leads: t('келесі қадамдар', 'следующие шаги', 'next steps'),
  none: t('жоқ', 'нет', 'none'),
};

/** One transition of a machine, as machines/mermaid.ts walks them. `event` null: taken by itself (`always`). */
export interface ChartTransition {
  readonly from: string;
  readonly to: string;
  readonly event: string | null;
  readonly guard: string | null;
}

/** A guard as XState keeps it: a name, `{ type, params }`, or a combinator such as `and([...])` holding `guards`. */
function guardName(guard: unknown): string | null {
  if (typeof guard === 'string') return guard;
  if (!guard || (typeof guard !== 'object' && typeof guard !== 'function')) return null;
  const { guards, type } = guard as { guards?: unknown; type?: unknown };
  if (Array.isArray(guards)) return guards.map(guardName).join(' and ');
  if (typeof type === 'string') return type;
  return null;
}

/** The states of a machine, in definition order, and which are final. */
export function machineStates(machine: ChartMachine): { name: string; final: boolean }[] {
  return Object.entries(MACHINES[machine].root.states).map(([name, node]) => ({ name, final: node.type === 'final' }));
}

/** Every transition of the machine that changes something (a targetless transition without actions is not drawn). */
export function machineTransitions(machine: ChartMachine): ChartTransition[] {
  const out: ChartTransition[] = [];
  for (const [from, node] of Object.entries(MACHINES[machine].root.states)) {
    for (const tr of node.always ?? [])
      out.push({ from, to: tr.target?.[0]?.key ?? from, event: null, guard: guardName(tr.guard) });
    for (const [event, transitions] of node.transitions)
      for (const tr of transitions) {
        if (!tr.target && (tr.actions?.length ?? 0) === 0) continue;
        out.push({ from, to: tr.target?.[0]?.key ?? from, event, guard: guardName(tr.guard) });
      }
  }
  return out;
}

/** The state's name in the reader's language (src/cases/state-labels.ts). */
export function stateName(machine: ChartMachine, state: string, lang: Lang): string {
  if (machine === 'case') return caseStateLabel(state as CaseStateValue, lang);
  if (machine === 'claim-mediation') return mediationStateLabel(state as MediationStateValue, lang);
  return restitutionStateLabel(state as RestitutionStateValue, lang);
}

export const machineTitle = (machine: ChartMachine, lang: Lang): string => MACHINE_TITLES[machine][lang];

/** An event's label: the catalogue's, or the orchestrator's events above; the type itself as the last resort. */
export function eventName(event: string, lang: Lang): string {
  if (isEventType(event)) return EVENT_CATALOGUE[event].label[lang];
  return INTERNAL_EVENTS[event]?.[lang] ?? event;
}

function transitionName(tr: ChartTransition, lang: Lang): string {
  if (tr.event) return eventName(tr.event, lang);
  return `⚡ ${(tr.guard ? AUTOMATIC[tr.guard] : AUTOMATIC.otherwise)?.[lang] ?? AUTOMATIC_FALLBACK[lang]}`;
}

// ── text measurement (no DOM on the server: a generous estimate of the average glyph width) ──────────────────
const STATE_FONT = 13;
const EDGE_FONT = 11;
const LINE = 1.3;
const GLYPH = 0.6; // of the font size; Cyrillic in system-ui averages ~0.55
const BOLD_GLYPH = 0.65;
const STATE_CHARS = 20;
const EDGE_CHARS = 20;
const PAD_X = 10;
const PAD_Y = 8;

/** Words wrapped into lines of at most `max` characters (a longer word stands alone). */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

const textWidth = (lines: string[], font: number, glyph = GLYPH) =>
  Math.ceil(Math.max(...lines.map((l) => [...l].length)) * font * glyph);

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text and attribute values of the SVG (characters XML does not allow at all are dropped). */
export const escapeXml = (s: string): string =>
  // eslint-disable-next-line no-control-regex
  s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/[&<>"']/g, (c) => ESCAPES[c]);

const r1 = (n: number) => Math.round(n * 10) / 10;

export interface StatechartOptions {
  /** Prefix of the ids inside the SVG (markers, title): unique on the page when it shows several charts. */
  readonly id?: string;
  /** The chart's title (its accessible name); the machine's title by default. */
  readonly title?: string;
}

interface NodeBox {
  name: string;
  final: boolean;
  active: boolean;
  label: string[];
  loops: { events: string[]; lines: string[][]; title: string }[];
  width: number;
  height: number;
  x: number;
  y: number;
}

interface EdgeGroup {
  from: string;
  to: string;
  events: string[];
  names: string[];
  guards: string[];
  lines: string[];
}

/** Placeholders of the drawing cached per machine, state and language: the ids and the title of each chart. */
const ID = '\u0001id\u0001';
const TITLE = '\u0001title\u0001';
const drawings = new Map<string, string>();

/** The SVG of one machine with `active` (a state of it, or null: not begun) highlighted. */
export function statechartSvg(
  machine: ChartMachine,
  active: string | null,
  lang: Lang,
  options: StatechartOptions = {},
): string {
  const states = machineStates(machine);
  if (active !== null && !states.some((s) => s.name === active))
    throw new Error(`"${active}" is not a state of the ${machine} machine`);
  const id = (options.id ?? `sc-${machine}`).replace(/[^A-Za-z0-9_-]/g, '-');
  const title = options.title ?? MACHINE_TITLES[machine][lang];
  // The layout takes 10–30 ms and depends only on the machine, the state and the language (at most
  // 3 × (29 + 3) drawings): drawn once, then only the ids and the title are put in.
  const key = `${machine}|${active ?? ''}|${lang}`;
  let drawing = drawings.get(key);
  if (drawing === undefined) {
    drawing = draw(machine, active, lang);
    drawings.set(key, drawing);
  }
  return drawing.replaceAll(ID, id).replaceAll(TITLE, escapeXml(title));
}

function draw(machine: ChartMachine, active: string | null, lang: Lang): string {
  const states = machineStates(machine);
  const id = ID;
  const transitions = machineTransitions(machine);
  const open = states.filter((s) => !s.final).map((s) => s.name);

  // Events that keep the state in every state that is not final: listed once under the chart.
  const loopsOf = (state: string) =>
    new Set(transitions.filter((tr) => tr.from === state && tr.to === state && tr.event).map((tr) => tr.event));
  const everywhere = [...loopsOf(open[0])].filter(
    (event): event is string => event !== null && open.every((s) => loopsOf(s).has(event)),
  );

  // Boxes.
  const nodes = new Map<string, NodeBox>();
  for (const s of states) {
    const isActive = s.name === active;
    const label = wrap(`${isActive ? '▶ ' : ''}${stateName(machine, s.name, lang)}`, STATE_CHARS);
    const loops = [...loopsOf(s.name)]
      .filter((event): event is string => event !== null && !everywhere.includes(event))
      .map((event) => {
        const guards = transitions
          .filter((tr) => tr.from === s.name && tr.to === s.name && tr.event === event && tr.guard)
          .map((tr) => tr.guard as string);
        const name = eventName(event, lang);
        return {
          events: [event],
          lines: [wrap(`↻ ${name}`, EDGE_CHARS + 2).map((line, i) => (i === 0 ? line : `\u2002\u2002${line}`))],
          title: guards.length ? `${name} [${[...new Set(guards)].join('; ')}]` : name,
        };
      });
    const loopLines = loops.flatMap((l) => l.lines.flat());
    const width = Math.max(
      textWidth(label, STATE_FONT, BOLD_GLYPH),
      loopLines.length ? textWidth(loopLines, EDGE_FONT) : 0,
      80,
    );
    const height =
      label.length * STATE_FONT * LINE + (loopLines.length ? 6 + loopLines.length * EDGE_FONT * LINE : 0) + 2 * PAD_Y;
    nodes.set(s.name, {
      name: s.name,
      final: s.final,
      active: isActive,
      label,
      loops,
      width: width + 2 * PAD_X,
      height: Math.ceil(height),
      x: 0,
      y: 0,
    });
  }

  // Arrows between different states, merged per pair.
  const groups = new Map<string, EdgeGroup>();
  for (const tr of transitions) {
    if (tr.from === tr.to) continue;
    const key = `${tr.from}\u0000${tr.to}`;
    const group = groups.get(key) ?? { from: tr.from, to: tr.to, events: [], names: [], guards: [], lines: [] };
    const name = transitionName(tr, lang);
    if (!group.names.includes(name)) group.names.push(name);
    group.events.push(tr.event ?? 'always');
    group.guards.push(tr.guard ? `${name} [${tr.guard}]` : name);
    groups.set(key, group);
  }

  // One line per event; several events on one arrow are listed with bullets.
  for (const group of groups.values())
    group.lines = group.names.flatMap((name) =>
      group.names.length > 1
        ? wrap(`• ${name}`, EDGE_CHARS + 2).map((line, i) => (i === 0 ? line : `\u2002\u2002${line}`))
        : wrap(name, EDGE_CHARS),
    );

  const g = newGraph();
  g.setGraph({ rankdir: 'TB', nodesep: 20, ranksep: 30, edgesep: 10, marginx: 8, marginy: 8 });
  const initial = MACHINES[machine].root.initial?.target?.[0]?.key ?? states[0].name;
  g.setNode('__start', { width: 16, height: 16 });
  g.setEdge('__start', initial, { width: 0, height: 0, minlen: 1 }, 'start');
  for (const n of nodes.values()) g.setNode(n.name, { width: n.width, height: n.height });
  // The states are defined in the order of the procedure: an arrow back to an earlier state (a claim re-opened, a
  // petition filed again) is laid out as if it went forward and drawn reversed, so the chart reads top to bottom.
  const order = new Map(states.map((s, i) => [s.name, i]));
  for (const [key, e] of groups) {
    const back = (order.get(e.to) ?? 0) < (order.get(e.from) ?? 0);
    g.setEdge(
      back ? e.to : e.from,
      back ? e.from : e.to,
      {
        width: textWidth(e.lines, EDGE_FONT) + 6,
        height: Math.ceil(e.lines.length * EDGE_FONT * LINE) + 4,
        labelpos: 'c',
        weight: back ? 1 : 2,
        back,
      },
      key,
    );
  }
  layoutGraph(g);

  const graph = g.graph();
  let width = Math.ceil(graph.width ?? 0);
  let height = Math.ceil(graph.height ?? 0);
  for (const n of nodes.values()) {
    const laid = g.node(n.name);
    n.x = laid.x;
    n.y = laid.y;
  }

  // The events of every state, under the chart.
  const footLines = everywhere.length
    ? wrap(
        `${WORDS.everywhere[lang]}: ${everywhere.map((e) => eventName(e, lang)).join(' · ')}`,
        Math.max(30, Math.floor(width / (EDGE_FONT * GLYPH))),
      )
    : [];
  const footTop = height + 4;
  if (footLines.length) {
    height = Math.ceil(footTop + footLines.length * EDGE_FONT * LINE + 8);
    width = Math.max(width, textWidth(footLines, EDGE_FONT) + 16);
  }

  const activeName = active === null ? WORDS.notStarted[lang] : stateName(machine, active, lang);
  const next =
    active === null
      ? []
      : [...groups.values()]
          .filter((e) => e.from === active)
          .map((e) => `${e.names.join(' / ')} → ${stateName(machine, e.to, lang)}`);
  const desc =
    `${WORDS.current[lang]}: ${activeName}.` +
    (active === null ? '' : ` ${WORDS.leads[lang]}: ${next.length ? next.join('; ') : WORDS.none[lang]}.`);

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="statechart" role="img" viewBox="0 0 ${width} ${height}"` +
      ` width="${width}" height="${height}" aria-labelledby="${id}-title ${id}-desc"` +
      ` data-machine="${escapeXml(machine)}" data-active="${escapeXml(active ?? '')}"` +
      ` font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">`,
  );
  out.push(`<title id="${id}-title">${TITLE}${escapeXml(` — ${WORDS.current[lang]}: ${activeName}`)}</title>`);
  out.push(`<desc id="${id}-desc">${escapeXml(desc)}</desc>`);
  out.push(
    '<defs>' +
      `<marker id="${id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">` +
      '<path d="M0,0 L10,5 L0,10 z" class="sc-arrowhead" fill="#555"/></marker>' +
      `<marker id="${id}-arrow-next" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">` +
      '<path d="M0,0 L10,5 L0,10 z" class="sc-arrowhead sc-next" fill="#8a5300"/></marker>' +
      '</defs>',
  );

  // Arrows first, boxes over them, the arrows' labels on top.
  const labels: string[] = [];
  for (const e of g.edges()) {
    const laid = g.edge(e);
    const points = laid.back === true ? [...(laid.points ?? [])].reverse() : (laid.points ?? []);
    if (points.length < 2) continue;
    if (e.v === '__start') {
      out.push(
        `<g class="sc-edge sc-initial" data-from="" data-to="${escapeXml(e.w)}"><title>${escapeXml(WORDS.start[lang])}</title>` +
          `<path d="${pathOf(points)}" fill="none" stroke="#555" stroke-width="1.2" marker-end="url(#${id}-arrow)"/></g>`,
      );
      continue;
    }
    const group = groups.get(e.name ?? '');
    if (!group) continue;
    const isNext = group.from === active;
    out.push(
      `<g class="sc-edge${isNext ? ' sc-next' : ''}" data-from="${escapeXml(group.from)}" data-to="${escapeXml(group.to)}"` +
        ` data-events="${escapeXml([...new Set(group.events)].join(' '))}">` +
        `<title>${escapeXml(group.guards.join('\n'))}</title>` +
        `<path d="${pathOf(points)}" fill="none" stroke="${isNext ? '#8a5300' : '#555'}" stroke-width="${isNext ? 2.2 : 1.2}"` +
        ` marker-end="url(#${id}-${isNext ? 'arrow-next' : 'arrow'})"/></g>`,
    );
    if (laid.x !== undefined && laid.y !== undefined) {
      const w = textWidth(group.lines, EDGE_FONT) + 6;
      const h = group.lines.length * EDGE_FONT * LINE + 4;
      const top = laid.y - h / 2;
      const many = group.names.length > 1;
      const tx = many ? laid.x - w / 2 + 3 : laid.x;
      labels.push(
        `<g class="sc-edge-label${isNext ? ' sc-next' : ''}" aria-hidden="true">` +
          `<rect x="${r1(laid.x - w / 2)}" y="${r1(top)}" width="${w}" height="${r1(h)}" rx="3" fill="#ffffff" fill-opacity="0.9"/>` +
          `<text x="${r1(tx)}" y="${r1(top + 2)}" font-size="${EDGE_FONT}" text-anchor="${many ? 'start' : 'middle'}" fill="#333"${isNext ? ' font-weight="bold"' : ''}>` +
          tspans(group.lines, tx, EDGE_FONT) +
          '</text></g>',
      );
    }
  }

  const start = g.node('__start');
  out.push(`<circle class="sc-start" cx="${r1(start.x)}" cy="${r1(start.y)}" r="7" fill="#333"/>`);

  for (const n of nodes.values()) out.push(nodeSvg(n, lang));
  out.push(...labels);

  if (footLines.length)
    out.push(
      `<g class="sc-everywhere" data-events="${escapeXml(everywhere.join(' '))}">` +
        `<text x="8" y="${r1(footTop)}" font-size="${EDGE_FONT}" fill="#333">${tspans(footLines, 8, EDGE_FONT)}</text></g>`,
    );
  out.push('</svg>');
  return out.join('\n');
}

function nodeSvg(n: NodeBox, lang: Lang): string {
  const left = n.x - n.width / 2;
  const top = n.y - n.height / 2;
  const cls = ['sc-state', n.final ? 'sc-final' : '', n.active ? 'sc-active' : ''].filter(Boolean).join(' ');
  const parts: string[] = [
    `<g class="${cls}" data-state="${escapeXml(n.name)}"${n.active ? ' aria-current="step"' : ''}>`,
    `<title>${escapeXml(`${n.label.join(' ')}${n.final ? ` (${WORDS.final[lang]})` : ''}`)}</title>`,
    `<rect x="${r1(left)}" y="${r1(top)}" width="${r1(n.width)}" height="${r1(n.height)}" rx="6"` +
      ` fill="${n.active ? '#ffe9a8' : '#ffffff'}" stroke="${n.active ? '#8a5300' : '#555'}" stroke-width="${n.active ? 3 : 1.2}"/>`,
  ];
  if (n.final)
    parts.push(
      `<rect class="sc-final-frame" x="${r1(left + 3.5)}" y="${r1(top + 3.5)}" width="${r1(n.width - 7)}" height="${r1(n.height - 7)}"` +
        ` rx="4" fill="none" stroke="${n.active ? '#8a5300' : '#555'}" stroke-width="1"/>`,
    );
  const labelTop = top + PAD_Y;
  parts.push(
    `<text x="${r1(n.x)}" y="${r1(labelTop)}" font-size="${STATE_FONT}" text-anchor="middle" fill="#111"` +
      `${n.active ? ' font-weight="bold"' : ' font-weight="600"'}>${tspans(n.label, n.x, STATE_FONT)}</text>`,
  );
  if (n.loops.length) {
    const sep = labelTop + n.label.length * STATE_FONT * LINE + 3;
    parts.push(
      `<line x1="${r1(left + 6)}" y1="${r1(sep)}" x2="${r1(left + n.width - 6)}" y2="${r1(sep)}" stroke="#bbb" stroke-width="1"/>`,
    );
    let y = sep + 3;
    for (const loop of n.loops) {
      const lines = loop.lines.flat();
      parts.push(
        `<g class="sc-edge sc-self" data-from="${escapeXml(n.name)}" data-to="${escapeXml(n.name)}" data-events="${escapeXml(loop.events.join(' '))}">` +
          `<title>${escapeXml(loop.title)}</title>` +
          `<text x="${r1(left + PAD_X)}" y="${r1(y)}" font-size="${EDGE_FONT}" fill="#333">${tspans(lines, left + PAD_X, EDGE_FONT)}</text></g>`,
      );
      y += lines.length * EDGE_FONT * LINE;
    }
  }
  parts.push('</g>');
  return parts.join('');
}

/** Lines of a <text> whose y is the top of the first line. */
function tspans(lines: string[], x: number, font: number): string {
  return lines
    .map(
      (line, i) => `<tspan x="${r1(x)}" dy="${i === 0 ? r1(font * 0.95) : r1(font * LINE)}">${escapeXml(line)}</tspan>`,
    )
    .join('');
}

/** dagre's points as a path with rounded bends. */
function pathOf(points: { x: number; y: number }[]): string {
  const p = points.map((pt) => ({ x: r1(pt.x), y: r1(pt.y) }));
  let d = `M${p[0].x},${p[0].y}`;
  for (let i = 1; i < p.length - 1; i++) {
    const mid = { x: r1((p[i].x + p[i + 1].x) / 2), y: r1((p[i].y + p[i + 1].y) / 2) };
    d += ` Q${p[i].x},${p[i].y} ${mid.x},${mid.y}`;
  }
  d += ` L${p[p.length - 1].x},${p[p.length - 1].y}`;
  return d;
}
