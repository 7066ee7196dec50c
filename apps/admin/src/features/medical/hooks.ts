import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MedicalIncident, MedicalSettings } from '@habeas/contracts';
import { api } from '../../shared/api';

export const medicalSettingsKey = (caseId: string) => ['medical-settings', caseId] as const;
export const incidentKey = (id: string) => ['medical-incident', id] as const;

export function useMedicalSettings(caseId: string) {
  return useQuery({ queryKey: medicalSettingsKey(caseId), queryFn: () => api<MedicalSettings>(`/api/cases/${caseId}/medical-settings`) });
}

export function useSaveMedicalSettings(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MedicalSettings) => api<MedicalSettings>(`/api/cases/${caseId}/medical-settings`, { method: 'PUT', body }),
    onSuccess: (data) => client.setQueryData(medicalSettingsKey(caseId), data),
  });
}

/** One incident (an audited read), for alert cards that show what happened. */
export function useIncident(id: string | null, enabled: boolean) {
  return useQuery({ queryKey: incidentKey(id ?? ''), queryFn: () => api<MedicalIncident>(`/api/medical-incidents/${id}`), enabled: enabled && !!id });
}
