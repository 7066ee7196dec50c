import type { Severity, VitalReading } from './medical';

/** Conditions a person is known to have; each makes the vital-sign rules below stricter for that person. */
export const knownConditions = ['hypertension', 'diabetes', 'heart_disease'] as const;
export type KnownCondition = (typeof knownConditions)[number];

/** What a reading showed: a code the screens translate, the values behind it, and how grave it is. */
export interface VitalFinding {
  code:
    | 'hypertensive_crisis'
    | 'high_blood_pressure'
    | 'low_blood_pressure'
    | 'high_fever'
    | 'fever'
    | 'hypothermia'
    | 'severe_hypoglycaemia'
    | 'hypoglycaemia'
    | 'hyperglycaemia'
    | 'tachycardia'
    | 'bradycardia';
  severity: Severity;
  at: string;
  /** The reading's values that triggered the finding, e.g. "190/110" or "39.6". */
  value: string;
}

export interface VitalsAssessment {
  /** The gravest finding's severity, or null when every reading is within the rules. */
  severity: Severity | null;
  findings: VitalFinding[];
}

const rank: Record<Severity, number> = { low: 0, moderate: 1, high: 2, critical: 3 };

/** The graver of two severities (null counts as none). */
export function graver(a: Severity, b: Severity | null): Severity {
  return b && rank[b] > rank[a] ? b : a;
}

function readingFindings(reading: VitalReading, conditions: readonly KnownCondition[]): VitalFinding[] {
  const found: VitalFinding[] = [];
  const add = (code: VitalFinding['code'], severity: Severity, value: number | string) => found.push({ code, severity, at: reading.at, value: String(value) });
  const has = (condition: KnownCondition) => conditions.includes(condition);
  const { systolic: sys, diastolic: dia, pulse, temperatureC: temp, glucoseMmolL: glucose } = reading;
  const pressure = `${sys ?? '—'}/${dia ?? '—'}`;
  if ((sys ?? 0) >= 180 || (dia ?? 0) >= 110) add('hypertensive_crisis', 'critical', pressure);
  else if ((sys ?? 0) >= 160 || (dia ?? 0) >= 100) add('high_blood_pressure', has('hypertension') || has('heart_disease') ? 'high' : 'moderate', pressure);
  else if (sys !== undefined && sys < 90) add('low_blood_pressure', sys < 70 ? 'critical' : 'high', pressure);
  if (temp !== undefined) {
    if (temp >= 39.5) add('high_fever', temp >= 41 ? 'critical' : 'high', temp);
    else if (temp >= 38) add('fever', 'moderate', temp);
    else if (temp < 35) add('hypothermia', temp < 32 ? 'critical' : 'high', temp);
  }
  if (glucose !== undefined) {
    if (glucose < 3) add('severe_hypoglycaemia', 'critical', glucose);
    else if (glucose < (has('diabetes') ? 4 : 3.9)) add('hypoglycaemia', 'high', glucose);
    else if (glucose >= 13.9) add('hyperglycaemia', glucose >= 25 ? 'critical' : has('diabetes') ? 'high' : 'moderate', glucose);
  }
  if (pulse !== undefined) {
    const heart = has('heart_disease');
    if (pulse >= 150 || pulse < 40) add(pulse >= 150 ? 'tachycardia' : 'bradycardia', 'critical', pulse);
    // With heart disease every tachycardia from 100 is already high (the last line).
    else if (pulse >= 120) add('tachycardia', 'high', pulse);
    else if (pulse < 50) add('bradycardia', heart ? 'high' : 'moderate', pulse);
    else if (pulse >= 100) add('tachycardia', heart ? 'high' : 'moderate', pulse);
  }
  return found;
}

/**
 * The severity the readings call for, by fixed rules (hypertensive crisis from 180/110, fever, hypoglycaemia,
 * pulse), made stricter by the person's known conditions. The incident form uses it to raise the chosen
 * severity and say why; the server opens the alert by the same rules whatever severity was chosen.
 */
export function assessVitals(readings: readonly VitalReading[], conditions: readonly KnownCondition[] = []): VitalsAssessment {
  const findings = readings.flatMap((reading) => readingFindings(reading, conditions)).sort((a, b) => rank[b.severity] - rank[a.severity]);
  return { severity: findings[0]?.severity ?? null, findings };
}
