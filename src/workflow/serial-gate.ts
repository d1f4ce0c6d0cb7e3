/**
 * Runs async work one at a time. SQLite has one writer and TypeORM's sqlite driver one connection:
 * two interleaved transactions on it would share BEGIN…COMMIT. Every read and write of case data goes
 * through the gate, so a reader never sees a write that may still roll back.
 */
export class SerialGate {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
