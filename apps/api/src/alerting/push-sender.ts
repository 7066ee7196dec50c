import { Injectable } from '@nestjs/common';
import webpush from 'web-push';
import { AppConfig } from '../config/app-config';
import { pushEndpointAllowed } from './push-endpoint-rule';

export type SendOutcome = { status: 'sent' } | { status: 'gone'; error: string } | { status: 'failed'; error: string };

const TIMEOUT_MS = 10_000;

/**
 * Sends one Web Push message: `web-push` encrypts the payload (aes128gcm, RFC 8291) and signs the VAPID header
 * (RFC 8292); the request itself goes out here so that only allowed hosts are called, without redirects and with a
 * timeout. 404/410 mean the subscription is gone for good.
 */
@Injectable()
export class PushSender {
  constructor(private readonly config: AppConfig) {}

  get publicKey(): string {
    return this.config.push.publicKey;
  }

  async send(subscription: { endpoint: string; p256dh: string; auth: string }, payload: string, urgent: boolean): Promise<SendOutcome> {
    if (!pushEndpointAllowed(subscription.endpoint, this.config.push.extraHosts)) return { status: 'gone', error: 'endpoint host no longer allowed' };
    const { publicKey, privateKey, subject } = this.config.push;
    const request = webpush.generateRequestDetails(
      { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
      payload,
      {
        vapidDetails: { subject, publicKey, privateKey },
        TTL: 24 * 3600,
        urgency: urgent ? 'high' : 'normal',
        contentEncoding: 'aes128gcm',
      },
    );
    try {
      const response = await fetch(request.endpoint, {
        method: request.method,
        headers: request.headers as Record<string, string>,
        body: request.body ?? undefined,
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) return { status: 'sent' };
      if (response.status === 404 || response.status === 410) return { status: 'gone', error: `push service answered ${response.status}` };
      return { status: 'failed', error: `push service answered ${response.status}` };
    } catch (error) {
      return { status: 'failed', error: (error as Error).name === 'TimeoutError' ? 'push service timed out' : 'push service unreachable' };
    }
  }
}
