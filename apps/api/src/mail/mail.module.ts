import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailService } from './mail.service';
import { OutboxRepository } from './outbox.repository';
import { OutboxMailEntity } from './outbox-mail.entity';

@Global()
@Module({ imports: [TypeOrmModule.forFeature([OutboxMailEntity])], providers: [MailService, OutboxRepository], exports: [MailService] })
export class MailModule {}
