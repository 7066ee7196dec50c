import { createECDH } from 'node:crypto';
import { ConfigError, type Environment } from './app-config';

/**
 * The VAPID key pair that signs Web Push requests: from VAPID_PUBLIC_KEY + VAPID_PRIVATE_KEY, or made from a
 * 32-byte secret (generated into DATA_DIR locally, derived from the encryption key with an external database so
 * that every instance signs with the same key). Browsers bind a subscription to the public key: keep it stable.
 */
export function vapidKeys(env: Pick<Environment, 'VAPID_PUBLIC_KEY' | 'VAPID_PRIVATE_KEY'>, secret: () => Buffer): { publicKey: string; privateKey: string } {
  if (env.VAPID_PUBLIC_KEY || env.VAPID_PRIVATE_KEY) {
    if (!env.VAPID_PUBLIC_KEY || !env.VAPID_PRIVATE_KEY) throw new ConfigError('Invalid configuration: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together');
    try {
      const ecdh = createECDH('prime256v1');
      ecdh.setPrivateKey(Buffer.from(env.VAPID_PRIVATE_KEY, 'base64url'));
      if (ecdh.getPublicKey().toString('base64url') !== env.VAPID_PUBLIC_KEY) throw new Error('mismatch');
    } catch {
      throw new ConfigError('Invalid configuration: VAPID_PRIVATE_KEY does not match VAPID_PUBLIC_KEY (value not shown)');
    }
    return { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY };
  }
  const ecdh = createECDH('prime256v1');
  const privateKey = secret();
  ecdh.setPrivateKey(privateKey);
  return { publicKey: ecdh.getPublicKey().toString('base64url'), privateKey: privateKey.toString('base64url') };
}
