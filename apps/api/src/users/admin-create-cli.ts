// `npm run admin:create -- EMAIL [NAME]`: the first admin (or another) with a one-time invite link, for a
// fresh deployment where nobody can sign in yet. Works on DATABASE_URL or on DATA_DIR's embedded database,
// whether the app is running or not; applies pending migrations first so it also works on an empty database.
import 'reflect-metadata';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createUserRequest } from '@habeas/contracts';
import { AuditModule } from '../audit/audit.module';
import { DemoModule } from '../demo/demo.module';
import { FieldCipher } from '../common/crypto/field-cipher';
import { DomainError } from '../common/http/domain-error';
import { AppConfig, ConfigError } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { loadConfig } from '../config/load-config';
import { openCliDatabase } from '../database/cli-database';
import { dataSourceOptions } from '../database/data-source-options';
import { runMigrations } from '../database/migrate';
import { UsersModule } from './users.module';
import { UsersService } from './users.service';

@Module({})
class AdminCliModule {
  static with(config: AppConfig): DynamicModule {
    return {
      module: AdminCliModule,
      imports: [
        ConfigModule.with(config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.databaseUrl), migrationsRun: false }),
        AuditModule,
        DemoModule,
        UsersModule,
      ],
    };
  }
}

const usage = 'usage: npm run admin:create -- EMAIL [NAME]';

async function main(): Promise<void> {
  const [emailArgument, ...nameWords] = process.argv.slice(2);
  const parsed = createUserRequest.pick({ email: true, name: true }).safeParse({ email: emailArgument ?? '', name: nameWords.join(' ') || 'Admin' });
  if (!parsed.success) {
    process.stderr.write(`${emailArgument ? `not a usable email or name: ${parsed.error.issues[0].message}` : 'an email is required'}\n${usage}\n`);
    process.exit(2);
  }
  let config = loadConfig(process.env);
  FieldCipher.configure(config.encryptionKey, config.previousEncryptionKeys);
  const database = await openCliDatabase(config);
  try {
    config = { ...config, databaseUrl: database.url };
    await runMigrations(config.databaseUrl);
    const app = await NestFactory.createApplicationContext(AdminCliModule.with(config), { logger: ['error'] });
    try {
      const { inviteUrl, created } = await app.get(UsersService).inviteAdmin(parsed.data.email, parsed.data.name);
      process.stdout.write(
        `${created ? 'Admin created' : 'New invite for the admin'} ${parsed.data.email}. One-time invite link (valid 7 days): ${inviteUrl}\n`,
      );
    } finally {
      await app.close();
    }
  } finally {
    await database.release();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof DomainError;
  process.stderr.write(`admin:create failed: ${known ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
