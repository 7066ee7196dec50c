// One chunk per language: only the reader's language travels with the first screen.
export const files = import.meta.glob<Record<string, unknown>>('./ru/*.json', { eager: true, import: 'default' });
