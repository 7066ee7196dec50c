import { Global, Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ProceedingsModule } from '../proceedings/proceedings.module';
import { DashboardController } from './dashboard.controller';
import { DashboardRegistry } from './dashboard.registry';
import { DashboardService } from './dashboard.service';

/** Global so that any area can inject DashboardRegistry and plug in its figures. */
@Global()
@Module({
  imports: [CasesModule, ProceedingsModule],
  controllers: [DashboardController],
  providers: [DashboardRegistry, DashboardService],
  exports: [DashboardRegistry],
})
export class DashboardModule {}
