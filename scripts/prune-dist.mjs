// Removes compiled files whose TypeScript source is gone (tsc never deletes outputs), so a deleted
// migration or entity can never be picked up from dist/ by the globs that load them.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const [outDir, sourceDir] = process.argv.slice(2).map((dir) => join(root, dir));

function prune(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      prune(path);
      continue;
    }
    const match = /^(.*)\.js(\.map)?$/.exec(name);
    if (!match) continue;
    const source = join(sourceDir, relative(outDir, dir), `${match[1]}.ts`);
    if (!existsSync(source)) rmSync(path);
  }
}

if (existsSync(outDir)) prune(outDir);
