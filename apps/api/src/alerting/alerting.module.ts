import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { MedicalModule } from '../medical/medical.module';
import { AlertChannelsService } from './alert-channels.service';
import { AlertDispatchService } from './alert-dispatch.service';
import { AlertingController } from './alerting.controller';
import { ChannelsRepository } from './channels.repository';
import { OnCallController } from './on-call.controller';
import { OnCallDemo } from './on-call.demo';
import { OnCallRepository } from './on-call.repository';
import { OnCallService } from './on-call.service';
import { PersonNotifier } from './person-notifier';
import { PushSender } from './push-sender';
import { TelegramBotClient } from './telegram-bot.client';
import { TelegramPollerService } from './telegram-poller.service';
import { TelegramService } from './telegram.service';

/** Alerts on phones: Web Push, Telegram, the on-call rota and escalation policy, delivery records. */
@Module({
  imports: [MedicalModule, CasesModule, AuditModule],
  controllers: [AlertingController, OnCallController],
  providers: [
    AlertChannelsService,
    AlertDispatchService,
    ChannelsRepository,
    OnCallDemo,
    OnCallRepository,
    OnCallService,
    PersonNotifier,
    PushSender,
    TelegramBotClient,
    TelegramPollerService,
    TelegramService,
  ],
})
export class AlertingModule {}
