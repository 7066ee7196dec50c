import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const root = join(__dirname, '../../../..');

/** The lint rules the architecture leans on, proven on probe files with the repository's own ESLint config. */
describe('lint', () => {
  it('fails on an import cycle between two files of an area', async () => {
    const dir = join(root, 'apps/api/src', `cycle-probe-${randomBytes(4).toString('hex')}`);
    mkdirSync(dir);
    try {
      writeFileSync(join(dir, 'first.ts'), "import { second } from './second';\nexport const first = (): number => second() + 1;\n");
      writeFileSync(join(dir, 'second.ts'), "import { first } from './first';\nexport const second = (): number => (first.length ? 1 : 0);\n");
      const [a, b] = await new ESLint({ cwd: root }).lintFiles([join(dir, 'first.ts'), join(dir, 'second.ts')]);
      for (const result of [a, b]) {
        assert.deepEqual(
          result.messages.map((m) => m.ruleId),
          ['import-x/no-cycle'],
          `${result.filePath}: ${JSON.stringify(result.messages)}`,
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
