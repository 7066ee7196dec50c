import type { LegalStep, TemplateLanguage } from '@habeas/contracts';

interface DefaultTemplate {
  step: LegalStep;
  language: TemplateLanguage;
  title: string;
  body: string;
}

interface Filing {
  title: string;
  /** The addressee lines above "from counsel …". */
  to: string[];
  heading: string;
  subheading: string;
  /** Paragraphs between the event and the request. */
  grounds: string[];
  requests: string[];
}

const ru: Record<LegalStep, Filing> = {
  complaint_facility: {
    title: 'Жалоба начальнику учреждения',
    to: ['Начальнику {{facility.name}}', '{{facility.address}}'],
    heading: 'ЖАЛОБА',
    subheading: 'на нарушение прав лица, содержащегося под стражей',
    grounds: [
      'Тем самым нарушены права моего подзащитного, гарантированные статьями 17 и 18 Федерального закона от 15.07.1995 № 103-ФЗ «О содержании под стражей подозреваемых и обвиняемых в совершении преступлений».',
    ],
    requests: [
      'Провести проверку изложенных фактов.',
      'Устранить допущенное нарушение и не допускать его впредь.',
      'О результатах рассмотрения жалобы сообщить мне в установленный законом срок.',
    ],
  },
  complaint_prosecutor: {
    title: 'Жалоба прокурору',
    to: ['Прокурору, осуществляющему надзор за соблюдением законов в местах содержания под стражей', '(учреждение: {{facility.name}}, {{facility.address}})'],
    heading: 'ЖАЛОБА',
    subheading: 'на нарушение условий содержания под стражей',
    grounds: [
      'Изложенное свидетельствует о нарушении требований Федерального закона от 15.07.1995 № 103-ФЗ «О содержании под стражей подозреваемых и обвиняемых в совершении преступлений». Надзор за соблюдением законов администрациями мест содержания под стражей возложен на прокуратуру статьёй 32 Федерального закона «О прокуратуре Российской Федерации».',
    ],
    requests: [
      'Провести прокурорскую проверку изложенных фактов.',
      'Принять меры прокурорского реагирования для устранения нарушения и привлечения виновных лиц к ответственности.',
      'О результатах проверки сообщить мне в установленный законом срок.',
    ],
  },
  motion_independent_doctor: {
    title: 'Ходатайство о медицинском осмотре независимым врачом',
    to: ['В {{investigator.name}}', 'Начальнику {{facility.name}}'],
    heading: 'ХОДАТАЙСТВО',
    subheading: 'о медицинском осмотре врачом по выбору защиты',
    grounds: [
      'Состояние здоровья подзащитного вызывает серьёзные опасения. В соответствии со статьёй 24 Федерального закона от 15.07.1995 № 103-ФЗ лица, содержащиеся под стражей, имеют право на медицинскую помощь, а статьями 119 и 120 УПК РФ защитнику предоставлено право заявлять ходатайства.',
    ],
    requests: [
      'Допустить к {{defendant.name.dative}} врача по выбору защиты для медицинского осмотра.',
      'Предоставить защите копии медицинской документации {{defendant.name.genitive}}.',
    ],
  },
  motion_custody_health: {
    title: 'Ходатайство об изменении меры пресечения по состоянию здоровья',
    to: ['В {{court.name}}', 'Судье {{court.judge.dative}}'],
    heading: 'ХОДАТАЙСТВО',
    subheading: 'об изменении меры пресечения по состоянию здоровья',
    grounds: [
      'В отношении {{defendant.name.genitive}} избрана мера пресечения в виде заключения под стражу; он содержится в {{facility.name}}.',
      'Согласно части 1.1 статьи 110 УПК РФ мера пресечения в виде заключения под стражу подлежит отмене при выявлении у обвиняемого тяжёлого заболевания, препятствующего его содержанию под стражей и удостоверенного медицинским заключением, вынесенным по результатам медицинского освидетельствования.',
    ],
    requests: [
      'Направить {{defendant.name.accusative}} на медицинское освидетельствование в порядке, утверждённом постановлением Правительства Российской Федерации от 14.01.2011 № 3.',
      'Изменить меру пресечения в виде заключения под стражу на домашний арест или иную меру пресечения, не связанную с изоляцией от общества.',
    ],
  },
  interim_measures_international: {
    title: 'Просьба о временных мерах в Комитет ООН по правам человека',
    to: ['В Комитет по правам человека Организации Объединённых Наций'],
    heading: 'ПРОСЬБА',
    subheading: 'о принятии временных мер (правило 94 Правил процедуры Комитета)',
    grounds: [
      'Подзащитный содержится под стражей в {{facility.name}} ({{facility.address}}).',
      'Власти государства-участника не обеспечивают подзащитному надлежащей медицинской помощи, что создаёт угрозу непоправимого вреда его жизни и здоровью (статьи 6, 7 и 10 Международного пакта о гражданских и политических правах).',
    ],
    requests: [
      'Предложить государству-участнику незамедлительно обеспечить {{defendant.name.dative}} надлежащую медицинскую помощь, в том числе в гражданской больнице.',
      'Предложить государству-участнику рассмотреть вопрос об освобождении {{defendant.name.genitive}} из-под стражи по состоянию здоровья.',
    ],
  },
};

const en: Record<LegalStep, Filing> = {
  complaint_facility: {
    title: 'Complaint to the head of the facility',
    to: ['To the head of {{facility.name}}', '{{facility.address}}'],
    heading: 'COMPLAINT',
    subheading: 'about a violation of the rights of a person held in custody',
    grounds: [
      'This violates the rights of my client guaranteed by articles 17 and 18 of Federal Law No. 103-FZ of 15 July 1995 on the detention of suspects and accused persons.',
    ],
    requests: [
      'Investigate the facts set out above.',
      'Stop the violation and prevent it from recurring.',
      'Inform me of the result within the time the law sets.',
    ],
  },
  complaint_prosecutor: {
    title: 'Complaint to the prosecutor',
    to: ['To the prosecutor supervising places of detention', '(facility: {{facility.name}}, {{facility.address}})'],
    heading: 'COMPLAINT',
    subheading: 'about the conditions of detention',
    grounds: [
      'These facts breach Federal Law No. 103-FZ of 15 July 1995; supervising the administrations of places of detention is the task of the prosecutor’s office.',
    ],
    requests: [
      'Carry out a prosecutorial check of the facts set out above.',
      'Take measures to stop the violation and hold those responsible to account.',
      'Inform me of the result within the time the law sets.',
    ],
  },
  motion_independent_doctor: {
    title: 'Motion for an examination by an independent doctor',
    to: ['To {{investigator.name}}', 'To the head of {{facility.name}}'],
    heading: 'MOTION',
    subheading: 'for a medical examination by a doctor of the defence’s choice',
    grounds: [
      "My client's state of health gives serious cause for concern. Persons held in custody have the right to medical care (article 24 of Federal Law No. 103-FZ).",
    ],
    requests: [
      'Admit a doctor of the defence’s choice to examine {{defendant.name}}.',
      'Give the defence copies of the medical records of {{defendant.name}}.',
    ],
  },
  motion_custody_health: {
    title: 'Motion to change the measure of restraint on health grounds',
    to: ['To {{court.name}}', 'Judge {{court.judge}}'],
    heading: 'MOTION',
    subheading: 'to change the measure of restraint on health grounds',
    grounds: [
      '{{defendant.name}} is held in custody at {{facility.name}}.',
      'Under article 110(1.1) of the Code of Criminal Procedure, custody must be lifted when a serious illness that prevents detention is certified by a medical report.',
    ],
    requests: [
      'Send {{defendant.name}} for a medical examination under Government Decree No. 3 of 14 January 2011.',
      'Replace custody with house arrest or another measure not involving isolation.',
    ],
  },
  interim_measures_international: {
    title: 'Request for interim measures to the UN Human Rights Committee',
    to: ['To the United Nations Human Rights Committee'],
    heading: 'REQUEST',
    subheading: 'for interim measures (rule 94 of the Committee’s rules of procedure)',
    grounds: [
      'My client is held in custody at {{facility.name}} ({{facility.address}}).',
      'The authorities of the State party do not provide my client with adequate medical care, which risks irreparable harm to his life and health (articles 6, 7 and 10 of the Covenant).',
    ],
    requests: [
      'Ask the State party to provide {{defendant.name}} with adequate medical care without delay, including in a civilian hospital.',
      'Ask the State party to consider releasing {{defendant.name}} on health grounds.',
    ],
  },
};

function body(language: TemplateLanguage, filing: Filing): string {
  const lines =
    language === 'ru'
      ? {
          from: [
            'от адвоката {{lawyer.name.genitive}}',
            '(регистрационный № {{lawyer.registryNumber}} в реестре адвокатов),',
            'защитника {{defendant.name.genitive}}',
            'по делу № {{court.caseNumber}}',
          ],
          intro: 'Я, адвокат {{lawyer.name}}, осуществляю защиту {{defendant.name.genitive}} по делу № {{court.caseNumber}}.',
          therefore: 'На основании изложенного',
          ask: '**ПРОШУ:**',
          annex: 'Приложение: ордер адвоката.',
          sign: 'Адвокат | ____________ {{lawyer.initials}}',
        }
      : {
          from: [
            'from advocate {{lawyer.name}}',
            '(registry No. {{lawyer.registryNumber}}),',
            'defence counsel of {{defendant.name}}',
            'in case No. {{court.caseNumber}}',
          ],
          intro: 'I, advocate {{lawyer.name}}, am defence counsel of {{defendant.name}} in case No. {{court.caseNumber}}.',
          therefore: 'On these grounds',
          ask: '**I ASK:**',
          annex: 'Annex: the advocate’s warrant.',
          sign: 'Advocate | ____________ {{lawyer.initials}}',
        };
  return [
    ...filing.to.map((line) => `> ${line}`),
    ...lines.from.map((line) => `> ${line}`),
    '',
    `# ${filing.heading}`,
    `## ${filing.subheading}`,
    '',
    lines.intro,
    '',
    '{{event.text}}',
    '',
    ...filing.grounds.flatMap((paragraph) => [paragraph, '']),
    lines.therefore,
    lines.ask,
    ...filing.requests.map((request, index) => `${index + 1}. ${request}`),
    '',
    lines.annex,
    '---',
    lines.sign,
    '{{today}} |',
  ].join('\n');
}

/** One default template per legal step and language; the team edits them in the admin. */
export function defaultTemplates(): DefaultTemplate[] {
  const steps = Object.keys(en) as LegalStep[];
  return steps.flatMap((step) =>
    (['ru', 'en'] as const).map((language) => {
      const filing = (language === 'ru' ? ru : en)[step];
      return { step, language, title: filing.title, body: body(language, filing) };
    }),
  );
}

export function defaultActionTitle(step: LegalStep, language: TemplateLanguage): string {
  return (language === 'ru' ? ru : en)[step].title;
}
