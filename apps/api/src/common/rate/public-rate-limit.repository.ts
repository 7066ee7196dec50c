import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainError } from '../http/domain-error';

/** A keyed hash of an address for one purpose: counts requests without keeping anything that reads back as an IP. */
export function addressBucket(secret: Buffer, scope: string, ip: string): string {
  return `${scope}:${createHmac('sha256', secret).update(`${scope}:${ip}`).digest('base64url').slice(0, 32)}`;
}

/**
 * Rate limits of the public forms (family intake, subscriptions, solidarity) in PostgreSQL, so they hold across
 * instances. A bucket is a purpose plus a link id or a keyed hash of an address; hits are deleted after a day.
 */
@Injectable()
export class PublicRateLimitRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Counts one hit in `bucket` and answers how many it holds within the window (this one included). */
  async hit(bucket: string, windowSeconds: number): Promise<number> {
    const [row] = await this.db.query(
      `with cleanup as (delete from public_rate_hits where at < now() - interval '1 day'),
            inserted as (insert into public_rate_hits (bucket) values ($1))
       select count(*)::int + 1 as n from public_rate_hits where bucket = $1 and at > now() - make_interval(secs => $2)`,
      [bucket, windowSeconds],
    );
    return row.n;
  }

  /** 429 with `message` once any of the buckets holds more than its limit within the hour. */
  async enforce(limits: Array<{ bucket: string; perHour: number }>, message: string): Promise<void> {
    for (const limit of limits) {
      if ((await this.hit(limit.bucket, 3600)) > limit.perHour) throw new DomainError(429, message);
    }
  }
}
