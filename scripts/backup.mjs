// `npm run backup -- file` / `npm run restore -- file`: build the API if needed, then run the backup CLI.
import { build, run } from './lib.mjs';

const [command, ...rest] = process.argv.slice(2);
await build(['contracts', 'api']);
await run(process.execPath, ['dist/apps/api/src/backup/backup-cli.js', command, ...rest]).catch(() => process.exit(1));
