import { Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { securitySettings } from '@habeas/contracts';
import type { SecuritySettings } from '@habeas/contracts';
import { Can, CurrentActor } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { Returns, ZodBody } from '../common/http/zod-validation';
import { SecuritySettingsService } from './security-settings.service';

@ApiTags('settings')
@Controller('settings/security')
export class SecuritySettingsController {
  constructor(private readonly settings: SecuritySettingsService) {}

  @Get()
  @Can('users:manage')
  @Returns(securitySettings)
  get() {
    return this.settings.get();
  }

  /** Roles listed here must use two-factor sign-in; their users are walked through setup at the next sign-in. */
  @Put()
  @Can('users:manage')
  @Returns(securitySettings)
  update(@CurrentActor() actor: Actor, @ZodBody(securitySettings) body: SecuritySettings) {
    return this.settings.update(actor, body.mfaRequiredRoles);
  }
}
