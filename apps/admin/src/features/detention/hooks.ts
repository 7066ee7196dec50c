import type {
  ContactEventCreated,
  ContactSettings,
  ContactTrend,
  CreateContactEventRequest,
  GeneratedDocument,
  LegalAction,
  UpdateLegalActionRequest,
} from '@habeas/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api';

export function useContactTrend(caseId: string, bucket: 'week' | 'month') {
  return useQuery({
    queryKey: ['contact-trend', caseId, bucket],
    queryFn: () => api<ContactTrend>(`/api/cases/${caseId}/contacts/trend`, { query: { bucket } }),
  });
}

export function useContactSettings(caseId: string) {
  return useQuery({ queryKey: ['contact-settings', caseId], queryFn: () => api<ContactSettings>(`/api/cases/${caseId}/contacts/settings`) });
}

export function useUpdateContactSettings(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (noContactDays: number) => api<ContactSettings>(`/api/cases/${caseId}/contacts/settings`, { method: 'PUT', body: { noContactDays } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['contact-settings', caseId] }),
  });
}

export function useLogContact(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateContactEventRequest) => api<ContactEventCreated>(`/api/cases/${caseId}/contacts`, { method: 'POST', body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['contacts', caseId] });
      void client.invalidateQueries({ queryKey: ['contact-trend', caseId] });
      void client.invalidateQueries({ queryKey: ['contact-settings', caseId] });
      void client.invalidateQueries({ queryKey: ['legal-actions'] });
    },
  });
}

export function useUpdateLegalAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateLegalActionRequest }) => api<LegalAction>(`/api/legal-actions/${id}`, { method: 'PATCH', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['legal-actions'] }),
  });
}

export function useRedraft() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<LegalAction>(`/api/legal-actions/${id}/redraft`, { method: 'POST', body: {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['legal-actions'] }),
  });
}

/** Renders the draft into a file stored as a case document. */
export function useGenerateDraft() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, format }: { id: string; format: 'docx' | 'pdf' }) =>
      api<GeneratedDocument>(`/api/legal-actions/${id}/generate`, { method: 'POST', body: { format } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['legal-actions'] });
      void client.invalidateQueries({ queryKey: ['documents'] });
    },
  });
}
