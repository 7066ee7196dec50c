import type { AlertPreferences, PushSubscriptionRequest, PushSubscriptionView } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/auth/actor';
import { DomainError, NotFound } from '../common/http/domain-error';
import { AppConfig } from '../config/app-config';
import { ChannelsRepository, toPreferences, type PushSubscriptionRow } from './channels.repository';
import { clockToMinutes } from './on-call-rules';
import { pushEndpointAllowed } from './push-endpoint-rule';

const MAX_DEVICES = 10;

const toView = (row: PushSubscriptionRow): PushSubscriptionView => ({
  id: row.id,
  host: new URL(row.endpoint).host,
  createdAt: row.created_at.toISOString(),
  lastSuccessAt: row.last_success_at ? row.last_success_at.toISOString() : null,
});

/** A person's own alert channels: the devices subscribed to Web Push, and their language and quiet hours. */
@Injectable()
export class AlertChannelsService {
  constructor(
    private readonly channels: ChannelsRepository,
    private readonly config: AppConfig,
  ) {}

  async subscribe(actor: Actor, request: PushSubscriptionRequest): Promise<PushSubscriptionView> {
    if (!pushEndpointAllowed(request.endpoint, this.config.push.extraHosts)) {
      throw new DomainError(400, 'The push endpoint is not on a known push service (Google, Mozilla, Apple, Microsoft) or PUSH_ENDPOINT_HOSTS');
    }
    const keyBytes = Buffer.from(request.keys.p256dh, 'base64url');
    if (keyBytes.length !== 65 || keyBytes[0] !== 4) throw new DomainError(400, 'keys.p256dh must be an uncompressed P-256 public key (65 bytes)');
    if (Buffer.from(request.keys.auth, 'base64url').length !== 16) throw new DomainError(400, 'keys.auth must be 16 bytes');
    const existing = await this.channels.pushOf(actor.id);
    if (existing.length >= MAX_DEVICES && !existing.some((s) => s.endpoint === request.endpoint)) {
      throw new DomainError(409, `At most ${MAX_DEVICES} devices per person; remove one first`);
    }
    return toView(await this.channels.savePush(actor.id, request.endpoint, request.keys.p256dh, request.keys.auth));
  }

  async devices(actor: Actor): Promise<{ items: PushSubscriptionView[] }> {
    return { items: (await this.channels.pushOf(actor.id)).map(toView) };
  }

  async unsubscribe(actor: Actor, id: string): Promise<void> {
    if (!(await this.channels.deletePush(id, actor.id))) throw new NotFound('Push subscription');
  }

  async preferences(actor: Actor): Promise<AlertPreferences> {
    return toPreferences(await this.channels.preferences(actor.id));
  }

  async savePreferences(actor: Actor, preferences: AlertPreferences): Promise<AlertPreferences> {
    const quiet = preferences.quietHours ? { start: clockToMinutes(preferences.quietHours.start), end: clockToMinutes(preferences.quietHours.end) } : null;
    await this.channels.savePreferences(actor.id, preferences.language, quiet);
    return this.preferences(actor);
  }
}
