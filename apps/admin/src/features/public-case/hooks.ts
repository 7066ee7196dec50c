import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CaseUpdate, CreateCaseUpdateRequest } from '@habeas/contracts';
import { api } from '../../shared/api';
import { usePaged } from '../../shared/usePaged';

export const updateKeys = { of: (caseId: string) => ['case-updates', caseId] as const };

export const publicPageUrl = (slug: string) => `/support/${encodeURIComponent(slug)}`;

export function useCaseUpdates(caseId: string) {
  return usePaged<CaseUpdate>(updateKeys.of(caseId), `/api/cases/${encodeURIComponent(caseId)}/updates`, { limit: 50 });
}

export function useCaseUpdateMutations(caseId: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: updateKeys.of(caseId) });
  return {
    draft: useMutation({
      mutationFn: (body: CreateCaseUpdateRequest) => api<{ id: string }>(`/api/cases/${encodeURIComponent(caseId)}/updates`, { method: 'POST', body }),
      onSuccess: refresh,
    }),
    approve: useMutation({ mutationFn: (id: string) => api(`/api/updates/${id}/approve`, { method: 'POST' }), onSuccess: refresh }),
    unpublish: useMutation({ mutationFn: (id: string) => api(`/api/updates/${id}/unpublish`, { method: 'POST' }), onSuccess: refresh }),
  };
}
