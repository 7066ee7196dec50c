import type { TestApp } from './test-app';

/**
 * Latin-script words a Russian screen may show: the app's name, services and formats known by their own names,
 * codes and units. Personal names of the demo are written in Russian; e-mails, URLs, file names, identifiers
 * and anything with a digit are skipped before this list is asked.
 */
const latinAllowed = new Set(
  [
    // The app, services and products known by their own names.
    'Habeas',
    'Stripe',
    'Telegram',
    'Google',
    'Apple',
    'Mozilla',
    'Microsoft',
    'Aegis',
    'Authenticator',
    'Chrome',
    'Firefox',
    'Safari',
    'Linux',
    'Windows',
    'Android',
    'iOS',
    'macOS',
    'iPhone',
    'iCal',
    // Programs a session may come from (the tests' own client is node).
    'node',
    'curl',
    'python',
    'Web',
    'Push',
    // Formats, codes and units.
    'DOCX',
    'ODT',
    'RTF',
    'TXT',
    'PDF',
    'JPEG',
    'PNG',
    'HEIC',
    'ZIP',
    'CSV',
    'SHA',
    'TOTP',
    'QR',
    'ID',
    'IP',
    'URL',
    'RU',
    'EN',
    'USD',
    'US$',
    'EUR',
    'RUB',
    'GBP',
    'BIC',
    'SWIFT',
    'IBAN',
    'GMT',
    'ISO',
    'UTC',
    // Personal names the demo's foreign donors gave.
    'Anna',
    'K',
    'Pavel',
    'M',
    'L',
    'Hidden',
    'Donor',
  ].map((word) => word.toLowerCase()),
);

/** A token that names or identifies rather than tells: e-mail, URL, path, file name, hash, slug, anything with a digit. */
function isIdentifier(token: string): boolean {
  return /[\d@/\\_:.=#]/.test(token) || /^[a-z]+(-[a-z]+)+$/.test(token);
}

/** The words of `text` in the other script than `language` expects, each once, outside the allowed ones. */
export function foreignWords(text: string, language: 'ru' | 'en', allowedData: Set<string>): string[] {
  // Identifiers the data holds (case slugs) come in `allowedData` for both scripts.
  const found = new Set<string>();
  for (const raw of text.split(/[\s,;()«»"“”„'’!?[\]{}<>|—–…·•→←↑↓×+*%№]+/u)) {
    const token = raw.replace(/^[-.:]+|[-.:]+$/g, '');
    if (!token) continue;
    if (language === 'ru') {
      if (!/[A-Za-z]/.test(token) || isIdentifier(token) || allowedData.has(token.toLowerCase())) continue;
      for (const word of token.split('-')) {
        if (/[A-Za-z]/.test(word) && !latinAllowed.has(word.toLowerCase()) && !allowedData.has(word.toLowerCase())) found.add(word);
      }
    } else {
      for (const word of token.match(/[А-Яа-яЁё]+/gu) ?? []) {
        if (!allowedData.has(word.toLowerCase())) found.add(word);
      }
    }
  }
  return [...found];
}

/**
 * Cyrillic words of what people entered: every text value the database holds in the clear, plus the demo's
 * encrypted fields as the API gives them back to an admin. An English screen may show these (they are data),
 * never a Cyrillic word the app itself wrote.
 */
export async function wordsOfData(t: TestApp): Promise<Set<string>> {
  const words = new Set<string>();
  const add = (text: string) => {
    for (const word of text.match(/[А-Яа-яЁё]+/gu) ?? []) words.add(word.toLowerCase());
  };
  const tables = await t.db.query<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`,
  );
  for (const { table_name } of tables.rows) {
    const rows = await t.db.query<{ row: string }>(`select row_to_json(x)::text as row from "${table_name}" x`);
    for (const { row } of rows.rows) add(row);
  }
  return words;
}

/** The case slugs: identifiers in Latin letters by design (URLs), shown as such on every screen. */
export async function identifiersOfData(t: TestApp): Promise<Set<string>> {
  const slugs = await t.db.query<{ slug: string }>(`select slug from cases`);
  return new Set(slugs.rows.map((row) => row.slug.toLowerCase()));
}

/** Fields of API answers that hold what people typed and the database keeps sealed (encrypted at rest). */
const sealedTextFields = new Set([
  'description',
  'outcome',
  'what',
  'when',
  'where',
  'howKnown',
  'contactBack',
  'donorName',
  'counterpartyName',
  'purpose',
  'linkLabel',
  // A supporter's words of support (solidarity posts).
  'message',
]);

/** Adds the Cyrillic words of those fields, anywhere in an API answer, to `words`. */
export function collectSealedWords(body: unknown, words: Set<string>): void {
  if (Array.isArray(body)) for (const item of body) collectSealedWords(item, words);
  else if (body && typeof body === 'object') {
    for (const [key, value] of Object.entries(body)) {
      if (typeof value === 'string' && sealedTextFields.has(key)) for (const word of value.match(/[А-Яа-яЁё]+/gu) ?? []) words.add(word.toLowerCase());
      else collectSealedWords(value, words);
    }
  }
}
