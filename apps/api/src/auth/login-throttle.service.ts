import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/http/domain-error';

const WINDOW = '15 minutes';
export const MAX_FAILURES_PER_EMAIL = 10;
/** Generous enough for an office behind one NAT, low enough to stop password spraying. */
export const MAX_FAILURES_PER_IP = 100;

/** Counts sign-in failures in PostgreSQL so the limits hold across API instances. */
@Injectable()
export class LoginThrottleService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async assertAllowed(email: string, ip: string): Promise<void> {
    const [row] = await this.db.query(
      `select (select count(*) from login_attempts where email = $1 and at > now() - interval '${WINDOW}')::int as by_email,
              (select count(*) from login_attempts where ip = $2 and at > now() - interval '${WINDOW}')::int as by_ip`,
      [email, ip],
    );
    if (row.by_email >= MAX_FAILURES_PER_EMAIL || row.by_ip >= MAX_FAILURES_PER_IP) {
      throw new DomainError(429, 'Too many failed sign-in attempts; try again in 15 minutes');
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await this.db.query(`insert into login_attempts (email, ip) values ($1, $2)`, [email, ip]);
  }

  /** A successful sign-in clears that email's failures. */
  async clear(email: string): Promise<void> {
    await this.db.query(`delete from login_attempts where email = $1`, [email]);
  }
}
