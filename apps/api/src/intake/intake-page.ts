import type { IntakeStatus } from '@habeas/contracts';
import { escapeHtml, htmlPage } from '../public-case/public-html';

type Language = 'ru' | 'en';

const strings = {
  ru: {
    title: 'Сообщить защите',
    intro: 'Эту форму вам дали адвокаты. Расскажите, что случилось, — своими словами, как можно точнее. Отвечать на все вопросы не обязательно.',
    urgent: 'Если жизни угрожает опасность, сначала позвоните адвокату. Сообщения о тяжёлом состоянии здоровья команда получает сразу.',
    what: 'Что случилось',
    whatHint: 'Например: «вызывали скорую, давление 190 на 110, в больницу не повезли»',
    when: 'Когда',
    whenHint: 'Дата и время, если знаете',
    where: 'Где',
    whereHint: 'СИЗО, ИВС, больница, суд',
    howKnown: 'Откуда вы это знаете',
    howKnownHint: 'Из письма, от сокамерника, от адвоката, сами видели',
    contactBack: 'Как с вами связаться (по желанию)',
    contactBackHint: 'Телефон, Telegram или почта — только если хотите, чтобы вам ответили',
    files: 'Фото или документы (по желанию)',
    filesHint: 'До 5 файлов: JPEG, PNG, HEIC, PDF, DOCX, ODT, RTF, TXT',
    send: 'Отправить',
    kept: 'Что хранится: ваше сообщение и файлы — в зашифрованном виде, их видят только адвокаты и врачи команды. Что не хранится: ваш IP-адрес и данные устройства.',
    receivedTitle: 'Сообщение получено',
    receiptIntro: 'Запишите или сфотографируйте код. По нему можно узнать, что с сообщением, — но не его содержание.',
    receiptEmergency: 'Похоже, речь о здоровье: команда уже получила тревогу.',
    checkStatus: 'Узнать статус',
    statusTitle: 'Статус сообщения',
    receipt: 'Код сообщения',
    check: 'Проверить',
    notFound: 'Сообщение с таким кодом не найдено. Проверьте код.',
    linkGoneTitle: 'Ссылка не работает',
    linkGone: 'Эта ссылка больше не действует. Попросите у адвоката новую.',
    another: 'Отправить ещё одно сообщение',
    statuses: { received: 'Получено, ещё не прочитано', seen: 'Прочитано командой', acted_on: 'Команда приняла меры' } as Record<IntakeStatus, string>,
    errorTitle: 'Сообщение не отправлено',
  },
  en: {
    title: 'Tell the defence',
    intro: 'The lawyers gave you this form. Tell us what happened, in your own words and as precisely as you can. No question is compulsory.',
    urgent: 'If a life is in danger, call the lawyer first. Reports of a serious health problem reach the team at once.',
    what: 'What happened',
    whatHint: 'For example: "an ambulance was called, blood pressure 190/110, he was not taken to hospital"',
    when: 'When',
    whenHint: 'Date and time, if you know',
    where: 'Where',
    whereHint: 'Pre-trial detention centre, police cells, hospital, court',
    howKnown: 'How do you know',
    howKnownHint: 'From a letter, a cellmate, the lawyer, you saw it yourself',
    contactBack: 'How to reach you (optional)',
    contactBackHint: 'Phone, Telegram or e-mail — only if you want an answer',
    files: 'Photos or documents (optional)',
    filesHint: 'Up to 5 files: JPEG, PNG, HEIC, PDF, DOCX, ODT, RTF, TXT',
    send: 'Send',
    kept: 'What is kept: your report and files, encrypted; only the team’s lawyers and doctors see them. What is not kept: your IP address and device details.',
    receivedTitle: 'Report received',
    receiptIntro: 'Write down or photograph this code. With it you can see what happened to your report — but not its content.',
    receiptEmergency: 'This sounds like a health emergency: the team has already been alerted.',
    checkStatus: 'Check the status',
    statusTitle: 'Status of your report',
    receipt: 'Report code',
    check: 'Check',
    notFound: 'No report with this code. Please check the code.',
    linkGoneTitle: 'This link does not work',
    linkGone: 'This link is no longer valid. Ask the lawyer for a new one.',
    another: 'Send another report',
    statuses: { received: 'Received, not read yet', seen: 'Read by the team', acted_on: 'The team has acted on it' } as Record<IntakeStatus, string>,
    errorTitle: 'The report was not sent',
  },
};

const base = (token: string) => `/intake/${encodeURIComponent(token)}`;
const otherOf = (language: Language, href: string) => ({ language: language === 'ru' ? ('en' as const) : ('ru' as const), href });

function field(name: string, label: string, hint: string, control: string): string {
  return `<label for="${name}">${escapeHtml(label)}<span class="hint" id="${name}-hint">${escapeHtml(hint)}</span></label>${control}`;
}

/** The phone-first form a relative opens from the link: a plain multipart form, works without JavaScript. */
export function intakeFormPage(token: string, language: Language, error?: string): string {
  const s = strings[language];
  const input = (name: string, max: number) => `<input type="text" id="${name}" name="${name}" maxlength="${max}" aria-describedby="${name}-hint">`;
  return htmlPage({
    language,
    title: s.title,
    secret: true,
    other: otherOf(language, `${base(token)}?lang=${language === 'ru' ? 'en' : 'ru'}`),
    body: `<h1>${escapeHtml(s.title)}</h1>
<p>${escapeHtml(s.intro)}</p>
<p class="notice">${escapeHtml(s.urgent)}</p>
${error ? `<div class="error" role="alert"><strong>${escapeHtml(s.errorTitle)}</strong><br>${escapeHtml(error)}</div>` : ''}
<form method="post" action="${base(token)}?lang=${language}" enctype="multipart/form-data">
<input type="hidden" name="language" value="${language}">
${field('what', s.what, s.whatHint, `<textarea id="what" name="what" required maxlength="10000" aria-describedby="what-hint"></textarea>`)}
${field('when', s.when, s.whenHint, input('when', 300))}
${field('where', s.where, s.whereHint, input('where', 500))}
${field('howKnown', s.howKnown, s.howKnownHint, `<textarea id="howKnown" name="howKnown" maxlength="2000" rows="3" aria-describedby="howKnown-hint"></textarea>`)}
${field('contactBack', s.contactBack, s.contactBackHint, input('contactBack', 500))}
${field('files', s.files, s.filesHint, `<input type="file" id="files" name="files" multiple accept="image/jpeg,image/png,image/heic,application/pdf,.docx,.odt,.rtf,.txt" aria-describedby="files-hint">`)}
<p><button type="submit">${escapeHtml(s.send)}</button></p>
</form>
<p><a href="${base(token)}/status?lang=${language}">${escapeHtml(s.checkStatus)}</a></p>`,
    footer: `<p>${escapeHtml(s.kept)}</p>`,
  });
}

export function intakeReceiptPage(token: string, language: Language, receipt: string, emergency: boolean): string {
  const s = strings[language];
  return htmlPage({
    language,
    title: s.receivedTitle,
    secret: true,
    body: `<h1>${escapeHtml(s.receivedTitle)}</h1>
<p>${escapeHtml(s.receiptIntro)}</p>
<p><span class="code" data-receipt>${escapeHtml(receipt)}</span></p>
${emergency ? `<p class="notice">${escapeHtml(s.receiptEmergency)}</p>` : ''}
<p><a href="${base(token)}/status?lang=${language}&amp;receipt=${encodeURIComponent(receipt)}">${escapeHtml(s.checkStatus)}</a></p>
<p><a href="${base(token)}?lang=${language}">${escapeHtml(s.another)}</a></p>`,
    footer: `<p>${escapeHtml(s.kept)}</p>`,
  });
}

/** The status page: a receipt field and, once a code is given, the status in words — never the content. */
export function intakeStatusPage(token: string, language: Language, lookup?: { receipt: string; status: IntakeStatus | null }): string {
  const s = strings[language];
  const result = lookup
    ? lookup.status
      ? `<p class="notice" role="status"><strong>${escapeHtml(s.statuses[lookup.status])}</strong></p>`
      : `<p class="error" role="alert">${escapeHtml(s.notFound)}</p>`
    : '';
  return htmlPage({
    language,
    title: s.statusTitle,
    secret: true,
    other: otherOf(language, `${base(token)}/status?lang=${language === 'ru' ? 'en' : 'ru'}`),
    body: `<h1>${escapeHtml(s.statusTitle)}</h1>
${result}
<form method="get" action="${base(token)}/status">
<input type="hidden" name="lang" value="${language}">
<label for="receipt">${escapeHtml(s.receipt)}</label>
<input type="text" id="receipt" name="receipt" required maxlength="20" autocomplete="off" autocapitalize="characters" value="${escapeHtml(lookup?.receipt ?? '')}">
<p><button type="submit">${escapeHtml(s.check)}</button></p>
</form>
<p><a href="${base(token)}?lang=${language}">${escapeHtml(s.another)}</a></p>`,
  });
}

export function intakeLinkGonePage(language: Language): string {
  const s = strings[language];
  return htmlPage({ language, title: s.linkGoneTitle, secret: true, body: `<h1>${escapeHtml(s.linkGoneTitle)}</h1><p>${escapeHtml(s.linkGone)}</p>` });
}
