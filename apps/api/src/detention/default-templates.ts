import type { LegalStep, TemplateLanguage } from '@habeas/contracts';

interface DefaultTemplate {
  step: LegalStep;
  language: TemplateLanguage;
  title: string;
  body: string;
}

const en: Record<LegalStep, { title: string; addressee: string; request: string }> = {
  complaint_facility: {
    title: 'Complaint to the head of the facility',
    addressee: 'To the head of {{facility.name}}',
    request: 'I ask you to investigate the facts set out above, to stop the violation and to inform me of the measures taken.',
  },
  complaint_prosecutor: {
    title: 'Complaint to the prosecutor',
    addressee: 'To the prosecutor supervising {{facility.name}}',
    request: 'I ask you to carry out a check of the facts set out above, to take prosecutorial response measures and to inform me of the result.',
  },
  motion_independent_doctor: {
    title: 'Motion for an examination by an independent doctor',
    addressee: 'To the investigator and the head of {{facility.name}}',
    request: "I ask you to allow an examination of {{person.name}} by an independent doctor of the defence's choice and to provide the medical records.",
  },
  motion_custody_health: {
    title: 'Motion to change the custody measure on health grounds',
    addressee: 'To the court hearing case {{case.title}}',
    request: 'I ask the court to replace detention with house arrest or another measure not involving isolation, given the state of health of {{person.name}}.',
  },
  interim_measures_international: {
    title: 'Request for interim measures (Rule 39)',
    addressee: 'To the international court',
    request: 'The applicant asks the court to indicate to the Government that {{person.name}} must receive adequate medical care without delay.',
  },
};

const ru: Record<LegalStep, { title: string; addressee: string; request: string }> = {
  complaint_facility: {
    title: 'Жалоба начальнику учреждения',
    addressee: 'Начальнику {{facility.name}}',
    request: 'Прошу провести проверку изложенных фактов, устранить нарушение и сообщить мне о принятых мерах.',
  },
  complaint_prosecutor: {
    title: 'Жалоба прокурору',
    addressee: 'Прокурору по надзору за {{facility.name}}',
    request: 'Прошу провести проверку изложенных фактов, принять меры прокурорского реагирования и сообщить мне о результатах.',
  },
  motion_independent_doctor: {
    title: 'Ходатайство об осмотре независимым врачом',
    addressee: 'Следователю и начальнику {{facility.name}}',
    request: 'Прошу допустить к {{person.name}} независимого врача по выбору защиты для осмотра и предоставить медицинскую документацию.',
  },
  motion_custody_health: {
    title: 'Ходатайство об изменении меры пресечения по состоянию здоровья',
    addressee: 'В суд, рассматривающий дело {{case.title}}',
    request:
      'Прошу изменить меру пресечения в виде заключения под стражу на домашний арест или иную меру, не связанную с изоляцией, с учётом состояния здоровья {{person.name}}.',
  },
  interim_measures_international: {
    title: 'Запрос о применении обеспечительных мер (правило 39)',
    addressee: 'В международный суд',
    request: 'Заявитель просит указать Правительству на необходимость незамедлительно обеспечить {{person.name}} надлежащую медицинскую помощь.',
  },
};

function body(language: TemplateLanguage, step: LegalStep): string {
  const t = (language === 'ru' ? ru : en)[step];
  if (language === 'ru') {
    return [
      t.addressee,
      'от защитника {{lawyer.name}}',
      '',
      `# ${t.title}`,
      '',
      'Я являюсь защитником {{person.name}} по делу «{{case.title}}», содержащегося в {{facility.name}}.',
      '',
      '**Что произошло:** {{event.summary}} ({{event.occurredAt}}).',
      '',
      t.request,
      '',
      'Срок подачи: {{action.deadline}}',
      '',
      '{{today}}, {{lawyer.name}}',
    ].join('\n');
  }
  return [
    t.addressee,
    'from defence counsel {{lawyer.name}}',
    '',
    `# ${t.title}`,
    '',
    'I am defence counsel of {{person.name}} in the case "{{case.title}}", held at {{facility.name}}.',
    '',
    '**What happened:** {{event.summary}} ({{event.occurredAt}}).',
    '',
    t.request,
    '',
    'To be filed by: {{action.deadline}}',
    '',
    '{{today}}, {{lawyer.name}}',
  ].join('\n');
}

/** One default template per legal step and language; the team edits them in the admin. */
export function defaultTemplates(): DefaultTemplate[] {
  const steps = Object.keys(en) as LegalStep[];
  return steps.flatMap((step) =>
    (['ru', 'en'] as const).map((language) => ({ step, language, title: (language === 'ru' ? ru : en)[step].title, body: body(language, step) })),
  );
}

export function defaultActionTitle(step: LegalStep, language: TemplateLanguage): string {
  return (language === 'ru' ? ru : en)[step].title;
}
