import type { INestApplication } from '@nestjs/common';

/** Filled in when the documents feature is wired: median HTML render and warm PDF of the agreement. */
export async function benchDocuments(_app: INestApplication): Promise<string[]> {
  return [];
}
