import type { Principal } from './principal';

/**
 * Which cases a user sees (issue «People and access» §4). The guard asks it for every route addressing a case;
 * listings ask it for the SQL condition. Implemented by the cases module; bound under this class as a token.
 */
export abstract class CaseScope {
  /** Whether the case exists and the user may see it; false answers 404 either way. */
  abstract canSee(principal: Principal, caseId: string): Promise<boolean>;
}
