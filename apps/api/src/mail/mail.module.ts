import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailService } from './mail.service';
import { OutboxMailEntity } from './outbox-mail.entity';

@Global()
@Module({ imports: [TypeOrmModule.forFeature([OutboxMailEntity])], providers: [MailService], exports: [MailService] })
export class MailModule {}
