import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { VitalReading } from './medical';
import { assessVitals, graver, type KnownCondition } from './vital-rules';

const at = '2026-05-01T10:00:00.000Z';
const severityOf = (reading: Omit<VitalReading, 'at'>, conditions: KnownCondition[] = []) => assessVitals([{ at, ...reading }], conditions).severity;

describe('vital-sign rules', () => {
  for (const [reading, expected] of [
    [{ systolic: 190, diastolic: 110 }, 'critical'],
    [{ systolic: 180, diastolic: 95 }, 'critical'],
    [{ systolic: 150, diastolic: 110 }, 'critical'],
    [{ systolic: 179, diastolic: 109 }, 'moderate'],
    [{ systolic: 130, diastolic: 85 }, null],
    [{ systolic: 85 }, 'high'],
    [{ systolic: 65 }, 'critical'],
    [{ temperatureC: 37.2 }, null],
    [{ temperatureC: 38.2 }, 'moderate'],
    [{ temperatureC: 39.6 }, 'high'],
    [{ temperatureC: 41.2 }, 'critical'],
    [{ temperatureC: 34.5 }, 'high'],
    [{ glucoseMmolL: 5.5 }, null],
    [{ glucoseMmolL: 3.5 }, 'high'],
    [{ glucoseMmolL: 2.6 }, 'critical'],
    [{ glucoseMmolL: 15 }, 'moderate'],
    [{ pulse: 72 }, null],
    [{ pulse: 105 }, 'moderate'],
    [{ pulse: 125 }, 'high'],
    [{ pulse: 160 }, 'critical'],
    [{ pulse: 45 }, 'moderate'],
    [{ pulse: 35 }, 'critical'],
  ] as const) {
    it(`rates ${JSON.stringify(reading)} as ${expected ?? 'nothing'}`, () => {
      assert.equal(severityOf(reading), expected);
    });
  }

  it('makes the rules stricter for known conditions', () => {
    assert.equal(severityOf({ systolic: 165, diastolic: 95 }), 'moderate');
    assert.equal(severityOf({ systolic: 165, diastolic: 95 }, ['hypertension']), 'high');
    assert.equal(severityOf({ glucoseMmolL: 3.95 }), null);
    assert.equal(severityOf({ glucoseMmolL: 3.95 }, ['diabetes']), 'high');
    assert.equal(severityOf({ glucoseMmolL: 16 }, ['diabetes']), 'high');
    assert.equal(severityOf({ pulse: 112 }), 'moderate');
    assert.equal(severityOf({ pulse: 112 }, ['heart_disease']), 'high');
  });

  it('names every finding, gravest first, with the values behind it', () => {
    const result = assessVitals([
      { at, temperatureC: 38.4 },
      { at, systolic: 190, diastolic: 110, pulse: 104 },
    ]);
    assert.deepEqual(
      result.findings.map((f) => `${f.code}:${f.severity}:${f.value}`),
      ['hypertensive_crisis:critical:190/110', 'fever:moderate:38.4', 'tachycardia:moderate:104'],
    );
    assert.equal(result.severity, 'critical');
  });

  it('raises a chosen severity, never lowers it', () => {
    assert.equal(graver('moderate', 'critical'), 'critical');
    assert.equal(graver('high', 'moderate'), 'high');
    assert.equal(graver('low', null), 'low');
  });
});
