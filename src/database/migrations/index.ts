import { InitialSchema1764000000000 } from './1764000000000-initial-schema';

/** Every migration, in order. The service runs them on start; `synchronize` is never used. */
export const MIGRATIONS = [InitialSchema1764000000000];
