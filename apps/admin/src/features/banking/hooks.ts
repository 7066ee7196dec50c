import type { BankDetails, BankDetailsRequest, BankStatementItem, BankTransferItem, CampaignTexts, StatementImportResult } from '@habeas/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api';
import { usePaged } from '../../shared/usePaged';

export const bankingKeys = {
  all: ['banking'] as const,
  details: (caseId: string) => ['banking', 'details', caseId] as const,
  texts: (caseId: string) => ['banking', 'texts', caseId] as const,
  transfers: (status: string) => ['banking', 'transfers', status] as const,
  statements: ['banking', 'statements'] as const,
};

export function useBankDetails(caseId: string) {
  return useQuery({ queryKey: bankingKeys.details(caseId), queryFn: () => api<BankDetails | null>(`/api/cases/${caseId}/bank-details`) });
}

export function useSaveBankDetails(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BankDetailsRequest) => api<BankDetails>(`/api/cases/${caseId}/bank-details`, { method: 'PUT', body }),
    onSuccess: (saved) => client.setQueryData(bankingKeys.details(caseId), saved),
  });
}

export function useCampaignTexts(caseId: string) {
  return useQuery({ queryKey: bankingKeys.texts(caseId), queryFn: () => api<CampaignTexts>(`/api/cases/${caseId}/campaign/texts`) });
}

export function useSaveCampaignTexts(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CampaignTexts) => api<CampaignTexts>(`/api/cases/${caseId}/campaign/texts`, { method: 'PUT', body }),
    onSuccess: (saved) => client.setQueryData(bankingKeys.texts(caseId), saved),
  });
}

export function useBankTransfers(status: string) {
  return usePaged<BankTransferItem>(bankingKeys.transfers(status), '/api/donations/bank-transfers', { status: status || undefined });
}

export function useBankStatements() {
  return usePaged<BankStatementItem>(bankingKeys.statements, '/api/donations/bank-statements');
}

/** Anything that records money refreshes the donations screens too. */
function useRefreshMoney() {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: bankingKeys.all }), client.invalidateQueries({ queryKey: ['donations'] })]);
}

export function useImportStatement() {
  const refresh = useRefreshMoney();
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file);
      return api<StatementImportResult>('/api/donations/bank-statements', { method: 'POST', body });
    },
    onSuccess: refresh,
  });
}

export function useAssignTransfer() {
  const refresh = useRefreshMoney();
  return useMutation({
    mutationFn: ({ id, caseId }: { id: string; caseId: string | null }) =>
      api<BankTransferItem>(`/api/donations/bank-transfers/${id}/assign`, { method: 'POST', body: caseId ? { caseId } : { notADonation: true } }),
    onSuccess: refresh,
  });
}

export function useDeleteStatementFile() {
  const refresh = useRefreshMoney();
  return useMutation({
    mutationFn: (id: string) => api(`/api/donations/bank-statements/${id}/file`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}
