/**
 * The model of templates/partials/web/statechart.hbs: the statecharts of one case — the case's own machine, and per
 * claim its mediation and, once agreed, its restitution — each with its current state highlighted and named in
 * words (the text alternative). A case page renders it with `{{> web/statechart statecharts}}` where
 * `statecharts = caseStatecharts(view, lang)`. Pure.
 */
import type { CaseView } from '../../cases/case-view';
import type { Lang } from '../i18n/lang';
import { type ChartMachine, machineTitle, stateName, statechartSvg } from './statechart';

export interface StatechartFigure {
  readonly machine: ChartMachine;
  /** What the chart shows («Ход дела»). */
  readonly heading: string;
  /** The current state in words («идёт медиация»). */
  readonly current: string;
  /** The SVG (escaped inside: safe for `{{{svg}}}`). */
  readonly svg: string;
}

export interface ClaimStatecharts {
  readonly id: string;
  /** The victim (a person or a legal entity) or the state body. */
  readonly victim: string;
  readonly figures: StatechartFigure[];
}

export interface CaseStatecharts {
  readonly case: StatechartFigure;
  readonly claims: ClaimStatecharts[];
}

type ViewPart = Pick<CaseView, 'state' | 'claims'>;

function figure(machine: ChartMachine, active: string, lang: Lang, id: string): StatechartFigure {
  return {
    machine,
    heading: machineTitle(machine, lang),
    current: stateName(machine, active, lang),
    svg: statechartSvg(machine, active, lang, { id }),
  };
}

export function caseStatecharts(view: ViewPart, lang: Lang): CaseStatecharts {
  return {
    case: figure('case', view.state, lang, 'sc-case'),
    claims: view.claims
      .filter((c) => c.state !== null)
      .map((c, i) => ({
        id: c.id,
        victim: c.victim.fullName,
        figures: [
          figure('claim-mediation', c.state as string, lang, `sc-claim${i}-mediation`),
          ...(c.restitution ? [figure('restitution', c.restitution, lang, `sc-claim${i}-restitution`)] : []),
        ],
      })),
  };
}
