// `npm run reencrypt`: build the API if needed, then re-seal every encrypted field under the current key.
import { build, runCli } from './lib.mjs';

await build(['contracts', 'api']);
await runCli('database/reencrypt.js', process.argv.slice(2));
