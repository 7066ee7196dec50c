import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { hashPassword } from '../users/passwords';
import { DemoSeedRegistry } from './demo-seed.registry';

const SEED_LOCK = 7_351_001;

/** Seeds the demo data once, when the database has no cases yet; safe with several instances starting together. */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('DemoSeeder');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly registry: DemoSeedRegistry,
  ) {}

  async seedIfEmpty(): Promise<boolean> {
    const password = this.config.demoPassword ?? randomBytes(12).toString('base64url');
    const passwordHash = await hashPassword(password);
    const seeded = await this.db.transaction(async (manager) => {
      await manager.query('select pg_advisory_xact_lock($1)', [SEED_LOCK]);
      const [{ empty }] = await manager.query(`select not exists (select 1 from cases) as empty`);
      if (!empty) return false;
      const context = { manager, password, passwordHash, ids: new Map<string, string>() };
      for (const step of this.registry.ordered()) {
        await step.seed(context);
      }
      return true;
    });
    if (!seeded && this.config.demoPassword) {
      // DEMO_PASSWORD set on a later start: a lost demo password is reset, not a reason to wipe DATA_DIR.
      const [, reset] = await this.db.query(`update users set password_hash = $1 where email like '%@demo.local' and password_hash is not null`, [
        passwordHash,
      ]);
      if (reset > 0) this.logger.log(`DEMO_PASSWORD set: the ${reset} demo users' passwords now match it`);
    }
    if (seeded) {
      for (const rule of this.registry.afterSeedRules()) await rule();
      this.logger.log('demo data seeded');
      if (!this.config.demoPassword) {
        // Printed once, on the console only: the password of every demo user.
        process.stdout.write(`\nDemo users (admin|lawyer|lawyer2|medic|finance)@demo.local, password: ${password}\n\n`);
      }
    }
    return seeded;
  }
}
