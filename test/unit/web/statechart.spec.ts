/**
 * The statechart SVG is drawn from the machine definitions: every state is a box named in the reader's language,
 * every transition's event is on an arrow (or, when it keeps the state, in the box or under the chart), exactly the
 * current state is highlighted, and the result is well-formed XML that stays inside its viewBox.
 */
import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS, type Lang } from '../../../src/web/i18n/lang';
import { registerPageHelpers } from '../../../src/web/render/helpers';
import { caseStatecharts } from '../../../src/web/statechart/case-statecharts';
import {
  CHART_MACHINES,
  type ChartMachine,
  escapeXml,
  eventName,
  machineStates,
  machineTransitions,
  stateName,
  statechartSvg,
  wrap,
} from '../../../src/web/statechart/statechart';

// ── a strict little XML parser: throws on anything not well-formed ───────────────────────────────────────────
interface El {
  name: string;
  attrs: Record<string, string>;
  children: (El | string)[];
}

const ENTITY = /^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;

function decode(raw: string, where: string): string {
  for (let i = raw.indexOf('&'); i >= 0; i = raw.indexOf('&', i + 1))
    if (!ENTITY.test(raw.slice(i))) throw new Error(`bare & in ${where}: ${raw.slice(i, i + 12)}`);
  if (raw.includes('<')) throw new Error(`bare < in ${where}`);
  return raw
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

function parseXml(xml: string): El {
  const root: El = { name: '#root', attrs: {}, children: [] };
  const stack: El[] = [root];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>/y;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? xml.length : lt;
    if (textEnd > i) {
      const text = decode(xml.slice(i, textEnd), `text of <${stack[stack.length - 1].name}>`);
      if (stack.length === 1 && text.trim()) throw new Error('text outside the root element');
      stack[stack.length - 1].children.push(text);
    }
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(xml);
    if (!m) throw new Error(`malformed tag at ${lt}: ${xml.slice(lt, lt + 40)}`);
    const [whole, closing, name, rawAttrs, selfClosing] = m;
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
    } else {
      const attrs: Record<string, string> = {};
      for (const a of rawAttrs.matchAll(/([\w:-]+)="([^"]*)"/g)) {
        if (a[1] in attrs) throw new Error(`attribute ${a[1]} twice on <${name}>`);
        attrs[a[1]] = decode(a[2], `attribute ${a[1]} of <${name}>`);
      }
      const el: El = { name, attrs, children: [] };
      stack[stack.length - 1].children.push(el);
      if (!selfClosing) stack.push(el);
    }
    i = lt + whole.length;
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1].name}> is not closed`);
  const elements = root.children.filter((c): c is El => typeof c !== 'string');
  if (elements.length !== 1) throw new Error('not exactly one root element');
  return elements[0];
}

const all = (el: El): El[] => [el, ...el.children.filter((c): c is El => typeof c !== 'string').flatMap((c) => all(c))];
const classes = (el: El) => (el.attrs.class ?? '').split(/\s+/);
const hasClass = (el: El, c: string) => classes(el).includes(c);
/** The text a reader sees (the <title>s are tooltips, not counted): lines joined, indents and bullets removed. */
const seen = (el: El): string =>
  el.name === 'title' || el.name === 'desc'
    ? ''
    : el.children
        .map((c) => (typeof c === 'string' ? c : seen(c) + ' '))
        .join('')
        .replace(/[\u2002•]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
const childText = (el: El, name: string) =>
  el.children
    .filter((c): c is El => typeof c !== 'string' && c.name === name)
    .map((c) => c.children.filter((x): x is string => typeof x === 'string').join(''))
    .join('');

const ACTIVE: Record<ChartMachine, string> = {
  case: 'mediation',
  'claim-mediation': 'negotiating',
  restitution: 'inArrears',
};

describe('statechartSvg', () => {
  for (const machine of CHART_MACHINES)
    for (const lang of LANGS)
      describe(`${machine} in ${lang}`, () => {
        const active = ACTIVE[machine];
        const svg = statechartSvg(machine, active, lang);
        const root = parseXml(svg);
        const els = all(root);

        it('is a well-formed SVG image with a title and a description naming the current state', () => {
          expect(root.name).toBe('svg');
          expect(root.attrs.role).toBe('img');
          expect(root.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
          const current = stateName(machine, active, lang);
          expect(childText(root, 'title')).toContain(current);
          expect(childText(root, 'desc')).toContain(current);
          const [x, y, w, h] = root.attrs.viewBox.split(' ').map(Number);
          expect([x, y, w, h].every(Number.isFinite)).toBe(true);
          expect(Number(root.attrs.width)).toBe(w);
          expect(Number(root.attrs.height)).toBe(h);
          expect(root.attrs['aria-labelledby']).toBe(`sc-${machine}-title sc-${machine}-desc`);
          expect(svg).not.toMatch(/\sstyle=/);
        });

        it('has one box per state, named in the language; final states are marked', () => {
          const boxes = els.filter((e) => hasClass(e, 'sc-state'));
          const states = machineStates(machine);
          expect(boxes.map((b) => b.attrs['data-state']).sort()).toEqual(states.map((s) => s.name).sort());
          for (const s of states) {
            const box = boxes.find((b) => b.attrs['data-state'] === s.name)!;
            const name = seen(box.children.find((c): c is El => typeof c !== 'string' && c.name === 'text')!);
            expect(name.replace(/^▶ /, '')).toBe(stateName(machine, s.name, lang));
            expect(hasClass(box, 'sc-final')).toBe(s.final);
          }
        });

        it("puts every transition's event on an arrow between its states (or in the box that it keeps)", () => {
          const edges = els.filter((e) => hasClass(e, 'sc-edge') && !hasClass(e, 'sc-initial'));
          const everywhere = els.find((e) => hasClass(e, 'sc-everywhere'));
          const labels = els.filter((e) => hasClass(e, 'sc-edge-label'));
          const missing: string[] = [];
          for (const tr of machineTransitions(machine)) {
            const event = tr.event ?? 'always';
            const onEdge = edges.some(
              (e) =>
                e.attrs['data-from'] === tr.from &&
                e.attrs['data-to'] === tr.to &&
                e.attrs['data-events'].split(' ').includes(event),
            );
            const inFooter = tr.from === tr.to && !!everywhere?.attrs['data-events'].split(' ').includes(event);
            if (!onEdge && !inFooter) missing.push(`${tr.from} -${event}-> ${tr.to}`);
            // The reader sees the event's label (in the box, on the arrow, or under the chart).
            if (tr.event) {
              const label = eventName(tr.event, lang);
              const shown = [...labels, ...edges, ...(everywhere ? [everywhere] : [])].some((e) =>
                seen(e).includes(label),
              );
              if (!shown) missing.push(`label «${label}» of ${tr.event}`);
            }
          }
          expect(missing).toEqual([]);
          // No arrow is drawn that the machine does not have.
          const pairs = new Set(machineTransitions(machine).map((tr) => `${tr.from}>${tr.to}`));
          for (const e of edges) expect(pairs.has(`${e.attrs['data-from']}>${e.attrs['data-to']}`)).toBe(true);
        });

        it('highlights exactly the current state (fill, bold, aria-current) and the arrows leaving it', () => {
          const highlighted = els.filter((e) => hasClass(e, 'sc-active'));
          expect(highlighted.map((e) => e.attrs['data-state'])).toEqual([active]);
          expect(els.filter((e) => e.attrs['aria-current']).map((e) => e.attrs['data-state'])).toEqual([active]);
          const rect = highlighted[0].children.find((c): c is El => typeof c !== 'string' && c.name === 'rect')!;
          expect(rect.attrs.fill).not.toBe('#ffffff');
          const text = highlighted[0].children.find((c): c is El => typeof c !== 'string' && c.name === 'text')!;
          expect(text.attrs['font-weight']).toBe('bold');
          const others = els.filter((e) => hasClass(e, 'sc-state') && !hasClass(e, 'sc-active'));
          for (const o of others) {
            const t = o.children.find((c): c is El => typeof c !== 'string' && c.name === 'text')!;
            expect(t.attrs['font-weight']).not.toBe('bold');
          }
          const next = els.filter((e) => hasClass(e, 'sc-edge') && hasClass(e, 'sc-next'));
          expect(next.length).toBeGreaterThan(0);
          for (const e of next) expect(e.attrs['data-from']).toBe(active);
        });

        it('keeps every box and label inside the viewBox', () => {
          const [, , w, h] = root.attrs.viewBox.split(' ').map(Number);
          for (const r of els.filter((e) => e.name === 'rect')) {
            const x = Number(r.attrs.x);
            const y = Number(r.attrs.y);
            expect(x).toBeGreaterThanOrEqual(0);
            expect(y).toBeGreaterThanOrEqual(0);
            expect(x + Number(r.attrs.width)).toBeLessThanOrEqual(w + 0.5);
            expect(y + Number(r.attrs.height)).toBeLessThanOrEqual(h + 0.5);
          }
        });
      });

  it('names states and events in Kazakh, Russian and English', () => {
    const texts = (lang: Lang) => seen(parseXml(statechartSvg('case', 'applied', lang)));
    expect(texts('ru')).toContain('идёт медиация');
    expect(texts('ru')).toContain('Дело принято');
    expect(texts('kk')).toContain('медиация жүріп жатыр');
    expect(texts('kk')).toContain('Іс қабылданды');
    expect(texts('en')).toContain('mediation under way');
    expect(texts('en')).toContain('Case accepted');
    expect(seen(parseXml(statechartSvg('claim-mediation', 'pending', 'en')))).toContain('Invitation sent');
    expect(seen(parseXml(statechartSvg('restitution', 'current', 'kk')))).toContain(
      eventName('payment.recorded', 'kk'),
    );
  });

  it('without a current state highlights nothing; an unknown state is a defect', () => {
    const root = parseXml(statechartSvg('restitution', null, 'ru'));
    expect(all(root).filter((e) => hasClass(e, 'sc-active') || e.attrs['aria-current'])).toEqual([]);
    expect(childText(root, 'title')).toContain('не начато');
    expect(() => statechartSvg('case', 'nonsense', 'ru')).toThrow('"nonsense" is not a state of the case machine');
  });

  it('escapes what it writes, and its ids are unique per chart', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
    const svg = statechartSvg('case', 'closed', 'en', { id: 'c1 <x>', title: 'Case <b>"&"</b>' });
    const root = parseXml(svg);
    expect(childText(root, 'title')).toContain('Case <b>"&"</b>');
    expect(root.attrs['aria-labelledby']).toBe('c1--x--title c1--x--desc');
    expect(svg).toContain('url(#c1--x--arrow)');
  });

  it('wraps words into lines', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrap('averyveryverylongword x', 5)).toEqual(['averyveryverylongword', 'x']);
    expect(wrap('', 5)).toEqual(['']);
  });
});

describe('the statecharts partial of a case', () => {
  const hb = Handlebars.create();
  registerPageHelpers(hb);
  const partial = readFileSync(
    join(__dirname, '..', '..', '..', 'templates', 'partials', 'web', 'statechart.hbs'),
    'utf8',
  );
  hb.registerPartial('web/statechart', partial);
  const page = hb.compile('{{> web/statechart statecharts}}');
  const view = {
    state: 'restitution' as const,
    claims: [
      {
        id: 'c1',
        victim: { type: 'person' as const, fullName: 'Иванов <Иван>' },
        state: 'agreed' as const,
        restitution: 'inArrears' as const,
      },
      {
        id: 'c2',
        victim: { type: 'legal_entity' as const, fullName: 'ТОО «Ромашка»' },
        state: 'refused' as const,
        restitution: null,
      },
    ],
  } as unknown as Parameters<typeof caseStatecharts>[0];

  for (const lang of LANGS)
    it(`shows the case's chart and each claim's, with the current state in words (${lang})`, () => {
      const html = page({ page: { lang }, statecharts: caseStatecharts(view, lang) });
      expect(html.match(/<svg /g)).toHaveLength(4); // the case, claim 1 mediation + restitution, claim 2 mediation
      expect(html).toContain(`: <strong>${stateName('case', 'restitution', lang)}</strong>`);
      expect(html).toContain(`<strong>${stateName('restitution', 'inArrears', lang)}</strong>`);
      expect(html).toContain(`<strong>${stateName('claim-mediation', 'refused', lang)}</strong>`);
      expect(html).toContain('Иванов &lt;Иван&gt;');
      expect(html).not.toContain('<Иван>');
      const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size).toBe(ids.length);
      expect(html).not.toMatch(/\sstyle=/);
    });
});
