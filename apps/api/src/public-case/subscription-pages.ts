import { escapeHtml, htmlPage } from './public-html';

type Language = 'ru' | 'en';

const strings = {
  ru: {
    checkMailTitle: 'Проверьте почту',
    checkMail: 'Если адрес указан верно, на него придёт письмо со ссылкой для подтверждения. Пока подписка не подтверждена, писем не будет.',
    confirmTitle: 'Подтвердите подписку',
    confirm: 'Подтвердить',
    confirmText: 'Нажмите кнопку, чтобы получать по почте новости защиты и объявления о заседаниях.',
    confirmedTitle: 'Подписка подтверждена',
    confirmed: 'Вы будете получать новости защиты и объявления о заседаниях. Отписаться можно по ссылке в каждом письме.',
    unsubscribeTitle: 'Отписаться от новостей дела',
    unsubscribe: 'Отписаться',
    unsubscribeText: 'После нажатия адрес удаляется из рассылки вместе со всеми письмами на него.',
    unsubscribedTitle: 'Вы отписались',
    unsubscribed: 'Адрес удалён из рассылки. Больше писем не будет.',
    goneTitle: 'Ссылка не работает',
    gone: 'Ссылка устарела или подписка уже удалена.',
    back: 'Вернуться на страницу дела',
  },
  en: {
    checkMailTitle: 'Check your mail',
    checkMail: 'If the address is right, a mail with a confirmation link is on its way. Nothing is sent until you confirm.',
    confirmTitle: 'Confirm your subscription',
    confirm: 'Confirm',
    confirmText: 'Press the button to receive the defence’s news and hearing announcements by e-mail.',
    confirmedTitle: 'Subscription confirmed',
    confirmed: 'You will receive the defence’s news and hearing announcements. Every mail has a link to unsubscribe.',
    unsubscribeTitle: 'Unsubscribe from the case’s news',
    unsubscribe: 'Unsubscribe',
    unsubscribeText: 'Your address is deleted from the list together with every mail to it.',
    unsubscribedTitle: 'You have unsubscribed',
    unsubscribed: 'Your address was deleted from the list. No more mail will come.',
    goneTitle: 'This link does not work',
    gone: 'The link has expired or the subscription was already deleted.',
    back: 'Back to the case page',
  },
};

type Page = 'checkMail' | 'confirmed' | 'unsubscribed' | 'gone';

/** A short page that says what happened (after subscribing, confirming or unsubscribing). */
export function subscriptionNoticePage(language: Language, page: Page, slug?: string): string {
  const s = strings[language];
  const back = slug ? `<p><a href="/support/${encodeURIComponent(slug)}?lang=${language}">${escapeHtml(s.back)}</a></p>` : '';
  return htmlPage({
    language,
    title: s[`${page}Title`],
    secret: page !== 'checkMail',
    body: `<h1>${escapeHtml(s[`${page}Title`])}</h1><p>${escapeHtml(s[page])}</p>${back}`,
  });
}

/** Confirm or unsubscribe as a button (a POST), so mail scanners that open links change nothing. */
export function subscriptionActionPage(language: Language, action: 'confirm' | 'unsubscribe', token: string): string {
  const s = strings[language];
  const title = action === 'confirm' ? s.confirmTitle : s.unsubscribeTitle;
  return htmlPage({
    language,
    title,
    secret: true,
    body: `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(action === 'confirm' ? s.confirmText : s.unsubscribeText)}</p>
<form method="post" action="/support/subscriptions/${encodeURIComponent(token)}/${action}?lang=${language}"><p><button type="submit">${escapeHtml(
      action === 'confirm' ? s.confirm : s.unsubscribe,
    )}</button></p></form>`,
  });
}
