// `npm run admin:create -- EMAIL [NAME]`: build the API if needed, then create an admin with a one-time invite link.
import { build, runCli } from './lib.mjs';

await build(['contracts', 'api']);
await runCli('users/admin-create-cli.js', process.argv.slice(2));
