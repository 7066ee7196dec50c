import { Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { mfaPolicy } from '@habeas/contracts';
import type { MfaPolicy } from '@habeas/contracts';
import { Can, CurrentActor } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { Returns, ZodBody } from '../common/http/zod-validation';
import { AuthService } from './auth.service';

/** Security settings of the whole team (admins). */
@ApiTags('settings')
@Controller('settings')
export class SettingsController {
  constructor(private readonly auth: AuthService) {}

  @Get('mfa')
  @Can('users:manage')
  @Returns(mfaPolicy)
  async mfa() {
    return { requiredRoles: await this.auth.mfaRequiredRoles() };
  }

  /** Roles whose users must set up two-factor sign-in before they can use anything else. */
  @Put('mfa')
  @Can('users:manage')
  @Returns(mfaPolicy)
  setMfa(@CurrentActor() actor: Actor, @ZodBody(mfaPolicy) body: MfaPolicy) {
    return this.auth.setMfaRequiredRoles(actor, body.requiredRoles);
  }
}
