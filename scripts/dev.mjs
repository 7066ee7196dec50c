// `npm run dev`: the API on PORT (rebuilt on change by tsc --watch, restarted by node --watch) and Vite with hot reload
// on :5173, whose /api proxy follows PORT.
import { spawn } from 'node:child_process';
import { build } from './lib.mjs';

await build(['contracts', 'api']);
const children = [
  spawn('npx', ['tsc', '-b', 'apps/api', '--watch', '--preserveWatchOutput'], { stdio: 'inherit' }),
  spawn(process.execPath, ['--watch', '--enable-source-maps', 'dist/apps/api/src/main.js'], { stdio: 'inherit' }),
  spawn('npx', ['vite', '--config', 'apps/admin/vite.config.mts'], { stdio: 'inherit' }),
];
const stop = () => children.forEach((child) => child.kill('SIGINT'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
await Promise.all(children.map((child) => new Promise((resolve) => child.on('exit', resolve))));
