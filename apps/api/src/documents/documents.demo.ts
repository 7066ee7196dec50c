import { daysAfterArrest } from '../demo/demo-dates';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Readable } from 'node:stream';
import { DemoSeedRegistry } from '../demo/demo-seed.registry';
import { renderPdf } from './demo-pdf';
import { DocumentEntity } from './document.entity';
import { DocumentVersionEntity } from './document-version.entity';
import { writeExtraction } from './search/extracted-text.repository';
import { FileStore } from './file-store';

interface DemoDocument {
  caseKey: string;
  kind: DocumentEntity['kind'];
  status: DocumentEntity['status'];
  title: string;
  court?: string;
  filedAt?: string;
  privileged?: boolean;
  tags: string[];
  file: string;
  paragraphs: string[];
}

const TVER_COURT = 'Тверской районный суд г. Москвы';

const demoDocuments: DemoDocument[] = [
  {
    caseKey: 'case:vorontsov',
    kind: 'ruling',
    status: 'decided',
    title: 'Постановление об избрании меры пресечения в виде заключения под стражу',
    court: TVER_COURT,
    filedAt: daysAfterArrest(0, '14:00').toISOString(), // the ruling follows the arraignment hearing
    tags: ['арест', 'мера пресечения'],
    file: 'postanovlenie-o-mere-presecheniya.pdf',
    paragraphs: [
      'Тверской районный суд города Москвы, рассмотрев ходатайство следователя, постановил избрать Воронцову Владимиру меру пресечения в виде заключения под стражу.',
      'Обвиняемый виновным себя не признал и заявил, что уголовное преследование является местью за деятельность сообщества «Полицейский омбудсмен» по защите трудовых прав рядовых сотрудников полиции.',
    ],
  },
  {
    caseKey: 'case:vorontsov',
    kind: 'appeal',
    status: 'filed',
    title: 'Апелляционная жалоба на постановление об аресте',
    court: 'Московский городской суд',
    filedAt: daysAfterArrest(5, '09:30').toISOString(),
    tags: ['апелляция', 'арест'],
    file: 'apellyacionnaya-zhaloba.pdf',
    paragraphs: [
      'Защита просит отменить постановление Тверского районного суда от 8 мая и избрать меру пресечения, не связанную с лишением свободы.',
      'В изоляторе временного содержания к подзащитному вызывали скорую помощь из-за высокого давления; 11 мая он был переведён в больницу.',
    ],
  },
  {
    caseKey: 'case:vorontsov',
    kind: 'memo',
    status: 'draft',
    title: 'Позиция защиты: анализ доказательств (конфиденциально)',
    privileged: true,
    tags: ['позиция защиты', 'адвокатская тайна'],
    file: 'poziciya-zashchity.pdf',
    paragraphs: ['Адвокатская тайна. Рабочие заметки защиты о доказательствах вымогательства и свидетелях, которые могут подтвердить версию подзащитного.'],
  },
  {
    caseKey: 'case:vorontsov',
    kind: 'receipt',
    status: 'filed',
    title: 'Счёт адвокатского бюро А. Петрова № 17 за юридическую помощь',
    filedAt: daysAfterArrest(6, '12:00').toISOString(),
    tags: ['расходы', 'гонорар'],
    file: 'schet-advokatskogo-byuro-17.pdf',
    paragraphs: ['Адвокатское бюро А. Петрова. Счёт № 17: оплата юридической помощи по соглашению о защите Воронцова В. — 250 евро.'],
  },
  {
    caseKey: 'case:second-case',
    kind: 'petition',
    status: 'filed',
    title: 'Ходатайство об ознакомлении с материалами дела',
    court: 'Мещанский районный суд г. Москвы',
    filedAt: '2024-02-12T10:00:00Z',
    tags: ['ходатайство'],
    file: 'hodataystvo-ob-oznakomlenii.pdf',
    paragraphs: ['Защитник просит предоставить возможность ознакомиться с материалами уголовного дела в полном объёме.'],
  },
];

/** Documents of both demo cases (CONTRACT §3): real PDFs with Russian text, one privileged, stored through the FileStore. */
@Injectable()
export class DocumentsDemo implements OnModuleInit {
  constructor(
    private readonly registry: DemoSeedRegistry,
    private readonly store: FileStore,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      order: 30,
      name: 'documents',
      seed: async ({ manager, ids }) => {
        const author = ids.get('user:lawyer')!;
        for (const demo of demoDocuments) {
          const bytes = await renderPdf(demo.title, demo.paragraphs);
          const stored = await this.store.put(Readable.from(bytes));
          const document = await manager.getRepository(DocumentEntity).save({
            caseId: ids.get(demo.caseKey)!,
            kind: demo.kind,
            title: demo.title,
            court: demo.court ?? null,
            status: demo.status,
            filedAt: demo.filedAt ? new Date(demo.filedAt) : null,
            privileged: demo.privileged ?? false,
            tags: demo.tags,
            createdBy: demo.caseKey === 'case:second-case' ? ids.get('user:lawyer2')! : author,
          });
          // The text is the one just drawn into the PDF, so no extraction job is needed for the demo.
          const inserted = await manager.getRepository(DocumentVersionEntity).insert({
            documentId: document.id,
            number: 1,
            originalName: demo.file,
            storageKey: stored.key,
            mimeType: 'application/pdf',
            size: stored.size,
            sha256: stored.sha256,
            uploadedBy: document.createdBy,
            textStatus: 'pending',
          });
          const version = { id: String(inserted.identifiers[0].id), documentId: document.id };
          await writeExtraction(manager, version, { status: 'done', issue: null, text: [demo.title, ...demo.paragraphs].join('\n') });
        }
      },
    });
  }
}
