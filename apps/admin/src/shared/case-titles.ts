import { caseTitleIn, type CaseSummary, type Page } from '@habeas/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from './api';

const casesQuery = { queryKey: ['cases', 'options'], queryFn: () => api<Page<CaseSummary>>('/api/cases', { query: { limit: 100 } }) };

/** The cases the user sees as select options, each titled in the reader's language. */
export function useCaseOptions() {
  const { i18n } = useTranslation();
  return useQuery({ ...casesQuery, select: (page) => page.items.map((item) => ({ value: item.id, label: caseTitleIn(item, i18n.language) })) });
}

/**
 * A case's title in the reader's language by its id or slug. Lists from other areas carry the case's title as
 * the team wrote it (Russian); `fallback` (or the slug) is shown until the user's cases have loaded.
 */
export function useCaseTitle(): (ref: string, fallback?: string | null) => string {
  const { i18n } = useTranslation();
  const titles = useQuery({
    ...casesQuery,
    select: (page) =>
      new Map(page.items.flatMap((item) => [[item.id, caseTitleIn(item, i18n.language)] as const, [item.slug, caseTitleIn(item, i18n.language)] as const])),
  });
  return (ref, fallback) => titles.data?.get(ref) ?? fallback ?? ref;
}

/** The title of a case the page already holds, in the reader's language. */
export function useLocalTitle(): (theCase: { title: string; titleEn?: string }) => string {
  const { i18n } = useTranslation();
  return (theCase) => caseTitleIn(theCase, i18n.language);
}
