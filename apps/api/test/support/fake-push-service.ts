import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, randomUUID, verify } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A message the push service accepted: decrypted with the subscription's private key, VAPID header verified. */
export interface ReceivedPush {
  subscription: string;
  at: number;
  payload: Record<string, unknown>;
  text: string;
  /** The VAPID public key (`k=`) that signed the request. */
  vapidKey: string;
  claims: { aud: string; exp: number; sub: string };
  headers: Record<string, string | string[] | undefined>;
}

export interface FakeSubscription {
  id: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/**
 * A Web Push service for tests that speaks the real protocol: each subscription has a P-256 key pair and an auth
 * secret made here (as a browser makes them); a push must carry `Content-Encoding: aes128gcm`, a TTL and a valid
 * VAPID (RFC 8292) `Authorization: vapid t=<ES256 JWT>, k=<key>` for this origin, and its body must decrypt per
 * RFC 8291. Anything else is refused (400/401/403) and counted in `rejected`.
 */
export interface FakePushService {
  url: string;
  /** `host:port`, for PUSH_ENDPOINT_HOSTS. */
  host: string;
  received: ReceivedPush[];
  rejected: Array<{ subscription: string; reason: string }>;
  newSubscription(): FakeSubscription;
  /** Answer pushes to this subscription with `status` (e.g. 410 Gone) from now on. */
  answer(subscriptionId: string, status: number): void;
  close(): Promise<void>;
}

const b64u = (buffer: Buffer) => buffer.toString('base64url');

function hkdf(ikm: Buffer, salt: Buffer, info: Buffer, length: number): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, salt, info, length));
}

/** RFC 8291 §3.4 + RFC 8188: one aes128gcm record, keyed from ECDH with the sender's key and the auth secret. */
export function decryptAes128gcm(body: Buffer, receiverPrivate: Buffer, receiverPublic: Buffer, authSecret: Buffer): Buffer {
  const salt = body.subarray(0, 16);
  const idLength = body[20];
  const senderPublic = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(receiverPrivate);
  const shared = ecdh.computeSecret(senderPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), receiverPublic, senderPublic]);
  const ikm = hkdf(shared, authSecret, keyInfo, 32);
  const cek = hkdf(ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16);
  const nonce = hkdf(ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12);
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('last record lacks the 0x02 delimiter');
  return padded.subarray(0, end);
}

/** Verifies `vapid t=<jwt>, k=<key>`: ES256 over header.payload with key k; returns the claims and key. */
function verifyVapid(header: string | undefined, origin: string): { claims: ReceivedPush['claims']; key: string } {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (!match) throw new Error('no vapid Authorization header');
  const [, token, key] = match;
  const [head, body, signature] = token.split('.');
  const raw = Buffer.from(key, 'base64url');
  if (raw.length !== 65 || raw[0] !== 4) throw new Error('k is not an uncompressed P-256 key');
  const publicKey = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: b64u(raw.subarray(1, 33)), y: b64u(raw.subarray(33)) }, format: 'jwk' });
  if (JSON.parse(Buffer.from(head, 'base64url').toString()).alg !== 'ES256') throw new Error('alg is not ES256');
  const valid = verify('sha256', Buffer.from(`${head}.${body}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
  if (!valid) throw new Error('bad VAPID signature');
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as ReceivedPush['claims'];
  const now = Date.now() / 1000;
  if (claims.aud !== origin) throw new Error(`aud ${claims.aud} is not ${origin}`);
  if (!(claims.exp > now && claims.exp <= now + 24 * 3600 + 60)) throw new Error('exp not within 24 h');
  if (!/^(mailto:|https:)/.test(claims.sub ?? '')) throw new Error('sub is not mailto: or https:');
  return { claims, key };
}

export async function startFakePushService(): Promise<FakePushService> {
  const keys = new Map<string, { privateKey: Buffer; publicKey: Buffer; auth: Buffer }>();
  const statuses = new Map<string, number>();
  const fake: FakePushService = {
    url: '',
    host: '',
    received: [],
    rejected: [],
    newSubscription() {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const id = randomUUID();
      const auth = randomBytes(16);
      keys.set(id, { privateKey: ecdh.getPrivateKey(), publicKey: ecdh.getPublicKey(), auth });
      return { id, endpoint: `${fake.url}/push/${id}`, keys: { p256dh: b64u(ecdh.getPublicKey()), auth: b64u(auth) } };
    },
    answer(id, status) {
      statuses.set(id, status);
    },
    close: async () => undefined,
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const id = /^\/push\/([0-9a-f-]+)$/.exec(request.url ?? '')?.[1] ?? '';
      const refuse = (status: number, reason: string) => {
        fake.rejected.push({ subscription: id, reason });
        response.writeHead(status).end(reason);
      };
      const subscription = keys.get(id);
      if (request.method !== 'POST' || !subscription) return refuse(404, 'no such subscription');
      const answer = statuses.get(id);
      if (answer) return response.writeHead(answer).end();
      if (request.headers['content-encoding'] !== 'aes128gcm') return refuse(400, 'Content-Encoding must be aes128gcm');
      if (!/^\d+$/.test(String(request.headers.ttl ?? ''))) return refuse(400, 'TTL header missing');
      let vapid: ReturnType<typeof verifyVapid>;
      try {
        vapid = verifyVapid(request.headers.authorization, fake.url);
      } catch (error) {
        return refuse(401, (error as Error).message);
      }
      let text: string;
      try {
        text = decryptAes128gcm(Buffer.concat(chunks), subscription.privateKey, subscription.publicKey, subscription.auth).toString('utf8');
      } catch (error) {
        return refuse(400, `cannot decrypt: ${(error as Error).message}`);
      }
      fake.received.push({
        subscription: id,
        at: Date.now(),
        payload: JSON.parse(text) as Record<string, unknown>,
        text,
        vapidKey: vapid.key,
        claims: vapid.claims,
        headers: request.headers,
      });
      response.writeHead(201, { location: `${fake.url}/messages/${randomUUID()}` }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  fake.url = `http://127.0.0.1:${port}`;
  fake.host = `127.0.0.1:${port}`;
  fake.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return fake;
}
