import { escapeHtml, htmlPage } from '../public-case/public-html';

const strings = {
  ru: {
    title: 'Спасибо!',
    text: 'Сообщение появится на странице после проверки командой.',
    errorTitle: 'Сообщение не отправлено',
    back: 'Вернуться на страницу дела',
  },
  en: {
    title: 'Thank you!',
    text: 'Your message will appear on the page once the team has checked it.',
    errorTitle: 'The message was not sent',
    back: 'Back to the case page',
  },
};

/** After posting from the public page's form (no JavaScript): thanks, or what was wrong. */
export function solidarityThanksPage(language: 'ru' | 'en', slug: string, error?: string): string {
  const s = strings[language];
  const title = error ? s.errorTitle : s.title;
  return htmlPage({
    language,
    title,
    body: `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(error ?? s.text)}</p><p><a href="/support/${encodeURIComponent(slug)}?lang=${language}">${escapeHtml(s.back)}</a></p>`,
  });
}
