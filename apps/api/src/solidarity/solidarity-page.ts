import { escapeHtml, htmlPage } from '../public-case/public-html';

/** Why a post was refused, in the reader's words (the API's own messages are for programs, in English). */
type Refusal = 400 | 413 | 415 | 429;

const strings = {
  ru: {
    title: 'Спасибо!',
    text: 'Сообщение появится на странице после проверки командой.',
    errorTitle: 'Сообщение не отправлено',
    refusals: {
      400: 'Напишите сообщение — до 1000 знаков.',
      413: 'Фото слишком большое: можно до 10 МБ.',
      415: 'Фото не удалось прочитать. Подойдут JPEG, PNG или WebP.',
      429: 'За последний час с этого подключения отправлено слишком много сообщений. Попробуйте позже.',
    } satisfies Record<Refusal, string>,
    back: 'Вернуться на страницу дела',
  },
  en: {
    title: 'Thank you!',
    text: 'Your message will appear on the page once the team has checked it.',
    errorTitle: 'The message was not sent',
    refusals: {
      400: 'Please write a message — up to 1000 characters.',
      413: 'The photo is too large: up to 10 MB.',
      415: 'The photo could not be read. JPEG, PNG or WebP will do.',
      429: 'Too many messages have been sent from this connection in the last hour. Please try again later.',
    } satisfies Record<Refusal, string>,
    back: 'Back to the case page',
  },
};

const isRefusal = (status: number): status is Refusal => status === 400 || status === 413 || status === 415 || status === 429;

/** After posting from the public page's form (no JavaScript): thanks, or what was wrong (`refusedWith`, an HTTP status). */
export function solidarityThanksPage(language: 'ru' | 'en', slug: string, refusedWith?: number): string {
  const s = strings[language];
  const title = refusedWith ? s.errorTitle : s.title;
  const text = refusedWith ? s.refusals[isRefusal(refusedWith) ? refusedWith : 400] : s.text;
  return htmlPage({
    language,
    title,
    body: `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p><p><a href="/support/${encodeURIComponent(slug)}?lang=${language}">${escapeHtml(s.back)}</a></p>`,
  });
}
