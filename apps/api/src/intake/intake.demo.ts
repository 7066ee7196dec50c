import { Injectable, OnModuleInit } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { tokenHash } from '../common/crypto/tokens';
import { DemoSeedRegistry } from '../demo/demo-seed.registry';
import { IntakeRepository } from './intake.repository';
import { newReceiptCode } from './receipt-code';

const hour = 3600 * 1000;

/** The family side of the demo case: the link the mother uses, and her report waiting in the triage inbox. */
@Injectable()
export class IntakeDemo implements OnModuleInit {
  constructor(
    private readonly registry: DemoSeedRegistry,
    private readonly intake: IntakeRepository,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      order: 71,
      name: 'family intake',
      seed: async ({ manager, ids }) => {
        const caseId = ids.get('case:vorontsov')!;
        const linkId = randomUUID();
        // The demo link's token is random and thrown away: a lawyer makes a fresh one to try the form.
        const token = createHash('sha256').update(randomUUID()).digest('base64url');
        await this.intake.insertLink(
          {
            id: linkId,
            caseId,
            tokenHash: tokenHash(this.config.sessionSecret, token),
            label: 'Мать, Воронцова Н. П.',
            expiresAt: null,
            createdBy: ids.get('user:lawyer')!,
          },
          manager,
        );
        const reportId = randomUUID();
        await this.intake.insertReport(
          {
            id: reportId,
            caseId,
            linkId,
            receiptHash: tokenHash(this.config.sessionSecret, newReceiptCode()),
            language: 'ru',
            emergency: false,
            content: {
              what: 'Сегодня не приняли передачу: сказали, что лимит на месяц уже выбран, хотя в этом месяце мы ничего не передавали. Лекарства от давления тоже не взяли.',
              when: 'сегодня около 11 утра',
              where: 'СИЗО-1, окно приёма передач',
              howKnown: 'Сама приносила передачу',
              contactBack: 'Телефон есть у адвоката',
            },
          },
          manager,
        );
        await manager.query(`update intake_reports set created_at = $2, updated_at = $2 where id = $1`, [reportId, new Date(Date.now() - 3 * hour)]);
      },
    });
  }
}
