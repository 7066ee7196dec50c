import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CaseUpdate, CreateCaseUpdateRequest, SolidarityPost, SolidarityStatus } from '@habeas/contracts';
import { api } from '../../shared/api';
import { usePaged } from '../../shared/usePaged';

export const updateKeys = { of: (caseId: string) => ['case-updates', caseId] as const };
export const solidarityKeys = {
  of: (caseId: string) => ['solidarity-posts', caseId] as const,
  byStatus: (caseId: string, status: SolidarityStatus) => [...solidarityKeys.of(caseId), status] as const,
};

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

/** Supporters' posts of one status, newest day first (the queue is `pending`). */
export function useSolidarityPosts(caseId: string, status: SolidarityStatus, enabled = true) {
  const path = `/api/cases/${encodeURIComponent(caseId)}/solidarity`;
  return usePaged<SolidarityPost>(solidarityKeys.byStatus(caseId, status), path, { status, limit: 20 }, { enabled });
}

export function useSolidarityMutations(caseId: string) {
  const client = useQueryClient();
  // A decision moves a post between the lists, so every list of the case is refreshed.
  const refresh = () => client.invalidateQueries({ queryKey: solidarityKeys.of(caseId) });
  const decide = (decision: 'approve' | 'reject') => (id: string) => api<{ status: SolidarityStatus }>(`/api/solidarity/${id}/${decision}`, { method: 'POST' });
  return {
    // Refreshed on failure too: a 409 means another member decided first, and the list should show it.
    approve: useMutation({ mutationFn: decide('approve'), onSettled: refresh }),
    reject: useMutation({ mutationFn: decide('reject'), onSettled: refresh }),
  };
}
