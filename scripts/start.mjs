// `npm start`: build what changed (Nx cache), then run the API, which serves the admin too.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, root, runCli } from './lib.mjs';

// A second `npm start` on the same data folder is refused before it rebuilds dist/ under the running one.
if (!process.env.DATABASE_URL?.trim()) {
  const dataDir = resolve(root, process.env.DATA_DIR?.trim() || '.data');
  const pidFile = join(dataDir, 'habeas.pid');
  const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : 0;
  let alive = false;
  try {
    alive = pid > 0 && process.kill(pid, 0);
  } catch {
    alive = false;
  }
  if (alive) {
    console.error(`Habeas is already running with DATA_DIR ${dataDir} (pid ${pid}); stop it first, or set another DATA_DIR and PORT`);
    process.exit(1);
  }
}
await build(undefined, { quiet: !process.env.VERBOSE_BUILD });
await runCli('main.js', []);
