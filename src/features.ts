/**
 * Feature modules of the service. Each feature adds its module here (one line each).
 */
export const FEATURE_MODULES: any[] = [
];
