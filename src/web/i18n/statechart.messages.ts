/** The statecharts of a case (templates/partials/web/statechart.hbs). */
import { text, type Messages } from './lang';

export const STATECHART_MESSAGES: Messages = {
  'statechart.heading': text('Іс қай сатыда', 'Где находится дело', 'Where the case stands'),
  'statechart.legend': text(
    'Қазіргі күй ▶ белгісімен және қалың жиекпен көрсетілген, одан шығатын көрсеткілер қалың. Қос жиек — процедураның соңы. ↻ — күйді өзгертпейтін қадамдар. ⚡ — өздігінен болатын өту.',
    'Текущее состояние отмечено ▶ и толстой рамкой, стрелки из него — толстые. Двойная рамка — конец процедуры. ↻ — шаги, не меняющие состояние. ⚡ — переход сам собой.',
    'The current state is marked ▶ with a thick frame; the arrows leaving it are thick. A double frame ends the procedure. ↻ — steps that keep the state. ⚡ — a transition by itself.',
  ),
  'statechart.current': text('Қазіргі күйі', 'Текущее состояние', 'Current state'),
  'statechart.claim': text('Талап: {victim}', 'Требование: {victim}', 'Claim: {victim}'),
};
