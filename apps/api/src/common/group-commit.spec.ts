import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupCommit } from './group-commit';

/** A stand-in transaction: units write into a batch that becomes visible only when the whole run succeeds. */
function ledger() {
  const committed: string[][] = [];
  const transaction = async <T>(run: (tx: string[]) => Promise<T>): Promise<T> => {
    const tx: string[] = [];
    const value = await run(tx);
    await new Promise((resolve) => setTimeout(resolve, 5)); // the commit's fsync
    committed.push(tx);
    return value;
  };
  return { committed, transaction };
}

describe('GroupCommit', () => {
  it('commits units that arrive during a commit together, answering each with its own value', async () => {
    const { committed, transaction } = ledger();
    const group = new GroupCommit(transaction);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        group.run(async (tx) => {
          tx.push(`event ${i}`);
          return i * 2;
        }),
      ),
    );
    assert.deepEqual(answers, [0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    assert.deepEqual(committed.flat().sort(), Array.from({ length: 10 }, (_, i) => `event ${i}`).sort());
    assert.ok(committed.length < 10, `10 units in ${committed.length} commits`);
  });

  it('fails only the failing unit: the rest commit once each after the batch rolled back', async () => {
    const { committed, transaction } = ledger();
    const group = new GroupCommit(transaction);
    const outcomes = await Promise.allSettled(
      ['a', 'b', 'bad', 'c'].map((name) =>
        group.run(async (tx) => {
          if (name === 'bad') throw new Error('cannot apply');
          tx.push(name);
          return name;
        }),
      ),
    );
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['fulfilled', 'fulfilled', 'rejected', 'fulfilled'],
    );
    assert.deepEqual(committed.flat().sort(), ['a', 'b', 'c'], 'each good unit is committed exactly once');
  });

  it('answers nobody before the commit that holds their unit', async () => {
    let commits = 0;
    const group = new GroupCommit(async <T>(run: (tx: null) => Promise<T>) => {
      const value = await run(null);
      await new Promise((resolve) => setTimeout(resolve, 5));
      commits += 1;
      return value;
    });
    const seen = await Promise.all(Array.from({ length: 5 }, () => group.run(async () => commits).then(() => commits)));
    assert.ok(seen.every((count) => count >= 1));
  });
});
