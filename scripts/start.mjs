// `npm start`: build what changed (Nx cache), then run the API, which serves the admin too.
import { spawn } from 'node:child_process';
import { build } from './lib.mjs';

await build();
const child = spawn(process.execPath, ['--enable-source-maps', 'dist/apps/api/src/main.js'], { stdio: 'inherit' });
// Ctrl-C reaches the app directly (same process group); SIGTERM sent to us is passed on.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
