import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { keyId } from '../src/config/local-secrets';
import { spawnApp, waitUntilReady, type AppProcess } from './support/app-process';
import { runApiCli } from './support/cli';
import { HttpClient } from './support/http-client';

const DEMO_PASSWORD = 'restore-test-demo-password';
const PASSPHRASE = 'a backup passphrase for the restore test';

/** Every file of a store with its SHA-256, by relative path. */
function fileTree(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const tree: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, name);
    if (statSync(path).isFile()) tree[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return tree;
}

interface Served {
  incident: Record<string, unknown>;
  donors: Array<{ id: string; donorName: string | null; donorEmail: string | null }>;
  /** The public page's count of gifts that still count (a table the restore rebuilds, not loads). */
  publicDonorCount: number;
  document: { id: string; sha256: string; bytes: string };
  /** Phones' push subscriptions are bound to it: a restore that changed it would silence every phone. */
  vapidPublicKey: string;
}

/** What the admin reads through the API: a medical incident, the donors, and a document's bytes. */
async function readThroughApi(baseUrl: string): Promise<Served> {
  const admin = new HttpClient(baseUrl);
  assert.equal((await admin.post('/api/auth/login', { email: 'admin@demo.local', password: DEMO_PASSWORD })).status, 200);
  const incidents = await admin.get('/api/cases/vorontsov/medical-incidents?limit=100');
  assert.equal(incidents.status, 200, incidents.text);
  const incident = await admin.get(`/api/medical-incidents/${incidents.body.items[0].id}`);
  assert.equal(incident.status, 200, incident.text);
  const donations = await admin.get('/api/donations?limit=100');
  assert.equal(donations.status, 200, donations.text);
  const documents = await admin.get('/api/cases/vorontsov/documents?limit=100');
  const withFile = documents.body.items[0];
  const download = await fetch(`${baseUrl}/api/documents/${withFile.id}/download`, {
    headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
  });
  assert.equal(download.status, 200);
  const bytes = Buffer.from(await download.arrayBuffer());
  const campaign = await new HttpClient(baseUrl).get('/api/public/campaigns/vorontsov');
  assert.equal(campaign.status, 200, campaign.text);
  const vapid = await admin.get('/api/push/vapid-public-key');
  assert.equal(vapid.status, 200, vapid.text);
  return {
    vapidPublicKey: vapid.body.key,
    incident: incident.body,
    donors: donations.body.items.map((d: Served['donors'][number]) => ({ id: d.id, donorName: d.donorName, donorEmail: d.donorEmail })),
    publicDonorCount: campaign.body.donorCount,
    document: { id: withFile.id, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.toString('base64') },
  };
}

describe('a backup restored into a fresh DATA_DIR serves every record', () => {
  const root = mkdtempSync(join(tmpdir(), 'habeas-restore-serves-'));
  chmodSync(root, 0o755); // as root, embedded PostgreSQL runs as `postgres` and must reach the data folders inside
  const source = join(root, 'source');
  const target = join(root, 'target');
  const withKeys = join(root, 'with-keys.habeas-backup');
  const withoutKeys = join(root, 'without-keys.habeas-backup');
  const apps: AppProcess[] = [];
  let original: Served;

  before(async () => {
    const app = await spawnApp({ DATA_DIR: source, DEMO_PASSWORD });
    apps.push(app);
    await waitUntilReady(app);
    original = await readThroughApi(app.baseUrl);
    assert.ok(typeof original.incident.description === 'string' && original.incident.description.length > 0);
    assert.ok(original.donors.some((d) => d.donorName && d.donorEmail));
    assert.ok(original.publicDonorCount > 0, 'the demo campaign has gifts that count');
    // Backed up while the app runs (the CLI uses its database), once with the keys and once without.
    const env = { DATA_DIR: source, BACKUP_PASSPHRASE: PASSPHRASE };
    const made = await runApiCli('backup/backup-cli.js', ['backup', withKeys, '--include-keys'], env);
    assert.equal(made.code, 0, made.stderr);
    assert.match(made.stdout, /encryption key\(s\) in use: [0-9a-f]{8} \(included, wrapped with BACKUP_PASSPHRASE\)/);
    assert.equal((await runApiCli('backup/backup-cli.js', ['backup', withoutKeys], env)).code, 0);
    await app.stop();
  });
  after(async () => {
    for (const app of apps) await app.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('restores with the keys the archive carries; the restarted app serves incidents, donors, identical files and the same Web Push key', async () => {
    const restored = await runApiCli('backup/backup-cli.js', ['restore', withKeys], { DATA_DIR: target, BACKUP_PASSPHRASE: PASSPHRASE });
    assert.equal(restored.code, 0, restored.stderr);
    assert.match(restored.stdout, /checksums verified; its keys are now in .*\/secrets/);
    assert.deepEqual(fileTree(join(target, 'files')), fileTree(join(source, 'files')), 'the whole file store came back, byte for byte');
    assert.ok(Object.keys(fileTree(join(target, 'files'))).length > 0, 'the demo has stored files');

    const app = await spawnApp({ DATA_DIR: target, DEMO_PASSWORD });
    apps.push(app);
    await waitUntilReady(app);
    const served = await readThroughApi(app.baseUrl);
    assert.deepEqual(served, original);
    await app.stop();
  });

  it('refuses, naming the key, to restore an archive without keys into a data folder that lacks them', async () => {
    const sourceKey = keyId(Buffer.from(readFileSync(join(source, 'secrets', 'encryption.key'), 'utf8').trim(), 'base64'));
    const elsewhere = join(root, 'keyless');
    const refused = await runApiCli('backup/backup-cli.js', ['restore', withoutKeys], { DATA_DIR: elsewhere, BACKUP_PASSPHRASE: PASSPHRASE });
    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      new RegExp(`^restore failed: nothing restored: the archived data is sealed with encryption key ${sourceKey}, which this installation does not have`, 'm'),
    );
    assert.deepEqual(fileTree(join(elsewhere, 'files')), {});
  });

  it('refuses to start, in one line naming the key, when a key in use is not available', async () => {
    const keyFile = join(target, 'secrets', 'encryption.key');
    const needed = keyId(Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64'));
    writeFileSync(keyFile, randomBytes(32).toString('base64') + '\n');
    const app = await spawnApp({ DATA_DIR: target, DEMO_PASSWORD });
    apps.push(app);
    assert.equal(await app.exited, 1);
    const lines = app.output().trim().split('\n');
    const refusal = lines.filter((line) => line.includes('Refusing to start'));
    assert.equal(refusal.length, 1, app.output());
    assert.match(refusal[0], new RegExp(`^Refusing to start: the database holds values sealed with encryption key ${needed}, which is not configured`));
  });
});
