import type { EventCatalog } from './catalog';
import { en } from './en';
import { ru } from './ru';

export * from './catalog';

/** The catalog per language, mounted as `events` in the admin's i18next resources and in the server's. */
export const eventTexts: Record<'ru' | 'en', EventCatalog> = { ru, en };
