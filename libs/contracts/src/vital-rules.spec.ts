import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { VitalReading } from './medical';
import { assessVitals, graver, knownConditions, type KnownCondition } from './vital-rules';

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

  it('draws each line exactly at its threshold, and names the finding with the values behind it', () => {
    const findings = (reading: Omit<VitalReading, 'at'>, conditions: KnownCondition[] = []) =>
      assessVitals([{ at, ...reading }], conditions).findings.map((f) => `${f.code}:${f.severity}:${f.value}`);
    const cases: Array<[Omit<VitalReading, 'at'>, KnownCondition[], string[]]> = [
      [{ systolic: 160 }, [], ['high_blood_pressure:moderate:160/—']],
      [{ systolic: 159 }, [], []],
      [{ diastolic: 100 }, [], ['high_blood_pressure:moderate:—/100']],
      [{ diastolic: 99 }, [], []],
      [{ diastolic: 110 }, [], ['hypertensive_crisis:critical:—/110']],
      [{ systolic: 165, diastolic: 95 }, ['heart_disease'], ['high_blood_pressure:high:165/95']],
      [{ systolic: 165, diastolic: 95 }, ['diabetes'], ['high_blood_pressure:moderate:165/95']],
      [{ systolic: 90 }, [], []],
      [{ systolic: 89 }, [], ['low_blood_pressure:high:89/—']],
      [{ systolic: 70 }, [], ['low_blood_pressure:high:70/—']],
      [{ systolic: 69 }, [], ['low_blood_pressure:critical:69/—']],
      [{ diastolic: 50 }, [], []],
      [{ temperatureC: 38 }, [], ['fever:moderate:38']],
      [{ temperatureC: 39.5 }, [], ['high_fever:high:39.5']],
      [{ temperatureC: 41 }, [], ['high_fever:critical:41']],
      [{ temperatureC: 35 }, [], []],
      [{ temperatureC: 32 }, [], ['hypothermia:high:32']],
      [{ temperatureC: 31.9 }, [], ['hypothermia:critical:31.9']],
      [{ glucoseMmolL: 3 }, [], ['hypoglycaemia:high:3']],
      [{ glucoseMmolL: 2.9 }, [], ['severe_hypoglycaemia:critical:2.9']],
      [{ glucoseMmolL: 3.9 }, [], []],
      [{ glucoseMmolL: 3.9 }, ['diabetes'], ['hypoglycaemia:high:3.9']],
      [{ glucoseMmolL: 4 }, ['diabetes'], []],
      [{ glucoseMmolL: 13.8 }, [], []],
      [{ glucoseMmolL: 13.9 }, [], ['hyperglycaemia:moderate:13.9']],
      [{ glucoseMmolL: 25 }, [], ['hyperglycaemia:critical:25']],
      [{ pulse: 150 }, [], ['tachycardia:critical:150']],
      [{ pulse: 149 }, [], ['tachycardia:high:149']],
      [{ pulse: 40 }, [], ['bradycardia:moderate:40']],
      [{ pulse: 39 }, [], ['bradycardia:critical:39']],
      [{ pulse: 120 }, [], ['tachycardia:high:120']],
      [{ pulse: 119 }, [], ['tachycardia:moderate:119']],
      [{ pulse: 110 }, ['heart_disease'], ['tachycardia:high:110']],
      [{ pulse: 110 }, [], ['tachycardia:moderate:110']],
      [{ pulse: 109 }, ['heart_disease'], ['tachycardia:high:109']],
      [{ pulse: 100 }, [], ['tachycardia:moderate:100']],
      [{ pulse: 99 }, [], []],
      [{ pulse: 50 }, [], []],
      [{ pulse: 49 }, [], ['bradycardia:moderate:49']],
      [{ pulse: 49 }, ['heart_disease'], ['bradycardia:high:49']],
    ];
    for (const [reading, conditions, expected] of cases) {
      assert.deepEqual(findings(reading, conditions), expected, `${JSON.stringify(reading)} ${conditions.join(',')}`);
    }
  });

  it('knows the conditions the screens offer', () => {
    assert.deepEqual([...knownConditions], ['hypertension', 'diabetes', 'heart_disease']);
  });

  it('raises a chosen severity, never lowers it', () => {
    assert.equal(graver('moderate', 'critical'), 'critical');
    assert.equal(graver('high', 'moderate'), 'high');
    assert.equal(graver('low', null), 'low');
  });
});
