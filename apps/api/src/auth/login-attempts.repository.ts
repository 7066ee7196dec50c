import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Sign-in attempts kept in PostgreSQL, so the limits hold across API instances. */
@Injectable()
export class LoginAttemptsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(email: string, ip: string): Promise<string> {
    const [{ id }] = await this.db.query(`insert into login_attempts (email, ip) values ($1, $2) returning id`, [email, ip]);
    return id;
  }

  /** Attempts within the window, for this email and for this address (each one counted once it is recorded). */
  async countSince(email: string, ip: string, window: string): Promise<{ byEmail: number; byIp: number }> {
    const [row] = await this.db.query(
      `select (select count(*) from login_attempts where email = $1 and at > now() - $3::interval)::int as by_email,
              (select count(*) from login_attempts where ip = $2 and at > now() - $3::interval)::int as by_ip`,
      [email, ip, window],
    );
    return { byEmail: row.by_email, byIp: row.by_ip };
  }

  async remove(id: string): Promise<void> {
    await this.db.query(`delete from login_attempts where id = $1`, [id]);
  }

  async removeForEmail(email: string): Promise<void> {
    await this.db.query(`delete from login_attempts where email = $1`, [email]);
  }
}
