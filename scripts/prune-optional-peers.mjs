// After `npm ci --omit=dev`: removes what npm keeps only because a production package names it an optional
// peer while the workspace holds it for development (the lock's `devOptional` packages: TypeScript, an optional
// peer of i18next; babel-plugin-macros and its tree, an optional peer of dedent). Production never requires
// them, and an image should not carry a compiler. Platform binaries (`os`/`cpu` in the lock) are never touched.
// Usage: node scripts/prune-optional-peers.mjs [install folder, default .]
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const folder = resolve(process.argv[2] ?? '.');
const lock = JSON.parse(readFileSync(join(folder, 'package-lock.json'), 'utf8'));
const removed = [];
for (const [path, entry] of Object.entries(lock.packages ?? {})) {
  if (!path.startsWith('node_modules/') || !entry.devOptional || entry.os || entry.cpu) continue;
  const installed = join(folder, path);
  if (!existsSync(installed)) continue;
  rmSync(installed, { recursive: true, force: true });
  removed.push(path.slice('node_modules/'.length));
}
// Their command shims (`tsc`, `tsserver`) would point at nothing.
for (const [path, entry] of Object.entries(lock.packages ?? {})) {
  if (!path.startsWith('node_modules/') || !entry.devOptional || !entry.bin || path.includes('/node_modules/', 'node_modules/'.length)) continue;
  for (const command of Object.keys(entry.bin)) rmSync(join(folder, 'node_modules/.bin', command), { force: true });
}
console.log(removed.length === 0 ? 'no optional peers to prune' : `pruned ${removed.length} optional peer(s) kept for development: ${removed.join(', ')}`);
