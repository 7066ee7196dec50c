import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AlertingModule } from './alerting/alerting.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { BankTransfersModule } from './bank-transfers/bank-transfers.module';
import { CalendarModule } from './calendar/calendar.module';
import { CasesModule } from './cases/cases.module';
import { ErrorFilter } from './common/http/error.filter';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { DashboardModule } from './dashboard/dashboard.module';
import { DemoModule } from './demo/demo.module';
import { DetentionModule } from './detention/detention.module';
import { DonationsModule } from './donations/donations.module';
import { DocumentsModule } from './documents/documents.module';
import { EvidenceModule } from './evidence/evidence.module';
import { PublicCaseModule } from './public-case/public-case.module';
import { IntakeModule } from './intake/intake.module';
import { SolidarityModule } from './solidarity/solidarity.module';
import { HealthModule } from './health/health.module';
import { JobsModule } from './jobs/jobs.module';
import { MailModule } from './mail/mail.module';
import { MedicalModule } from './medical/medical.module';
import { ProceedingsModule } from './proceedings/proceedings.module';
import { loggerOptions } from './logging';
import { UsersModule } from './users/users.module';

/** Wires the feature modules; each area owns its folder, tables and routes. */
@Module({})
export class AppModule {
  static with(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.with(config),
        LoggerModule.forRoot(loggerOptions(config)),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.databaseUrl), migrationsRun: false }),
        JobsModule,
        MailModule,
        DemoModule,
        AuditModule,
        HealthModule,
        UsersModule,
        AuthModule,
        CasesModule,
        DetentionModule,
        MedicalModule,
        AlertingModule,
        EvidenceModule,
        PublicCaseModule,
        IntakeModule,
        SolidarityModule,
        DonationsModule,
        BankTransfersModule,
        ProceedingsModule,
        CalendarModule,
        DashboardModule,
        DocumentsModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ErrorFilter }],
    };
  }
}
