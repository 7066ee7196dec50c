import type {
  CampaignSettings,
  CaseFundraising,
  CaseLedger,
  DonationItem,
  DonationSummary,
  ExpenseItem,
  FundSettings,
  LedgerLine,
  Page,
  ReceiptOption,
  StripeIssueItem,
} from '@habeas/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../shared/api';
import { usePaged } from '../../shared/usePaged';

export const moneyKeys = {
  all: ['donations'] as const,
  summary: () => ['donations', 'summary'] as const,
  attention: () => ['donations', 'attention'] as const,
  list: () => ['donations', 'list'] as const,
  ledgerLines: () => ['donations', 'ledger-lines'] as const,
  caseLedger: (caseId: string) => ['donations', 'ledger', caseId] as const,
  expenses: (caseId: string) => ['donations', 'expenses', caseId] as const,
  campaign: (caseId: string) => ['donations', 'campaign', caseId] as const,
  fundraising: (caseId: string) => ['donations', 'fundraising', caseId] as const,
  receipts: (caseId: string, q?: string) => (q === undefined ? (['donations', 'receipts', caseId] as const) : (['donations', 'receipts', caseId, q] as const)),
  fund: () => ['donations', 'fund'] as const,
};

type Filters = Record<string, string>;

/** The CSV export of donations and expenses, filtered like the screen. */
export const exportCsvUrl = (filters: Filters) => withQuery('/api/donations/export.csv', filters);

export function useDonations(filters: Filters) {
  return usePaged<DonationItem>(moneyKeys.list(), '/api/donations', filters);
}

export function useLedgerLines(filters: Filters) {
  return usePaged<LedgerLine>(moneyKeys.ledgerLines(), '/api/donations/ledger', filters);
}

export function useCaseLedger(caseId: string) {
  return useQuery({ queryKey: moneyKeys.caseLedger(caseId), queryFn: () => api<CaseLedger>(`/api/cases/${caseId}/ledger`) });
}

export function useExpenses(caseId: string) {
  return usePaged<ExpenseItem>(moneyKeys.expenses(caseId), `/api/cases/${caseId}/expenses`);
}

/** Any change to money is read again everywhere on the treasurer's screens. */
function useRefreshMoney() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: moneyKeys.all });
}

export function useApproveExpense() {
  const refresh = useRefreshMoney();
  return useMutation({ mutationFn: (id: string) => api(`/api/expenses/${id}/approve`, { method: 'POST' }), onSuccess: refresh });
}

export function useSubmitExpense(caseId: string) {
  const refresh = useRefreshMoney();
  return useMutation({ mutationFn: (body: unknown) => api(`/api/cases/${caseId}/expenses`, { method: 'POST', body }), onSuccess: refresh });
}

export function useRecordOfflineDonation() {
  const refresh = useRefreshMoney();
  return useMutation({ mutationFn: (body: unknown) => api('/api/donations/offline', { method: 'POST', body }), onSuccess: refresh });
}

export function useEraseDonor(donorId: string) {
  const refresh = useRefreshMoney();
  return useMutation({ mutationFn: () => api(`/api/donors/${donorId}/erase`, { method: 'POST' }), onSuccess: refresh });
}

export function useCampaignSettings(caseId: string) {
  return useQuery({ queryKey: moneyKeys.campaign(caseId), queryFn: () => api<CampaignSettings>(`/api/cases/${caseId}/campaign`) });
}

export function useSaveCampaignSettings(caseId: string) {
  const refresh = useRefreshMoney();
  return useMutation({
    mutationFn: (body: CampaignSettings) => api<CampaignSettings>(`/api/cases/${caseId}/campaign`, { method: 'PUT', body }),
    onSuccess: refresh,
  });
}

export function useFundraising(caseId: string) {
  return useQuery({ queryKey: moneyKeys.fundraising(caseId), queryFn: () => api<CaseFundraising>(`/api/cases/${caseId}/fundraising`) });
}

export function useFundSettings() {
  return useQuery({ queryKey: moneyKeys.fund(), queryFn: () => api<FundSettings>('/api/fund-settings') });
}

export function useSaveFundSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: FundSettings) => api<FundSettings>('/api/fund-settings', { method: 'PUT', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: moneyKeys.fund() }),
  });
}

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
    queryKey: moneyKeys.receipts(caseId, q),
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
      void client.invalidateQueries({ queryKey: moneyKeys.receipts(caseId) });
      onUploaded(receipt);
    },
  });
}
