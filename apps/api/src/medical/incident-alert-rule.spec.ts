import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { incidentTypes, type IncidentType, type Severity } from '@habeas/contracts';
import { alertSeverityFor } from './incident-alert-rule';

const alarming: IncidentType[] = ['hospitalisation', 'transfer_to_hospital', 'denied_care', 'medication_withheld', 'hunger_strike'];

describe('the alert an incident opens', () => {
  it('opens one for every high or critical incident, whatever its type', () => {
    for (const type of incidentTypes) {
      assert.equal(alertSeverityFor({ type, severity: 'high' }, null), 'high', type);
      assert.equal(alertSeverityFor({ type, severity: 'critical' }, null), 'critical', type);
    }
  });

  it('opens one for the alarming types even when low or moderate, and for no other type', () => {
    for (const type of incidentTypes) {
      for (const severity of ['low', 'moderate'] as Severity[]) {
        assert.equal(alertSeverityFor({ type, severity }, null), alarming.includes(type) ? severity : null, `${type} ${severity}`);
      }
    }
  });

  it('takes the graver of the chosen severity and the one the vital signs call for', () => {
    assert.equal(alertSeverityFor({ type: 'check_up', severity: 'moderate' }, 'critical'), 'critical');
    assert.equal(alertSeverityFor({ type: 'check_up', severity: 'low' }, 'high'), 'high');
    assert.equal(alertSeverityFor({ type: 'check_up', severity: 'low' }, 'moderate'), null);
    assert.equal(alertSeverityFor({ type: 'check_up', severity: 'critical' }, 'low'), 'critical');
    assert.equal(alertSeverityFor({ type: 'hunger_strike', severity: 'low' }, 'moderate'), 'moderate');
  });
});
