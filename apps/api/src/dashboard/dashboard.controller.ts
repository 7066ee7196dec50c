import { dashboard } from '@habeas/contracts';
import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, SignedIn } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { Returns } from '../common/http/zod-validation';
import { DashboardService } from './dashboard.service';

@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @SignedIn()
  @Returns(dashboard)
  get(@CurrentActor() actor: Actor) {
    return this.dashboard.forActor(actor);
  }
}
