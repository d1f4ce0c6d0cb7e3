/**
 * Feature modules of the service. Each feature adds its module here (one line each).
 */
import { EligibilityModule } from './eligibility/eligibility.module';

export const FEATURE_MODULES: any[] = [
  EligibilityModule,
];
