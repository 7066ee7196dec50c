import type { DonationSummary, Page, ReceiptOption, StripeIssueItem } from '@habeas/contracts';
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

/** A case's receipts by name (GET /api/cases/:id/receipts): all that finance sees of the case's documents. */
export function useReceipts(caseId: string, q: string) {
  return useQuery({
    queryKey: [...moneyKeys.all, 'receipts', caseId, q] as const,
    queryFn: () => api<Page<ReceiptOption>>(`/api/cases/${encodeURIComponent(caseId)}/receipts`, { query: { q: q || undefined, limit: 20 } }),
  });
}

/** Files a receipt among the case's documents (multipart `file` + `title`); the answer is the new receipt. */
export function useUploadReceipt(caseId: string, onUploaded: (receipt: ReceiptOption) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file);
      return api<ReceiptOption>(`/api/cases/${encodeURIComponent(caseId)}/receipts`, { method: 'POST', body });
    },
    onSuccess: (receipt) => {
      void client.invalidateQueries({ queryKey: [...moneyKeys.all, 'receipts', caseId] });
      onUploaded(receipt);
    },
  });
}
