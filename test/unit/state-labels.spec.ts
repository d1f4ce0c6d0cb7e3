import { stateLabelRu } from '../../src/cases/state-labels';
import { caseMachine } from '../../machines/case.machine';
import { claimMediationMachine } from '../../machines/claim-mediation.machine';

/** Every state a user can meet in a message has a Russian name. */
describe('Russian state names', () => {
  it.each(Object.keys(caseMachine.root.states))('case state %s', (state) => {
    expect(stateLabelRu(state)).toMatch(/[а-я]/);
  });
  it.each(Object.keys(claimMediationMachine.root.states))('claim state %s', (state) => {
    expect(stateLabelRu(`mediation (claim 0000: ${state})`)).toMatch(/по этому требованию: [а-я]/);
  });
});
