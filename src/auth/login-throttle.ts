/**
 * Failed sign-ins, counted per login and per client address in a sliding window. Kept in this process's memory:
 * a restart forgets them, and several service processes (PostgreSQL) each count their own — an attacker then gets
 * the limit once per process, which the global rate limit and argon2's cost still bound.
 */
export const LOGIN_THROTTLE = {
  /** Failures of one login within the window before further attempts wait (a guessed password, a forgotten one). */
  perLogin: 5,
  /** Failures from one address, over any logins (password spraying). */
  perAddress: 20,
  windowMs: 15 * 60_000,
} as const;

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly limits: typeof LOGIN_THROTTLE = LOGIN_THROTTLE) {}

  /** Seconds until the next attempt is accepted; 0 when it is accepted now. */
  retryAfter(login: string, address: string | null, nowMs: number): number {
    const wait = Math.max(
      this.wait(`l:${login.trim().toLowerCase()}`, this.limits.perLogin, nowMs),
      address ? this.wait(`a:${address}`, this.limits.perAddress, nowMs) : 0,
    );
    return wait > 0 ? Math.ceil(wait / 1000) : 0;
  }

  failed(login: string, address: string | null, nowMs: number): void {
    this.push(`l:${login.trim().toLowerCase()}`, nowMs);
    if (address) this.push(`a:${address}`, nowMs);
  }

  /** A successful sign-in clears the login's failures (not the address's: a sprayer may know one password). */
  succeeded(login: string): void {
    this.failures.delete(`l:${login.trim().toLowerCase()}`);
  }

  private wait(key: string, limit: number, nowMs: number): number {
    const times = this.recent(key, nowMs);
    if (times.length < limit) return 0;
    return times[times.length - limit] + this.limits.windowMs - nowMs;
  }

  private push(key: string, nowMs: number): void {
    const times = this.recent(key, nowMs);
    times.push(nowMs);
    this.failures.set(key, times.slice(-Math.max(this.limits.perLogin, this.limits.perAddress)));
    if (this.failures.size > 100_000) this.failures.delete(this.failures.keys().next().value as string);
  }

  private recent(key: string, nowMs: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > nowMs - this.limits.windowMs && t <= nowMs);
  }
}
