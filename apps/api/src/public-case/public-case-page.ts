import { eventTexts, type PublicCase } from '@habeas/contracts';
import { formatDateTime } from '../evidence/dossier-labels';
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
<section aria-labelledby="help"><h2 id="help">${escapeHtml(s.help)}</h2><p>${escapeHtml(s.helpText)}</p>
<p><a class="donate" href="/donate/${encodeURIComponent(view.slug)}">${escapeHtml(s.donate)}</a></p></section>
`,
    footer: `<p>${escapeHtml(s.kept)}</p>`,
  });
}
