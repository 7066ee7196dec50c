import type { DonationSummary, Page, StripeIssueItem } from '@habeas/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api';

export const moneyKeys = {
  all: ['donations'] as const,
  summary: () => ['donations', 'summary'] as const,
  attention: () => ['donations', 'attention'] as const,
};

export function useDonationSummary() {
  return useQuery({ queryKey: moneyKeys.summary(), queryFn: () => api<DonationSummary>('/api/donations/summary') });
}

export function useNeedsAttention() {
  return useQuery({ queryKey: moneyKeys.attention(), queryFn: () => api<Page<StripeIssueItem>>('/api/donations/attention', { query: { limit: 100 } }) });
}

/** Runs reconciliation now; the summary and the needs-attention list are read again whatever the outcome. */
export function useRunReconciliation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ checked: number; fixed: number; failed: number }>('/api/donations/reconciliation', { method: 'POST' }),
    onSettled: () => client.invalidateQueries({ queryKey: moneyKeys.all }),
  });
}
