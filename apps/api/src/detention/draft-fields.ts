import type { LegalActionTrigger, TemplateLanguage } from '@habeas/contracts';
import { legalDate, textDate } from './legal-date';
import { declineFullName, grammaticalCases, surnameWithInitials } from './person-name';
import type { TemplateFields } from './template-renderer';
import { describeTrigger } from './trigger-text';

/** Everything a draft may say about its case, gathered by the repository. */
export interface DraftFacts {
  language: TemplateLanguage;
  /** The court's zone: dates and times of a filing are the court's. */
  timeZone: string;
  theCase: { title: string; slug: string; court: string; courtCaseNumber: string; judge: string; investigatingAgency: string };
  defendantName: string | null;
  lawyer: { name: string; registryNumber: string } | null;
  /** Where the person is held now: the facility of the latest custody event. */
  facility: { name: string; address: string } | null;
  trigger: LegalActionTrigger | null;
  deadlineAt: Date | null;
  today: Date;
}

/** The values a template's `{{…}}` slots are filled with; pure. Empty facts stay empty so the draft marks them. */
export function draftFields(facts: DraftFacts): TemplateFields {
  const { language, timeZone } = facts;
  const fields: TemplateFields = {
    'court.name': facts.theCase.court,
    'court.caseNumber': facts.theCase.courtCaseNumber,
    'court.judge': facts.theCase.judge,
    'court.judge.dative': facts.theCase.judge ? surnameWithInitials(facts.theCase.judge, 'dative') : null,
    'investigator.name': facts.theCase.investigatingAgency,
    'defendant.initials': facts.defendantName ? surnameWithInitials(facts.defendantName) : null,
    'lawyer.name': facts.lawyer?.name,
    'lawyer.initials': facts.lawyer ? surnameWithInitials(facts.lawyer.name) : null,
    'lawyer.registryNumber': facts.lawyer?.registryNumber,
    'facility.name': facts.facility?.name,
    'facility.address': facts.facility?.address,
    'event.text': facts.trigger ? describeTrigger(facts.trigger, language, timeZone) : null,
    'event.date': facts.trigger ? textDate(new Date(facts.trigger.occurredAt), language, timeZone) : null,
    'action.deadline': facts.deadlineAt ? textDate(facts.deadlineAt, language, timeZone) : null,
    today: legalDate(facts.today, language, timeZone),
    // Names of earlier templates, still understood.
    'case.title': facts.theCase.title,
    'case.slug': facts.theCase.slug,
    'person.name': facts.defendantName ?? facts.theCase.title,
  };
  for (const grammaticalCase of grammaticalCases) {
    const suffix = grammaticalCase === 'nominative' ? '' : `.${grammaticalCase}`;
    fields[`defendant.name${suffix}`] = facts.defendantName ? declineFullName(facts.defendantName, grammaticalCase) : null;
    fields[`lawyer.name${suffix}`] = facts.lawyer ? declineFullName(facts.lawyer.name, grammaticalCase) : null;
  }
  fields['event.summary'] = fields['event.text'];
  fields['event.occurredAt'] = fields['event.date'];
  return fields;
}

/** Every slot a template may use, for the template editor's help. */
export const draftFieldNames = Object.keys(
  draftFields({
    language: 'ru',
    timeZone: 'UTC',
    theCase: { title: '', slug: '', court: '', courtCaseNumber: '', judge: '', investigatingAgency: '' },
    defendantName: null,
    lawyer: null,
    facility: null,
    trigger: null,
    deadlineAt: null,
    today: new Date(0),
  }),
);
