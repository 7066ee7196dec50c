import { calendarFeed } from '@habeas/contracts';
import { Controller, Delete, Get, Header, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentActor, Public, SignedIn } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { NotFound } from '../common/http/domain-error';
import { Returns, ZodParam } from '../common/http/zod-validation';
import { CalendarService } from './calendar.service';

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('feed')
  @SignedIn()
  @Returns(calendarFeed)
  status(@CurrentActor() actor: Actor) {
    return this.calendar.status(actor);
  }

  @Post('feed')
  @SignedIn()
  @Returns(calendarFeed, 201)
  regenerate(@CurrentActor() actor: Actor) {
    return this.calendar.regenerate(actor);
  }

  @Delete('feed')
  @SignedIn()
  @HttpCode(204)
  async revoke(@CurrentActor() actor: Actor): Promise<void> {
    await this.calendar.revoke(actor);
  }

  /** `GET /api/calendar/<token>.ics`: the secret URL calendar apps subscribe to. */
  @Get(':file')
  @Public()
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, no-store')
  feed(@ZodParam('file', z.string().max(200)) file: string): Promise<string> {
    if (!file.endsWith('.ics')) throw new NotFound('Calendar');
    return this.calendar.feed(file.slice(0, -'.ics'.length));
  }
}
