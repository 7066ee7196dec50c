import { z } from 'zod';
import { currency } from './currencies';

export { currency };

export const uuid = z.uuid({ error: 'must be a UUID' });

/** `?limit=&cursor=` of every list (CONTRACT §4). */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1, 'must be between 1 and 100').max(100, 'must be between 1 and 100').default(50),
  cursor: z.string().max(500).optional(),
});
export type PageQuery = z.infer<typeof pageQuery>;

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Money is integer minor units with an ISO currency. */
export const money = z.object({
  amountMinor: z.number().int('must be an integer amount in minor units'),
  currency,
});
export type Money = z.infer<typeof money>;

export const isoDateTime = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' });
export const isoDate = z.iso.date({ error: 'must be a date (YYYY-MM-DD)' });

export const errorBody = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  requestId: z.string().optional(),
});
export type ErrorBody = z.infer<typeof errorBody>;
