// `npm run audit:verify [-- BACKUP]`: build the API if needed, then check the audit log's hash chain.
import { resolve } from 'node:path';
import { build, run } from './lib.mjs';

const args = process.argv.slice(2).map((arg) => resolve(process.env.INIT_CWD ?? process.cwd(), arg));
await build(['contracts', 'api']);
await run(process.execPath, ['dist/apps/api/src/audit/audit-verify-cli.js', ...args]).catch(() => process.exit(1));
