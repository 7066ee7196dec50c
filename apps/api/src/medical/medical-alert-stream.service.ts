import { roleCan } from '@habeas/contracts';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { SessionsService } from '../auth/sessions.service';
import { CaseAccess } from '../cases/case-access.service';
import type { Actor } from '../common/auth/actor';
import { PgListener } from '../common/database/pg-listener';
import { DomainError } from '../common/http/domain-error';
import { AppConfig } from '../config/app-config';
import { MedicalAlertsRepository, toAlert } from './medical-alerts.repository';

const CHANNEL = 'medical_alerts';
/** Every instance hears here when a session ends or a user's access changes (see the migration). */
const REVOKED_CHANNEL = 'sessions_revoked';
/** Open streams per user on one instance: a few tabs and devices, not an unbounded number of sockets. */
export const MAX_STREAMS_PER_USER = 5;
const HEARTBEAT_MS = 20_000;
/**
 * Sequence numbers are taken before commit, so a change may become visible after a higher one was
 * already sent; each delivery looks back this far and skips what this subscriber already got.
 */
const LOOKBACK = 200;

interface Subscriber {
  /** Refreshed from the session before every delivery: the role can change while the stream is open. */
  actor: Actor;
  /** Re-checks the session when it would expire by itself. */
  expiry?: NodeJS.Timeout;
  response: ServerResponse;
  lastSeq: number;
  /** Nothing at or below this is sent: the Last-Event-ID given, or the latest change when the stream opened. */
  floor: number;
  sent: Set<number>;
  busy: boolean;
  again: boolean;
}

/**
 * Live alerts over SSE. Each instance keeps one dedicated PostgreSQL connection LISTENing on
 * `medical_alerts` (a trigger notifies on every change, whichever instance made it); on a
 * notification every subscriber is sent what changed since its last event id, filtered to the
 * cases it may see, so the same query serves live delivery and Last-Event-ID replay.
 *
 * A stream is authorized per delivery, not once: before each send the session is read again (revoked,
 * expired, user disabled or role changed → the stream is closed). Ending a session anywhere notifies
 * `sessions_revoked`, so every instance closes that session's streams at once.
 */
@Injectable()
export class MedicalAlertStreamService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('MedicalAlertStream');
  private readonly subscribers = new Set<Subscriber>();
  private listener?: PgListener;
  private heartbeat?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly alerts: MedicalAlertsRepository,
    private readonly access: CaseAccess,
    private readonly sessions: SessionsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.listener = new PgListener({
      connectionString: this.config.databaseUrl,
      applicationName: 'habeas-alert-stream',
      channels: [CHANNEL, REVOKED_CHANNEL],
      onNotification: (channel, payload) => {
        if (channel === REVOKED_CHANNEL) this.revoked(payload);
        else this.deliverAll();
      },
      onReconnected: () => {
        // Catch up on what changed while disconnected, revocations included.
        this.reauthorize(() => true);
        this.deliverAll();
      },
    });
    await this.listener.start();
    this.heartbeat = setInterval(() => {
      for (const subscriber of this.subscribers) subscriber.response.write(': heartbeat\n\n');
      this.reauthorize(() => true);
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Refuses a new stream (429) when the user already has the most this instance allows; call before taking over the response. */
  assertRoomFor(actor: Actor): void {
    let open = 0;
    for (const subscriber of this.subscribers) if (subscriber.actor.id === actor.id) open++;
    if (open >= MAX_STREAMS_PER_USER) throw new DomainError(429, `At most ${MAX_STREAMS_PER_USER} live alert streams per user; close another tab`);
  }

  /** Takes over the raw response: SSE headers, replay after `lastEventId` (or from now), then live events. */
  async subscribe(actor: Actor, response: ServerResponse, lastEventId: string | undefined): Promise<void> {
    const parsed = Number(lastEventId);
    const lastSeq = lastEventId && Number.isSafeInteger(parsed) && parsed >= 0 ? parsed : await this.alerts.latestSeq();
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    response.write('retry: 3000\n\n');
    const subscriber: Subscriber = { actor, response, lastSeq, floor: lastSeq, sent: new Set(), busy: false, again: false };
    this.subscribers.add(subscriber);
    response.on('close', () => this.drop(subscriber));
    await this.deliver(subscriber);
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const subscriber of this.subscribers) this.close(subscriber);
    await this.listener?.stop();
  }

  private deliverAll(): void {
    for (const subscriber of this.subscribers) void this.deliver(subscriber);
  }

  /** A session ended (payload: its id) or a user's access changed (`user:<id>`): re-check the streams concerned now. */
  private revoked(payload: string): void {
    const userId = payload.startsWith('user:') ? payload.slice(5) : undefined;
    this.reauthorize((subscriber) => (userId ? subscriber.actor.id === userId : subscriber.actor.sessionId === payload));
  }

  private reauthorize(which: (subscriber: Subscriber) => boolean): void {
    for (const subscriber of this.subscribers) {
      if (which(subscriber)) void this.authorize(subscriber).catch((error) => this.logger.error({ err: error }, 'alert stream re-authorization failed'));
    }
  }

  /** Reads the session again; closes the stream when it is over or no longer allows alerts. */
  private async authorize(subscriber: Subscriber): Promise<boolean> {
    const session = await this.sessions.current(subscriber.actor.sessionId);
    if (!session || session.mfaSetupRequired || !roleCan(session.role, 'alerts:work')) {
      this.close(subscriber);
      return false;
    }
    subscriber.actor = { ...subscriber.actor, role: session.role };
    clearTimeout(subscriber.expiry);
    const wait = Math.min(Math.max(session.endsAt.getTime() - Date.now() + 50, 0), 2 ** 31 - 1);
    subscriber.expiry = setTimeout(() => void this.authorize(subscriber).catch(() => this.close(subscriber)), wait);
    subscriber.expiry.unref();
    return true;
  }

  private close(subscriber: Subscriber): void {
    this.drop(subscriber);
    subscriber.response.end();
  }

  private drop(subscriber: Subscriber): void {
    clearTimeout(subscriber.expiry);
    this.subscribers.delete(subscriber);
  }

  /** Sends the subscriber every visible change after its last seq; one run at a time per subscriber. */
  private async deliver(subscriber: Subscriber): Promise<void> {
    if (subscriber.busy) {
      subscriber.again = true;
      return;
    }
    subscriber.busy = true;
    try {
      do {
        subscriber.again = false;
        if (!(await this.authorize(subscriber))) return;
        const caseIds = await this.access.visibleCaseIds(subscriber.actor, 'alerts:work');
        const since = Math.max(subscriber.floor, subscriber.lastSeq - LOOKBACK);
        const rows = await this.alerts.changedSince(caseIds, since);
        for (const row of rows) {
          const alert = toAlert(row);
          if (subscriber.sent.has(alert.seq)) continue;
          subscriber.response.write(`event: alert\nid: ${alert.seq}\ndata: ${JSON.stringify(alert)}\n\n`);
          subscriber.sent.add(alert.seq);
          subscriber.lastSeq = Math.max(subscriber.lastSeq, alert.seq);
        }
        for (const seq of subscriber.sent) if (seq <= subscriber.lastSeq - LOOKBACK) subscriber.sent.delete(seq);
      } while (subscriber.again && this.subscribers.has(subscriber));
    } catch (error) {
      this.logger.error({ err: error }, 'alert stream delivery failed');
    } finally {
      subscriber.busy = false;
    }
  }
}
