export * from './events';
export { caseMachine, caseChecks, type CaseContext, type CaseInput } from './case.machine';
export {
  claimMediationMachine,
  claimMediationChecks,
  type ClaimMediationContext,
  type ClaimMediationInput,
} from './claim-mediation.machine';
export {
  restitutionMachine,
  restitutionChecks,
  type RestitutionContext,
  type RestitutionInput,
  type Payment,
  type Miss,
  paymentOf,
} from './restitution.machine';
export * from './snapshot';
export * from './effects';
export * from './procedure';
export * from './read';
export * from './catalogue';
