import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { DonationsModule } from '../donations/donations.module';
import { BankDetailsRepository } from './bank-details.repository';
import { BankDetailsService } from './bank-details.service';
import { BankStatementsRepository } from './bank-statements.repository';
import { BankStatementsService } from './bank-statements.service';
import { BankTransferMatcher } from './bank-transfer-matcher';
import { BankTransfersController } from './bank-transfers.controller';
import { BankTransfersDemo } from './bank-transfers.demo';
import { BankTransfersRepository } from './bank-transfers.repository';
import { BankTransfersService } from './bank-transfers.service';
import { PublicBankTransferController } from './public-bank-transfer.controller';

/** Donations by bank transfer in Russia: account details, payment QR, statement import and review. */
@Module({
  imports: [CasesModule, DonationsModule],
  controllers: [BankTransfersController, PublicBankTransferController],
  providers: [
    BankDetailsService,
    BankDetailsRepository,
    BankStatementsService,
    BankStatementsRepository,
    BankTransferMatcher,
    BankTransfersService,
    BankTransfersRepository,
    BankTransfersDemo,
  ],
})
export class BankTransfersModule {}
