import type { ContactKind, ContactStatus, LegalStep } from '@habeas/contracts';

/** What happened that may call for a legal step. */
export type LegalTrigger =
  | { source: 'contact'; kind: ContactKind; status: ContactStatus }
  | { source: 'medical_incident'; type: string; severity: 'low' | 'moderate' | 'high' | 'critical' };

export interface ProposedStep {
  step: LegalStep;
  /** Default deadline, in days from when the event happened. */
  deadlineDays: number;
}

const serious = (severity: string) => severity === 'high' || severity === 'critical';

/**
 * The legal steps a defense team usually takes after an event in detention, with default deadlines.
 * Pure: the team can accept, edit or dismiss each proposal.
 */
export function proposeLegalSteps(trigger: LegalTrigger): ProposedStep[] {
  if (trigger.source === 'contact') {
    if (trigger.kind === 'visit' && trigger.status === 'refused') {
      return [
        { step: 'complaint_facility', deadlineDays: 3 },
        { step: 'complaint_prosecutor', deadlineDays: 10 },
      ];
    }
    if (trigger.kind === 'call' && trigger.status === 'refused') return [{ step: 'complaint_facility', deadlineDays: 10 }];
    if (trigger.kind === 'letter' && trigger.status === 'not_delivered') return [{ step: 'complaint_facility', deadlineDays: 10 }];
    if ((trigger.kind === 'parcel' || trigger.kind === 'money_transfer') && trigger.status === 'returned') {
      return [{ step: 'complaint_facility', deadlineDays: 10 }];
    }
    return [];
  }

  const steps: ProposedStep[] = [];
  switch (trigger.type) {
    case 'denied_care':
      steps.push({ step: 'complaint_prosecutor', deadlineDays: 3 }, { step: 'motion_independent_doctor', deadlineDays: 3 });
      break;
    case 'medication_withheld':
      steps.push({ step: 'complaint_facility', deadlineDays: 2 }, { step: 'motion_independent_doctor', deadlineDays: 3 });
      break;
    case 'ambulance_call':
      steps.push({ step: 'motion_independent_doctor', deadlineDays: 3 }, { step: 'complaint_prosecutor', deadlineDays: 7 });
      if (serious(trigger.severity)) steps.push({ step: 'motion_custody_health', deadlineDays: 7 });
      break;
    case 'hospitalisation':
    case 'hospitalization':
      steps.push({ step: 'motion_custody_health', deadlineDays: 5 }, { step: 'motion_independent_doctor', deadlineDays: 5 });
      break;
    case 'hunger_strike':
      steps.push({ step: 'motion_independent_doctor', deadlineDays: 2 }, { step: 'complaint_facility', deadlineDays: 5 });
      break;
    default:
      if (serious(trigger.severity)) steps.push({ step: 'motion_independent_doctor', deadlineDays: 5 });
  }
  // A critical condition that the national authorities leave untreated is what interim measures exist for.
  if (trigger.severity === 'critical' && trigger.type !== 'hunger_strike') steps.push({ step: 'interim_measures_international', deadlineDays: 2 });
  return steps;
}
