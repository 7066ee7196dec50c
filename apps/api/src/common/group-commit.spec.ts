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

  it('keeps at most `lanes` transactions open at once, and still commits every unit exactly once', async () => {
    let open = 0;
    let most = 0;
    const committed: number[] = [];
    const group = new GroupCommit(
      async <T>(run: (tx: number[]) => Promise<T>): Promise<T> => {
        open += 1;
        most = Math.max(most, open);
        const tx: number[] = [];
        const value = await run(tx);
        await new Promise((resolve) => setTimeout(resolve, 5));
        committed.push(...tx);
        open -= 1;
        return value;
      },
      4,
      3,
    );
    const units = Array.from({ length: 40 }, (_, i) => i);
    const answers = await Promise.all(units.map((i) => group.run(async (tx) => (tx.push(i), i))));
    assert.deepEqual(answers, units);
    assert.deepEqual(
      [...committed].sort((a, b) => a - b),
      units,
    );
    assert.equal(most, 3, 'three lanes work side by side, never a fourth');
  });

  it('with one lane, never opens a second transaction while one is open', async () => {
    let open = 0;
    let most = 0;
    const group = new GroupCommit(async <T>(run: (tx: null) => Promise<T>): Promise<T> => {
      open += 1;
      most = Math.max(most, open);
      const value = await run(null);
      await new Promise((resolve) => setTimeout(resolve, 2));
      open -= 1;
      return value;
    });
    await Promise.all(Array.from({ length: 20 }, () => group.run(async () => undefined)));
    assert.equal(most, 1);
  });
});
