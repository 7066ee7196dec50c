import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prettyLogs } from './load-config';

describe('LOG_FORMAT', () => {
  it('is pretty on a terminal and JSON for a pipe or a log file when left on auto', () => {
    assert.equal(prettyLogs('auto', false, true), true);
    assert.equal(prettyLogs('auto', false, false), false);
    assert.equal(prettyLogs('auto', true, true), false);
  });
  it('follows an explicit choice, except that a log file always gets JSON', () => {
    assert.equal(prettyLogs('pretty', false, false), true);
    assert.equal(prettyLogs('json', false, true), false);
    assert.equal(prettyLogs('pretty', true, true), false);
  });
});
