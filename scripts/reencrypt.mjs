// `npm run reencrypt`: build what changed, then re-seal every encrypted field under APP_ENCRYPTION_KEY.
import { spawn } from 'node:child_process';
import { build } from './lib.mjs';

await build();
const child = spawn(process.execPath, ['--enable-source-maps', 'dist/apps/api/src/database/reencrypt.js'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
