import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { join } from 'node:path';
import { CasesModule } from '../cases/cases.module';
import { AppConfig } from '../config/app-config';
import { DocumentEntity } from './document.entity';
import { DocumentVersionEntity } from './document-version.entity';
import { DocumentsController } from './documents.controller';
import { DocumentsDemo } from './documents.demo';
import { DocumentsRepository } from './documents.repository';
import { DocumentsService } from './documents.service';
import { DocumentsTimeline } from './documents.timeline';
import { FileStore } from './file-store';
import { ReceiptsController } from './receipts.controller';
import { ReceiptsRepository } from './receipts.repository';
import { ReceiptsService } from './receipts.service';
import { LocalFileStore } from './local-file-store';
import { S3FileStore } from './s3-file-store';

@Module({
  imports: [TypeOrmModule.forFeature([DocumentEntity, DocumentVersionEntity]), CasesModule],
  controllers: [DocumentsController, ReceiptsController],
  providers: [
    { provide: LocalFileStore, inject: [AppConfig], useFactory: (config: AppConfig) => new LocalFileStore(join(config.dataDir, 'files')) },
    {
      provide: FileStore,
      inject: [AppConfig, LocalFileStore],
      useFactory: (config: AppConfig, local: LocalFileStore) => (config.s3 ? new S3FileStore(config.s3, local) : local),
    },
    DocumentsRepository,
    DocumentsService,
    ReceiptsRepository,
    ReceiptsService,
    DocumentsDemo,
    DocumentsTimeline,
  ],
  exports: [FileStore, LocalFileStore, DocumentsService, ReceiptsService],
})
export class DocumentsModule {}
