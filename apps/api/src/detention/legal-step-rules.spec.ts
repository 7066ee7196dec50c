import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contactKinds, contactStatuses } from '@habeas/contracts';
import { proposeLegalSteps } from './legal-step-rules';

const steps = (trigger: Parameters<typeof proposeLegalSteps>[0]) => proposeLegalSteps(trigger).map((p) => `${p.step}:${p.deadlineDays}`);

describe('legal step rules', () => {
  it('proposes complaints to the facility and the prosecutor after a refused visit', () => {
    assert.deepEqual(steps({ source: 'contact', kind: 'visit', status: 'refused' }), ['complaint_facility:3', 'complaint_prosecutor:10']);
  });

  it('proposes a complaint for an undelivered letter and a returned parcel or transfer', () => {
    assert.deepEqual(steps({ source: 'contact', kind: 'letter', status: 'not_delivered' }), ['complaint_facility:10']);
    assert.deepEqual(steps({ source: 'contact', kind: 'parcel', status: 'returned' }), ['complaint_facility:10']);
    assert.deepEqual(steps({ source: 'contact', kind: 'money_transfer', status: 'returned' }), ['complaint_facility:10']);
  });

  it('proposes nothing for contact that went as it should', () => {
    for (const [kind, status] of [
      ['visit', 'held'],
      ['visit', 'requested'],
      ['letter', 'delivered'],
      ['parcel', 'accepted'],
    ] as const) {
      assert.deepEqual(steps({ source: 'contact', kind, status }), [], `${kind} ${status}`);
    }
  });

  it('proposes exactly these steps for every contact kind and outcome, as the defense team works them', () => {
    // Written out by hand: a refused visit or call, an undelivered letter and a returned parcel or transfer call for
    // a complaint; every other pairing (including impossible ones, like a returned visit) calls for nothing.
    const expected: Record<string, string[]> = {
      'visit refused': ['complaint_facility:3', 'complaint_prosecutor:10'],
      'call refused': ['complaint_facility:10'],
      'letter not_delivered': ['complaint_facility:10'],
      'parcel returned': ['complaint_facility:10'],
      'money_transfer returned': ['complaint_facility:10'],
    };
    for (const kind of contactKinds) {
      for (const status of contactStatuses) {
        assert.deepEqual(steps({ source: 'contact', kind, status }), expected[`${kind} ${status}`] ?? [], `${kind} ${status}`);
      }
    }
  });

  it('answers denied care with a prosecutor complaint and an independent doctor', () => {
    assert.deepEqual(steps({ source: 'medical_incident', type: 'denied_care', severity: 'moderate' }), [
      'complaint_prosecutor:3',
      'motion_independent_doctor:3',
    ]);
  });

  it('adds a custody motion on health grounds when an ambulance is called for a serious condition', () => {
    assert.deepEqual(steps({ source: 'medical_incident', type: 'ambulance_call', severity: 'low' }), ['motion_independent_doctor:3', 'complaint_prosecutor:7']);
    assert.deepEqual(steps({ source: 'medical_incident', type: 'ambulance_call', severity: 'high' }), [
      'motion_independent_doctor:3',
      'complaint_prosecutor:7',
      'motion_custody_health:7',
    ]);
  });

  it('asks an international court for interim measures only when the condition is critical', () => {
    assert.deepEqual(steps({ source: 'medical_incident', type: 'hospitalisation', severity: 'high' }), [
      'motion_custody_health:5',
      'motion_independent_doctor:5',
    ]);
    assert.ok(steps({ source: 'medical_incident', type: 'hospitalisation', severity: 'critical' }).includes('interim_measures_international:2'));
  });

  it('covers withheld medication and hunger strikes', () => {
    assert.deepEqual(steps({ source: 'medical_incident', type: 'medication_withheld', severity: 'moderate' }), [
      'complaint_facility:2',
      'motion_independent_doctor:3',
    ]);
    assert.deepEqual(steps({ source: 'medical_incident', type: 'hunger_strike', severity: 'critical' }), [
      'motion_independent_doctor:2',
      'complaint_facility:5',
    ]);
  });

  it('proposes exactly these steps for every incident type and severity', () => {
    const interim = 'interim_measures_international:2';
    const base: Record<string, string[]> = {
      denied_care: ['complaint_prosecutor:3', 'motion_independent_doctor:3'],
      medication_withheld: ['complaint_facility:2', 'motion_independent_doctor:3'],
      ambulance_call: ['motion_independent_doctor:3', 'complaint_prosecutor:7'],
      hospitalisation: ['motion_custody_health:5', 'motion_independent_doctor:5'],
      hospitalization: ['motion_custody_health:5', 'motion_independent_doctor:5'],
      hunger_strike: ['motion_independent_doctor:2', 'complaint_facility:5'],
      injury: [],
    };
    for (const [type, steady] of Object.entries(base)) {
      for (const severity of ['low', 'moderate', 'high', 'critical'] as const) {
        const serious = severity === 'high' || severity === 'critical';
        const expected = [
          ...steady,
          ...(type === 'ambulance_call' && serious ? ['motion_custody_health:7'] : []),
          ...(type === 'injury' && serious ? ['motion_independent_doctor:5'] : []),
          ...(severity === 'critical' && type !== 'hunger_strike' ? [interim] : []),
        ];
        assert.deepEqual(steps({ source: 'medical_incident', type, severity }), expected, `${type} ${severity}`);
      }
    }
  });

  it('proposes an independent doctor for any other serious incident and nothing for a minor one', () => {
    assert.deepEqual(steps({ source: 'medical_incident', type: 'injury', severity: 'high' }), ['motion_independent_doctor:5']);
    assert.deepEqual(steps({ source: 'medical_incident', type: 'checkup', severity: 'low' }), []);
  });
});
