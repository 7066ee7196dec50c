import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditChainVerification, CreateDossierRequest, CustodyEntry, DocumentSummary, Dossier } from '@habeas/contracts';
import { api } from '../../shared/api';
import { usePaged } from '../../shared/usePaged';

export const evidenceKeys = {
  dossiers: (caseId: string) => ['dossiers', caseId] as const,
  custody: (documentId: string) => ['document-custody', documentId] as const,
  chain: ['audit-chain'] as const,
};

export const dossierDownloadUrl = (id: string) => `/api/dossiers/${id}/download`;

/** The case's dossiers, newest first; polls while one is still being built. */
export function useDossiers(caseId: string) {
  return useQuery({
    queryKey: evidenceKeys.dossiers(caseId),
    queryFn: () => api<{ items: Dossier[] }>(`/api/cases/${encodeURIComponent(caseId)}/dossiers`).then((page) => page.items),
    refetchInterval: (query) => (query.state.data?.some((d) => d.status === 'queued' || d.status === 'running') ? 1000 : false),
  });
}

/** Up to a hundred of the case's documents, to choose which a dossier attaches. */
export function useDossierDocumentChoice(caseId: string) {
  return usePaged<DocumentSummary>(['documents', caseId, 'for-dossier'], `/api/cases/${encodeURIComponent(caseId)}/documents`, { limit: 100 });
}

export function useRequestDossier(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDossierRequest) => api<{ id: string }>(`/api/cases/${encodeURIComponent(caseId)}/dossiers`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: evidenceKeys.dossiers(caseId) }),
  });
}

export function useDocumentCustody(documentId: string) {
  return useQuery({
    queryKey: evidenceKeys.custody(documentId),
    queryFn: () => api<{ items: CustodyEntry[] }>(`/api/documents/${documentId}/custody`).then((page) => page.items),
  });
}

/** Walks the audit chain on demand (it reads the whole log). */
export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => api<AuditChainVerification>('/api/audit-log/verify') });
}
