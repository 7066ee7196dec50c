import type { PublicCase } from '@habeas/contracts';
import { formatDateTime } from '../evidence/dossier-labels';

type Language = 'ru' | 'en';
export interface MailText {
  subject: string;
  text: string;
}

const hearingKinds: Record<Language, Record<string, string>> = {
  ru: {
    arraignment: 'избрание меры пресечения',
    custody_extension: 'продление меры пресечения',
    preliminary: 'предварительное слушание',
    trial_session: 'судебное заседание',
    verdict: 'оглашение приговора',
    appeal: 'апелляция',
  },
  en: {
    arraignment: 'preventive measure hearing',
    custody_extension: 'custody extension',
    preliminary: 'preliminary hearing',
    trial_session: 'trial session',
    verdict: 'verdict',
    appeal: 'appeal',
  },
};

const footer: Record<Language, (page: string, unsubscribe: string) => string> = {
  ru: (page, unsubscribe) =>
    `\n\n—\nСтраница дела: ${page}\nОтписаться одним нажатием: ${unsubscribe}\nВы получили это письмо, потому что подписались на новости дела и подтвердили адрес.`,
  en: (page, unsubscribe) =>
    `\n\n—\nCase page: ${page}\nUnsubscribe in one click: ${unsubscribe}\nYou receive this because you subscribed to the case's news and confirmed your address.`,
};

/** The double opt-in mail: nothing is sent to the address until its owner follows the link. */
export function confirmationMail(language: Language, title: string, confirmUrl: string): MailText {
  return language === 'ru'
    ? {
        subject: `Подтвердите подписку: ${title}`,
        text: `Здравствуйте!\n\nКто-то (возможно, вы) подписал этот адрес на новости дела «${title}»: заседания и проверенные юристами сообщения защиты.\n\nЧтобы подтвердить подписку, откройте ссылку и нажмите «Подтвердить»:\n${confirmUrl}\n\nЕсли вы не подписывались, ничего не делайте: без подтверждения писем больше не будет, а адрес удалится через неделю.`,
      }
    : {
        subject: `Confirm your subscription: ${title}`,
        text: `Hello,\n\nSomeone (probably you) subscribed this address to news of the case "${title}": hearings and updates checked by the lawyers.\n\nTo confirm, open the link and press "Confirm":\n${confirmUrl}\n\nIf it was not you, do nothing: without confirmation no more mail is sent, and the address is deleted after a week.`,
      };
}

export function updateMail(language: Language, view: PublicCase, update: { title: string; body: string }, page: string, unsubscribe: string): MailText {
  return { subject: `${view.title}: ${update.title}`, text: `${update.title}\n\n${update.body}${footer[language](page, unsubscribe)}` };
}

export function hearingMail(language: Language, view: PublicCase, hearing: PublicCase['hearings'][number], page: string, unsubscribe: string): MailText {
  const when = formatDateTime(language, hearing.scheduledAt, hearing.timeZone);
  const kind = hearingKinds[language][hearing.kind] ?? hearing.kind;
  const where = [hearing.court, hearing.address].filter(Boolean).join(', ');
  return language === 'ru'
    ? {
        subject: `${view.title}: заседание ${when}`,
        text: `Назначено заседание (${kind}): ${when}.\n${where}\n\nЗаседания открытые: возьмите паспорт и приходите заранее, у входа в суд досмотр.${footer.ru(page, unsubscribe)}`,
      }
    : {
        subject: `${view.title}: hearing on ${when}`,
        text: `A hearing (${kind}) is scheduled: ${when}.\n${where}\n\nHearings are open to the public: bring your passport and come early, there is a security check at the entrance.${footer.en(page, unsubscribe)}`,
      };
}
