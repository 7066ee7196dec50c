// `npm run psql [-- psql options]`: build the API if needed, then open psql on the app's database.
import { build, runCli } from './lib.mjs';

await build(['contracts', 'api']);
await runCli('database/psql-cli.js', process.argv.slice(2));
