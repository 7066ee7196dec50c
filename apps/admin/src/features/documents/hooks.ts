import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseSummary, DocumentDetail, DocumentSummary, Page, UpdateDocumentRequest } from '@habeas/contracts';
import { api } from '../../shared/api';
import { usePaged } from '../../shared/usePaged';
import { uploadWithProgress } from './upload';

export const documentKeys = {
  all: ['documents'] as const,
  list: (caseId?: string) => ['documents', 'list', caseId ?? 'all'] as const,
  detail: (id: string | null) => ['documents', 'detail', id] as const,
  picker: (caseId: string, q: string) => ['documents', 'picker', caseId, q] as const,
  cases: () => ['cases', 'for-documents'] as const,
};

const caseDocuments = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}/documents`;

/** The documents of one case, or of every case the user sees, searched and filtered. */
export function useDocuments(caseId: string | undefined, query: Record<string, string | null | undefined>) {
  return usePaged<DocumentSummary>(documentKeys.list(caseId), caseId ? caseDocuments(caseId) : '/api/documents', query);
}

/** One document with its versions; read again while a version's text is still being extracted. */
export function useDocument(id: string | null) {
  return useQuery({
    queryKey: documentKeys.detail(id),
    queryFn: () => api<DocumentDetail>(`/api/documents/${id}`),
    enabled: !!id,
    refetchInterval: (query) => (query.state.data?.versions.some((v) => v.textStatus === 'pending') ? 2000 : false),
  });
}

/** A case's documents by title, for pickers. */
export function useDocumentSearch(caseId: string, q: string) {
  return useQuery({
    queryKey: documentKeys.picker(caseId, q),
    queryFn: () => api<Page<DocumentSummary>>(caseDocuments(caseId), { query: { q: q || undefined, limit: 20 } }),
  });
}

/** The cases a document may be uploaded to. */
export function useCasesForDocuments() {
  return useQuery({ queryKey: documentKeys.cases(), queryFn: () => api<Page<CaseSummary>>('/api/cases', { query: { limit: 100 } }) });
}

export const updateDocument = (id: string, patch: UpdateDocumentRequest) => api<DocumentDetail>(`/api/documents/${id}`, { method: 'PATCH', body: patch });

export const uploadDocument = (caseId: string, body: FormData, onProgress: (fraction: number) => void) =>
  uploadWithProgress<DocumentDetail>(caseDocuments(caseId), body, onProgress);

export const uploadVersion = (id: string, body: FormData, onProgress: (fraction: number) => void) =>
  uploadWithProgress<DocumentDetail>(`/api/documents/${id}/versions`, body, onProgress);

/** A version's file (audited); `inline` for the PDF preview. */
export const downloadUrl = (id: string, version: number, inline = false) => `/api/documents/${id}/download?version=${version}${inline ? '&inline=1' : ''}`;

/** Every list and detail of documents is read again after a change. */
export function useRefreshDocuments() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: documentKeys.all });
}
