import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseSummary, Deadline, Hearing, UpdateCaseRequest } from '@habeas/contracts';
import { api } from '../../shared/api';

export const caseKey = (id: string) => ['case', id] as const;

export function useCase(id: string) {
  return useQuery({ queryKey: caseKey(id), queryFn: () => api<CaseSummary>(`/api/cases/${encodeURIComponent(id)}`) });
}

/** After any change to a case's proceedings, refresh the case, its lists, its timeline and the dashboard. */
export function useInvalidateCase(id: string) {
  const client = useQueryClient();
  return () =>
    Promise.all(
      [['case'], ['hearings', id], ['deadlines', id], ['timeline', id], ['custody', id], ['dashboard'], ['cases']].map((queryKey) =>
        client.invalidateQueries({ queryKey }),
      ),
    );
}

export function useUpdateCase(id: string) {
  const invalidate = useInvalidateCase(id);
  return useMutation({
    mutationFn: (change: UpdateCaseRequest) => api<CaseSummary>(`/api/cases/${encodeURIComponent(id)}`, { method: 'PATCH', body: change }),
    onSuccess: invalidate,
  });
}

export function useHearingMutations(caseId: string) {
  const invalidate = useInvalidateCase(caseId);
  const base = `/api/cases/${encodeURIComponent(caseId)}/hearings`;
  return {
    create: useMutation({ mutationFn: (body: unknown) => api<Hearing>(base, { method: 'POST', body }), onSuccess: invalidate }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: unknown }) => api<Hearing>(`${base}/${id}`, { method: 'PATCH', body }),
      onSuccess: invalidate,
    }),
  };
}

export function useDeadlineMutations(caseId: string) {
  const invalidate = useInvalidateCase(caseId);
  const base = `/api/cases/${encodeURIComponent(caseId)}/deadlines`;
  return {
    create: useMutation({ mutationFn: (body: unknown) => api<Deadline>(base, { method: 'POST', body }), onSuccess: invalidate }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: unknown }) => api<Deadline>(`${base}/${id}`, { method: 'PATCH', body }),
      onSuccess: invalidate,
    }),
  };
}
