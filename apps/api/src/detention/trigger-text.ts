import type { ContactKind, ContactStatus, IncidentType, LegalActionTrigger, Severity, TemplateLanguage } from '@habeas/contracts';
import { clockTime, textDate } from './legal-date';

const ru = {
  incident: {
    ambulance_call: 'к подзащитному была вызвана скорая медицинская помощь',
    hospitalisation: 'подзащитный был госпитализирован',
    transfer_to_hospital: 'подзащитный был переведён в больницу',
    return_from_hospital: 'подзащитный был возвращён из больницы в место содержания под стражей',
    denied_care: 'подзащитному было отказано в медицинской помощи',
    medication_withheld: 'подзащитному не были выданы назначенные ему лекарственные препараты',
    injury: 'подзащитный получил телесные повреждения',
    hunger_strike: 'подзащитный объявил голодовку',
    chronic_condition: 'у подзащитного обострилось хроническое заболевание',
    check_up: 'подзащитный был осмотрен медицинским работником',
    other: 'произошло событие, касающееся здоровья подзащитного',
  } satisfies Record<IncidentType, string>,
  severity: {
    low: 'лёгкое',
    moderate: 'средней тяжести',
    high: 'тяжёлое',
    critical: 'угрожающее жизни',
  } satisfies Record<Severity, string>,
  contact: {
    'visit:refused': 'защитнику было отказано в свидании с подзащитным',
    'visit:held': 'состоялось свидание защитника с подзащитным',
    'visit:requested': 'защитник обратился за предоставлением свидания с подзащитным',
    'call:refused': 'подзащитному было отказано в телефонном разговоре',
    'call:held': 'состоялся телефонный разговор с подзащитным',
    'letter:not_delivered': 'письмо, направленное подзащитному, не было ему доставлено',
    'letter:sent': 'подзащитному было направлено письмо',
    'letter:delivered': 'письмо было доставлено подзащитному',
    'parcel:returned': 'передача для подзащитного была возвращена отправителю',
    'parcel:sent': 'для подзащитного была направлена передача',
    'parcel:accepted': 'передача для подзащитного была принята',
    'money_transfer:returned': 'денежный перевод на лицевой счёт подзащитного был возвращён',
    'money_transfer:sent': 'на лицевой счёт подзащитного был направлен денежный перевод',
    'money_transfer:accepted': 'денежный перевод на лицевой счёт подзащитного был принят',
  } as Partial<Record<`${ContactKind}:${ContactStatus}`, string>>,
};

const en = {
  incident: {
    ambulance_call: 'an ambulance was called to the defendant',
    hospitalisation: 'the defendant was admitted to hospital',
    transfer_to_hospital: 'the defendant was transferred to hospital',
    return_from_hospital: 'the defendant was returned from hospital to custody',
    denied_care: 'the defendant was refused medical care',
    medication_withheld: 'the defendant was not given the medication prescribed to him',
    injury: 'the defendant was injured',
    hunger_strike: 'the defendant went on hunger strike',
    chronic_condition: "the defendant's chronic condition worsened",
    check_up: 'the defendant was examined by a medical worker',
    other: "an event concerning the defendant's health occurred",
  } satisfies Record<IncidentType, string>,
  severity: { low: 'mild', moderate: 'moderate', high: 'serious', critical: 'life-threatening' } satisfies Record<Severity, string>,
  contact: {
    'visit:refused': 'defence counsel was refused a visit to the defendant',
    'visit:held': 'defence counsel visited the defendant',
    'visit:requested': 'defence counsel asked for a visit to the defendant',
    'call:refused': 'the defendant was refused a telephone call',
    'call:held': 'a telephone call with the defendant took place',
    'letter:not_delivered': 'a letter sent to the defendant was not delivered to him',
    'letter:sent': 'a letter was sent to the defendant',
    'letter:delivered': 'a letter was delivered to the defendant',
    'parcel:returned': 'a parcel for the defendant was returned to the sender',
    'parcel:sent': 'a parcel was sent to the defendant',
    'parcel:accepted': 'a parcel for the defendant was accepted',
    'money_transfer:returned': "a money transfer to the defendant's account was returned",
    'money_transfer:sent': "money was sent to the defendant's account",
    'money_transfer:accepted': "a money transfer to the defendant's account was accepted",
  } as Partial<Record<`${ContactKind}:${ContactStatus}`, string>>,
};

/** What happened, told as a sentence of a filing in the template's language, dated in the court's zone. */
export function describeTrigger(trigger: LegalActionTrigger, language: TemplateLanguage, timeZone: string): string {
  const words = language === 'ru' ? ru : en;
  const at = new Date(trigger.occurredAt);
  const when =
    language === 'ru'
      ? `${textDate(at, language, timeZone)} около ${clockTime(at, timeZone)}`
      : `On ${textDate(at, language, timeZone)} at about ${clockTime(at, timeZone)}`;
  const where = trigger.facility ? (language === 'ru' ? ` в учреждении «${trigger.facility}»` : ` at ${trigger.facility}`) : '';
  if (trigger.type === 'medical_incident') {
    const severity =
      language === 'ru'
        ? `состояние здоровья подзащитного оценивается как ${words.severity[trigger.severity]}`
        : `his condition is assessed as ${words.severity[trigger.severity]}`;
    return `${when}${where} ${words.incident[trigger.incidentType]}; ${severity}.`;
  }
  const what = words.contact[`${trigger.kind}:${trigger.status}`] ?? words.contact[`${trigger.kind}:refused`] ?? '';
  let sentence = `${when}${where} ${what}`;
  if (trigger.refusalReason)
    sentence +=
      language === 'ru' ? `; основание отказа, названное администрацией: «${trigger.refusalReason}»` : `; the reason given: "${trigger.refusalReason}"`;
  if (trigger.refusedBy) sentence += language === 'ru' ? `; отказ дал ${trigger.refusedBy}` : `; refused by ${trigger.refusedBy}`;
  return `${sentence}.`;
}
