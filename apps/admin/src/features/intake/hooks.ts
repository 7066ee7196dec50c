import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConvertIntakeRequest, CreateIntakeLinkRequest, IntakeLink, IntakeLinkCreated, IntakeReport } from '@habeas/contracts';
import { api } from '../../shared/api';
import { usePaged } from '../../shared/usePaged';

export const intakeKeys = {
  links: (caseId: string) => ['intake-links', caseId] as const,
  reports: (caseId: string) => ['intake-reports', caseId] as const,
};

const casePath = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;

export const intakeFileUrl = (reportId: string, fileId: string) => `/api/intake-reports/${reportId}/files/${fileId}`;

export function useIntakeLinks(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: intakeKeys.links(caseId),
    queryFn: () => api<{ items: IntakeLink[] }>(`${casePath(caseId)}/intake-links`),
    enabled,
  });
}

export function useIntakeReports(caseId: string) {
  return usePaged<IntakeReport>(intakeKeys.reports(caseId), `${casePath(caseId)}/intake-reports`, { limit: 20 });
}

export function useIntakeMutations(caseId: string) {
  const client = useQueryClient();
  return {
    createLink: useMutation({
      mutationFn: (body: CreateIntakeLinkRequest) => api<IntakeLinkCreated>(`${casePath(caseId)}/intake-links`, { method: 'POST', body }),
      onSuccess: () => client.invalidateQueries({ queryKey: intakeKeys.links(caseId) }),
    }),
    revokeLink: useMutation({
      mutationFn: (id: string) => api(`/api/intake-links/${id}`, { method: 'DELETE' }),
      onSuccess: () => client.invalidateQueries({ queryKey: intakeKeys.links(caseId) }),
    }),
    convert: useMutation({
      mutationFn: ({ id, body }: { id: string; body: ConvertIntakeRequest }) =>
        api<{ into: string; id: string }>(`/api/intake-reports/${id}/convert`, { method: 'POST', body }),
      onSuccess: () => client.invalidateQueries({ queryKey: intakeKeys.reports(caseId) }),
    }),
  };
}
