import { assessVitals, graver, type Severity, type VitalReading } from '@habeas/contracts';

/** Words that by themselves mean someone must act now, in Russian (stems) and English. */
const keywords: Array<{ code: string; severity: Severity; pattern: RegExp }> = [
  { code: 'unconscious', severity: 'critical', pattern: /без\s+сознани|потерял[аи]?\s+сознани|в\s+обморок|unconscious|passed\s+out|fainted/i },
  { code: 'not_breathing', severity: 'critical', pattern: /не\s+дыши|задыха|остановк\w*\s+сердц|not\s+breathing|can'?t\s+breathe|cardiac\s+arrest/i },
  { code: 'stroke', severity: 'critical', pattern: /инсульт|stroke/i },
  { code: 'heart_attack', severity: 'critical', pattern: /инфаркт|сердечн\w*\s+приступ|heart\s+attack/i },
  { code: 'seizure', severity: 'critical', pattern: /судорог|эпилепти\w*\s+приступ|seizure|convulsion/i },
  { code: 'bleeding', severity: 'critical', pattern: /кровотечени|истека\w*\s+кровью|bleeding/i },
  { code: 'intensive_care', severity: 'critical', pattern: /реанимаци|intensive\s+care|\bicu\b/i },
  { code: 'dying', severity: 'critical', pattern: /умира|при\s+смерти|dying/i },
  { code: 'suicide', severity: 'critical', pattern: /суицид|покончить\s+с\s+собой|вскрыл\w*\s+вены|suicid/i },
  { code: 'ambulance', severity: 'high', pattern: /скор(ой|ую|ая)(\s+помощ\w*)?|ambulance/i },
  { code: 'beaten', severity: 'high', pattern: /избил|избит|побои|beaten|assaulted/i },
  { code: 'hunger_strike', severity: 'high', pattern: /голодовк|hunger\s+strike/i },
  {
    code: 'care_denied',
    severity: 'high',
    pattern: /не\s+(дают|дали|выдают)\s+лекарств|отказ\w*\s+в\s+медицинск|denied\s+(medical\s+)?(care|treatment|medication)/i,
  },
];

const number = (text: string) => Number(text.replace(',', '.'));

/** Readings written in the relative's own words: "давление 190 на 110", "температура 39,8", "pulse 150", "сахар 2.5". */
export function readingsInText(text: string, at: string): VitalReading[] {
  const reading: VitalReading = { at };
  const pressure =
    /(?:давлени\w*|bp|blood\s+pressure|pressure)\D{0,12}(\d{2,3})\s*(?:\/|на|over|\\)\s*(\d{2,3})/i.exec(text) ?? /\b(\d{3})\s*\/\s*(\d{2,3})\b/.exec(text);
  if (pressure) {
    const [systolic, diastolic] = [number(pressure[1]), number(pressure[2])];
    if (systolic >= 40 && systolic <= 300 && diastolic >= 20 && diastolic <= 200) Object.assign(reading, { systolic, diastolic });
  }
  const temperature = /(?:температур\w*|temperature|temp|fever)\D{0,12}(\d{2}(?:[.,]\d)?)/i.exec(text);
  if (temperature && number(temperature[1]) >= 30 && number(temperature[1]) <= 45) reading.temperatureC = number(temperature[1]);
  const pulse = /(?:пульс\w*|pulse|heart\s+rate)\D{0,12}(\d{2,3})/i.exec(text);
  if (pulse && number(pulse[1]) >= 20 && number(pulse[1]) <= 250) reading.pulse = number(pulse[1]);
  const glucose = /(?:сахар\w*|глюкоз\w*|glucose|blood\s+sugar|sugar)\D{0,12}(\d{1,2}(?:[.,]\d)?)/i.exec(text);
  if (glucose && number(glucose[1]) >= 0.5 && number(glucose[1]) <= 50) reading.glucoseMmolL = number(glucose[1]);
  return Object.keys(reading).length > 1 ? [reading] : [];
}

export interface EmergencyAssessment {
  /** High or critical: the report opens a medical alert at once. */
  emergency: boolean;
  severity: Severity | null;
  /** Keyword codes and vital finding codes that decided it. */
  reasons: string[];
}

/**
 * Whether a relative's report describes a health emergency: the vital-sign rules the incident form uses
 * (libs/contracts vital-rules.ts) applied to the readings found in the text, plus keywords in Russian and English.
 */
export function assessReport(text: string, at: string): EmergencyAssessment {
  const vitals = assessVitals(readingsInText(text, at));
  let severity: Severity | null = vitals.severity;
  const reasons: string[] = vitals.findings.filter((f) => f.severity === 'high' || f.severity === 'critical').map((f) => f.code);
  for (const keyword of keywords) {
    if (!keyword.pattern.test(text)) continue;
    severity = severity ? graver(keyword.severity, severity) : keyword.severity;
    reasons.push(keyword.code);
  }
  return { emergency: severity === 'high' || severity === 'critical', severity, reasons };
}
