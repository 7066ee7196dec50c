import type { CaseSummary, Page } from '@habeas/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';

export { formatMoney } from '../../shared/format';

/** Amount typed by a person ("12.50") → minor units, or NaN. */
export function toMinor(text: string): number {
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? Math.round(value * 100) : Number.NaN;
}

export function useCaseOptions() {
  return useQuery({
    queryKey: ['cases', 'options'],
    queryFn: () => api<Page<CaseSummary>>('/api/cases', { query: { limit: 100 } }),
    select: (page) => page.items.map((item) => ({ value: item.id, label: item.title })),
  });
}
