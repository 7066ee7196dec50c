// `npm run backup -- FILE` / `npm run restore -- FILE`: build the API if needed, then run the backup CLI.
// FILE is relative to the folder you ran npm from.
import { build, runCli, userPath } from './lib.mjs';

const [command, file, ...rest] = process.argv.slice(2);
await build(['contracts', 'api']);
await runCli('backup/backup-cli.js', [command, ...(file ? [userPath(file)] : []), ...rest]);
