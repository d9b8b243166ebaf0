import { z } from 'zod';

export const ZResourceId = z.string().min(1).max(64);
export const ZIdParams = z.object({ id: ZResourceId });

export const ZTimestamp = z.iso.datetime({ offset: true });

/** A future instant, e.g. an expiry; sent as ISO 8601 with an offset. */
export const ZFutureTimestamp = ZTimestamp.refine(
  (value) => new Date(value).getTime() > Date.now(),
  'must be in the future',
);

export function toIso(date: Date): string;
export function toIso(date: Date | null): string | null;
export function toIso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}
