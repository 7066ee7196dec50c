import { eventTexts, type PublicCase } from '@habeas/contracts';
import { formatDate, formatDateTime } from '../evidence/dossier-labels';
import { escapeHtml, htmlPage, paragraphs } from './public-html';

const strings = {
  ru: {
    hearings: 'Ближайшие заседания',
    noHearings: 'Новые заседания пока не назначены.',
    attend: 'Заседания открытые: возьмите паспорт и приходите заранее, у входа в суд досмотр.',
    writeTo: 'Как написать письмо и передать посылку',
    writeHint: 'Письма читает цензор: пишите разборчиво, о себе и о доме, не обсуждайте дело. Письмо можно отправить почтой или через «ФСИН-письмо».',
    updates: 'Новости защиты',
    noUpdates: 'Новостей пока нет.',
    help: 'Помочь защите',
    helpText: 'Деньги идут на адвокатов, передачи и медицинскую помощь; отчёт о расходах — на странице сбора.',
    donate: 'Поддержать сбор',
    feed: 'Лента новостей (Atom)',
    solidarity: 'Слова поддержки',
    noSolidarity: 'Пока здесь пусто — напишите первым.',
    solidarityForm: 'Написать слова поддержки',
    message: 'Сообщение',
    photo: 'Фото (по желанию)',
    photoAlt: 'Фото к сообщению сторонника',
    photoHint:
      'JPEG, PNG или WebP до 10 МБ. Мы пересохраняем фото и удаляем из него всё, кроме изображения: геометку, модель и серийный номер камеры, дату съёмки, миниатюры.',
    post: 'Отправить',
    solidarityKept:
      'Что хранится: текст и очищенное фото — до проверки командой и, если одобрено, на этой странице; дата публикации без времени. Что не хранится: ваш IP-адрес, данные устройства, имя и почта. Сообщения никак не связаны с пожертвованиями и подписками. Не пишите ничего, что может вас выдать, и не показывайте лица.',
    subscribe: 'Новости по почте',
    subscribeText:
      'Пришлём проверенные юристами новости защиты и объявления о заседаниях. Адрес хранится в зашифрованном виде и используется только для этой рассылки; отписаться можно одним нажатием из любого письма.',
    email: 'Электронная почта',
    mailLanguage: 'Язык писем',
    subscribeButton: 'Подписаться',
    kept: 'Эта страница не использует счётчики и не ставит cookies. Медицинские сведения и имена членов команды здесь не публикуются.',
    hearingKinds: eventTexts.ru.enum.hearingKind as Record<string, string>,
  },
  en: {
    hearings: 'Upcoming hearings',
    noHearings: 'No new hearings have been scheduled yet.',
    attend: 'Hearings are open to the public: bring your passport and come early, there is a security check at the entrance.',
    writeTo: 'How to write a letter or send a parcel',
    writeHint:
      'Letters are read by a censor: write legibly, about yourself and home, and do not discuss the case. Letters can be sent by post or through the FSIN-pismo service.',
    updates: 'News from the defence',
    noUpdates: 'No news yet.',
    help: 'Support the defence',
    helpText: 'The money pays for lawyers, parcels and medical help; the campaign page shows how it is spent.',
    donate: 'Give to the fund',
    feed: 'News feed (Atom)',
    solidarity: 'Words of support',
    noSolidarity: 'Nothing here yet — be the first to write.',
    solidarityForm: 'Write words of support',
    message: 'Message',
    photo: 'Photo (optional)',
    photoAlt: 'Photo sent with the message',
    photoHint:
      'JPEG, PNG or WebP up to 10 MB. We re-save the photo and remove everything but the picture: location, camera model and serial number, time taken, thumbnails.',
    post: 'Send',
    solidarityKept:
      'What is kept: the text and the cleaned photo — until the team checks them and, if approved, on this page; the date of posting without the time. What is not kept: your IP address, device details, name or e-mail. Posts are in no way linked to donations or subscriptions. Do not write anything that could identify you, and do not show faces.',
    subscribe: 'News by e-mail',
    subscribeText:
      'We send the defence’s news, checked by the lawyers, and hearing announcements. Your address is stored encrypted and used for this list only; every mail has a one-click unsubscribe.',
    email: 'E-mail',
    mailLanguage: 'Language of the mails',
    subscribeButton: 'Subscribe',
    kept: 'This page uses no trackers and sets no cookies. No medical information and no names of team members are published here.',
    hearingKinds: {
      arraignment: 'preventive measure hearing',
      custody_extension: 'custody extension',
      preliminary: 'preliminary hearing',
      trial_session: 'trial session',
      verdict: 'verdict',
      appeal: 'appeal',
    } as Record<string, string>,
  },
};

/**
 * The public page of a case as one small HTML document, readable without JavaScript, with no external
 * resources: server-rendered from the same data as `GET /api/public/cases/:slug`.
 */
export function publicCasePage(view: PublicCase, other: { language: 'ru' | 'en'; href: string }): string {
  const s = strings[view.language];
  const updates = view.updates.filter((u) => u.language === view.language);
  const shown = updates.length > 0 ? updates : view.updates;
  const hearings = view.hearings
    .map(
      (h) =>
        `<li><strong>${escapeHtml(formatDateTime(view.language, h.scheduledAt, h.timeZone))}</strong> — ${escapeHtml(s.hearingKinds[h.kind] ?? h.kind)}<br>${escapeHtml(h.court)}${
          h.address ? `<br>${escapeHtml(h.address)}` : ''
        }</li>`,
    )
    .join('');
  const news = shown
    .map(
      (u) =>
        `<article id="update-${u.id}"><h3>${escapeHtml(u.title)}</h3><p class="date"><time datetime="${u.publishedAt}">${escapeHtml(
          formatDateTime(view.language, u.publishedAt, 'Europe/Moscow'),
        )}</time></p>${paragraphs(u.body)}</article>`,
    )
    .join('');
  return htmlPage({
    language: view.language,
    title: view.title,
    other,
    head: `<meta name="description" content="${escapeHtml(view.summary.slice(0, 200))}">
<link rel="alternate" type="application/atom+xml" title="${escapeHtml(s.feed)}" href="/api/public/cases/${encodeURIComponent(view.slug)}/feed.atom?lang=${view.language}">`,
    body: `<h1>${escapeHtml(view.title)}</h1>
${paragraphs(view.summary)}
<p><a class="donate" href="/donate/${encodeURIComponent(view.slug)}">${escapeHtml(s.donate)}</a></p>
<section aria-labelledby="hearings"><h2 id="hearings">${escapeHtml(s.hearings)}</h2>
${hearings ? `<ul>${hearings}</ul><p>${escapeHtml(s.attend)}</p>` : `<p>${escapeHtml(s.noHearings)}</p>`}</section>
${
  view.writeTo
    ? `<section aria-labelledby="write"><h2 id="write">${escapeHtml(s.writeTo)}</h2><p><strong>${escapeHtml(view.writeTo.facility)}</strong><br>${escapeHtml(
        view.writeTo.address,
      )}</p>${view.writeTo.rules ? paragraphs(view.writeTo.rules) : ''}<p>${escapeHtml(s.writeHint)}</p></section>`
    : ''
}
<section aria-labelledby="news"><h2 id="news">${escapeHtml(s.updates)}</h2>${news || `<p>${escapeHtml(s.noUpdates)}</p>`}
<p><a href="/api/public/cases/${encodeURIComponent(view.slug)}/feed.atom?lang=${view.language}">${escapeHtml(s.feed)}</a></p></section>
<section aria-labelledby="solidarity"><h2 id="solidarity">${escapeHtml(s.solidarity)}</h2>
${
  view.solidarity
    .map(
      (p) =>
        `<article class="post"><p class="date"><time datetime="${p.at}">${escapeHtml(formatDate(view.language, `${p.at}T12:00:00Z`, 'UTC'))}</time></p>${paragraphs(p.message)}${
          p.photoUrl ? `<figure><img src="${escapeHtml(p.photoUrl)}" alt="${escapeHtml(s.photoAlt)}" loading="lazy"></figure>` : ''
        }</article>`,
    )
    .join('') || `<p>${escapeHtml(s.noSolidarity)}</p>`
}
<h3>${escapeHtml(s.solidarityForm)}</h3>
<form method="post" action="/support/${encodeURIComponent(view.slug)}/solidarity?lang=${view.language}" enctype="multipart/form-data">
<label for="solidarity-message">${escapeHtml(s.message)}</label><textarea id="solidarity-message" name="message" required maxlength="1000" rows="4"></textarea>
<label for="solidarity-photo">${escapeHtml(s.photo)}<span class="hint" id="solidarity-photo-hint">${escapeHtml(s.photoHint)}</span></label>
<input type="file" id="solidarity-photo" name="photo" accept="image/jpeg,image/png,image/webp" aria-describedby="solidarity-photo-hint">
<p><button type="submit">${escapeHtml(s.post)}</button></p>
</form>
<p class="notice">${escapeHtml(s.solidarityKept)}</p></section>
<section aria-labelledby="subscribe"><h2 id="subscribe">${escapeHtml(s.subscribe)}</h2><p>${escapeHtml(s.subscribeText)}</p>
<form method="post" action="/support/${encodeURIComponent(view.slug)}/subscribe">
<label for="subscribe-email">${escapeHtml(s.email)}</label><input type="email" id="subscribe-email" name="email" required maxlength="254" autocomplete="email">
<label for="subscribe-language">${escapeHtml(s.mailLanguage)}</label><select id="subscribe-language" name="language"><option value="ru"${
      view.language === 'ru' ? ' selected' : ''
    }>Русский</option><option value="en"${view.language === 'en' ? ' selected' : ''}>English</option></select>
<p><button type="submit">${escapeHtml(s.subscribeButton)}</button></p>
</form></section>
<section aria-labelledby="help"><h2 id="help">${escapeHtml(s.help)}</h2><p>${escapeHtml(s.helpText)}</p>
<p><a class="donate" href="/donate/${encodeURIComponent(view.slug)}">${escapeHtml(s.donate)}</a></p></section>
`,
    footer: `<p>${escapeHtml(s.kept)}</p>`,
  });
}
