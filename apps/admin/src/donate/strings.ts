/** The donation page's own strings (no i18n library: this bundle stays small for phones on slow networks). */
const en = {
  loading: 'Loading…',
  notFound: 'This campaign was not found.',
  error: 'The page could not be loaded. Please try again.',
  support: 'Support the defense',
  raised: 'Raised',
  goal: 'Goal',
  oneOff: 'One-off',
  monthly: 'Monthly',
  offline: 'Bank transfers and cash',
  donors: 'Donors',
  progressOf: 'of the goal in',
  give: 'Give',
  amount: 'Amount',
  custom: 'Other amount',
  currency: 'Currency',
  frequency: 'How often',
  once: 'Once',
  everyMonth: 'Every month',
  showName: 'Show my name among the supporters',
  name: 'Your name (optional)',
  email: 'Email for a receipt (optional)',
  message: 'Message (optional)',
  submit: 'Continue to payment',
  submitting: 'Opening the payment page…',
  statement: 'Your bank statement will show:',
  privacy: 'By default you are anonymous. Your name, email and message are encrypted and never published unless you choose to show your name.',
  supporters: 'Supporters',
  anonymous: 'Anonymous',
  spent: 'What the money was spent on',
  nothingSpent: 'Nothing spent yet.',
  successTitle: 'Thank you!',
  success: 'Your donation went through. If you gave an email, a receipt is on its way.',
  cancelTitle: 'Payment cancelled',
  cancel: 'Nothing was charged. You can try again whenever you like.',
  paymentsOff: 'Online payments are not configured yet.',
  tooSmall: 'The smallest donation is',
  tooLarge: 'The largest donation is',
  failed: 'The payment page could not be opened:',
  categories: {
    legal_fees: 'Legal fees',
    medical: 'Medical care',
    parcels_commissary: 'Parcels and commissary',
    travel: 'Travel',
    court_fees: 'Court fees',
    other: 'Other',
  },
};
const ru: typeof en = {
  loading: 'Загрузка…',
  notFound: 'Такой сбор не найден.',
  error: 'Не удалось загрузить страницу. Попробуйте ещё раз.',
  support: 'Поддержать защиту',
  raised: 'Собрано',
  goal: 'Цель',
  oneOff: 'Разовые',
  monthly: 'Ежемесячные',
  offline: 'Переводы и наличные',
  donors: 'Жертвователей',
  progressOf: 'от цели в',
  give: 'Пожертвовать',
  amount: 'Сумма',
  custom: 'Другая сумма',
  currency: 'Валюта',
  frequency: 'Как часто',
  once: 'Один раз',
  everyMonth: 'Каждый месяц',
  showName: 'Показать моё имя среди поддержавших',
  name: 'Ваше имя (необязательно)',
  email: 'Email для квитанции (необязательно)',
  message: 'Сообщение (необязательно)',
  submit: 'Перейти к оплате',
  submitting: 'Открываем страницу оплаты…',
  statement: 'В банковской выписке будет указано:',
  privacy: 'По умолчанию вы анонимны. Имя, email и сообщение хранятся в зашифрованном виде и не публикуются, если вы не решите показать имя.',
  supporters: 'Поддержали',
  anonymous: 'Аноним',
  spent: 'На что потрачены деньги',
  nothingSpent: 'Пока ничего не потрачено.',
  successTitle: 'Спасибо!',
  success: 'Пожертвование прошло. Если вы указали email, квитанция уже в пути.',
  cancelTitle: 'Оплата отменена',
  cancel: 'Деньги не списаны. Можно попробовать ещё раз в любой момент.',
  paymentsOff: 'Онлайн-оплата пока не настроена.',
  tooSmall: 'Минимальное пожертвование —',
  tooLarge: 'Максимальное пожертвование —',
  failed: 'Не удалось открыть страницу оплаты:',
  categories: {
    legal_fees: 'Адвокаты',
    medical: 'Медицинская помощь',
    parcels_commissary: 'Передачи и ларёк',
    travel: 'Поездки',
    court_fees: 'Судебные расходы',
    other: 'Прочее',
  },
};

export type Strings = typeof en;
export type DonateLanguage = 'en' | 'ru';

export function initialLanguage(): DonateLanguage {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'ru' || asked === 'en') return asked;
  return navigator.language.startsWith('ru') ? 'ru' : 'en';
}

export const strings: Record<DonateLanguage, Strings> = { en, ru };

export function formatMoney(amountMinor: number, currency: string, lang: DonateLanguage): string {
  try {
    return new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { style: 'currency', currency }).format(amountMinor / 100);
  } catch {
    return `${(amountMinor / 100).toFixed(2)} ${currency}`;
  }
}
