import { AppError } from '../errors/app-error';
import { createRateLimiter, type RateLimiter } from './token-bucket';

// Sign-in: a tight bucket per address and e-mail, and a looser one per e-mail alone, because the
// client address comes from X-Forwarded-For and can be varied by an attacker. The per-e-mail
// bucket lets someone slow down a victim's sign-in; we accept that over unlimited guessing.
export const signInByAddress = createRateLimiter({ capacity: 10, refillPerSecond: 1 / 60 });
export const signInByEmail = createRateLimiter({ capacity: 30, refillPerSecond: 1 / 30 });
export const signUpByAddress = createRateLimiter({ capacity: 10, refillPerSecond: 1 / 60 });
export const apiTokenUse = createRateLimiter({ capacity: 300, refillPerSecond: 20 });
// Agents poll and heartbeat with one key per deployment, however many replicas run: a burst of
// 120 covers every replica re-polling at once after a change; 4/s sustains ~50 replicas.
export const agentKeyUse = createRateLimiter({ capacity: 120, refillPerSecond: 4 });
export const agentFailures = createRateLimiter({ capacity: 30, refillPerSecond: 0.5 });

export function enforceRateLimit(limiter: RateLimiter, key: string, what: string): void {
  if (limiter.take(key)) return;
  const seconds = Math.max(1, limiter.retryAfterSeconds(key));
  throw new AppError('rate_limited', `Too many ${what}; try again in ${seconds} seconds.`, {
    headers: { 'Retry-After': String(seconds) },
  });
}
