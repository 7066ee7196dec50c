import type {
  CaseSummary,
  ContactEvent,
  ContactEventCreated,
  ContactSettings,
  ContactTrend,
  CreateContactEventRequest,
  GeneratedDocument,
  LegalAction,
  LegalTemplate,
  RecordVersions,
  UpdateLegalActionRequest,
} from '@habeas/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api';
import { usePaged } from '../../shared/usePaged';

export const detentionKeys = {
  contacts: (caseId: string) => ['contacts', caseId] as const,
  contactVersions: (id: string) => ['contact-event', id, 'versions'] as const,
  contactTrend: (caseId: string, bucket?: 'week' | 'month') => (bucket ? (['contact-trend', caseId, bucket] as const) : (['contact-trend', caseId] as const)),
  contactSettings: (caseId: string) => ['contact-settings', caseId] as const,
  legalActions: () => ['legal-actions'] as const,
  templates: () => ['legal-templates'] as const,
  documents: () => ['documents'] as const,
  theCase: (id: string) => ['case', id] as const,
};

/** The case a contact page is about (id or slug). */
export function useCaseOf(id: string) {
  return useQuery({ queryKey: detentionKeys.theCase(id), queryFn: () => api<CaseSummary>(`/api/cases/${id}`) });
}

/** A case's contact log, newest first, page by page. */
export function useContactLog(caseId: string) {
  return usePaged<ContactEvent>(detentionKeys.contacts(caseId), `/api/cases/${caseId}/contacts`);
}

export const correctContactEvent = (id: string, body: Record<string, unknown>) => api<ContactEvent>(`/api/contact-events/${id}`, { method: 'PATCH', body });

/** The earlier versions of a corrected contact-log entry, for `VersionHistory`. */
export const contactEventVersions = (id: string) => ({
  key: detentionKeys.contactVersions(id),
  load: () => api<RecordVersions>(`/api/contact-events/${id}/versions`),
});

/** The legal actions across the lawyer's cases (the board). */
export function useLegalActions() {
  return usePaged<LegalAction>(detentionKeys.legalActions(), '/api/legal-actions', { limit: 100 });
}

export function useLegalTemplates() {
  return usePaged<LegalTemplate>(detentionKeys.templates(), '/api/legal-templates', { limit: 100 });
}

export function useSaveTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: unknown }) =>
      id ? api<LegalTemplate>(`/api/legal-templates/${id}`, { method: 'PATCH', body }) : api<LegalTemplate>('/api/legal-templates', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: detentionKeys.templates() }),
  });
}

export function useDeleteTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/legal-templates/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: detentionKeys.templates() }),
  });
}

export function useContactTrend(caseId: string, bucket: 'week' | 'month') {
  return useQuery({
    queryKey: detentionKeys.contactTrend(caseId, bucket),
    queryFn: () => api<ContactTrend>(`/api/cases/${caseId}/contacts/trend`, { query: { bucket } }),
  });
}

export function useContactSettings(caseId: string) {
  return useQuery({ queryKey: detentionKeys.contactSettings(caseId), queryFn: () => api<ContactSettings>(`/api/cases/${caseId}/contacts/settings`) });
}

export function useUpdateContactSettings(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (noContactDays: number) => api<ContactSettings>(`/api/cases/${caseId}/contacts/settings`, { method: 'PUT', body: { noContactDays } }),
    onSuccess: () => client.invalidateQueries({ queryKey: detentionKeys.contactSettings(caseId) }),
  });
}

export function useLogContact(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateContactEventRequest) => api<ContactEventCreated>(`/api/cases/${caseId}/contacts`, { method: 'POST', body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: detentionKeys.contacts(caseId) });
      void client.invalidateQueries({ queryKey: detentionKeys.contactTrend(caseId) });
      void client.invalidateQueries({ queryKey: detentionKeys.contactSettings(caseId) });
      void client.invalidateQueries({ queryKey: detentionKeys.legalActions() });
    },
  });
}

export function useUpdateLegalAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateLegalActionRequest }) => api<LegalAction>(`/api/legal-actions/${id}`, { method: 'PATCH', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: detentionKeys.legalActions() }),
  });
}

export function useRedraft() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<LegalAction>(`/api/legal-actions/${id}/redraft`, { method: 'POST', body: {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: detentionKeys.legalActions() }),
  });
}

/** Renders the draft into a file stored as a case document. */
export function useGenerateDraft() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, format }: { id: string; format: 'docx' | 'pdf' }) =>
      api<GeneratedDocument>(`/api/legal-actions/${id}/generate`, { method: 'POST', body: { format } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: detentionKeys.legalActions() });
      void client.invalidateQueries({ queryKey: detentionKeys.documents() });
    },
  });
}
