import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AlertCount,
  AlertStatus,
  CreateIncidentRequest,
  MedicalAlert,
  MedicalIncident,
  MedicalOverview,
  MedicalSettings,
  RecordVersions,
} from '@habeas/contracts';
import { useEffect } from 'react';
import { api } from '../../shared/api';
import { usePaged } from '../../shared/usePaged';

export const medicalKeys = {
  settings: (caseId: string) => ['medical-settings', caseId] as const,
  incidents: (caseId: string) => ['medical-incidents', caseId] as const,
  incident: (id: string) => ['medical-incident', id] as const,
  incidentVersions: (id: string) => ['medical-incident', id, 'versions'] as const,
  overview: () => ['medical-overview'] as const,
  alerts: () => ['medical-alerts'] as const,
  alertCount: () => ['medical-alerts-count'] as const,
};

export function useMedicalSettings(caseId: string) {
  return useQuery({ queryKey: medicalKeys.settings(caseId), queryFn: () => api<MedicalSettings>(`/api/cases/${caseId}/medical-settings`) });
}

export function useSaveMedicalSettings(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MedicalSettings) => api<MedicalSettings>(`/api/cases/${caseId}/medical-settings`, { method: 'PUT', body }),
    onSuccess: (data) => client.setQueryData(medicalKeys.settings(caseId), data),
  });
}

/** One incident (an audited read), for alert cards that show what happened. */
export function useIncident(id: string | null, enabled: boolean) {
  return useQuery({ queryKey: medicalKeys.incident(id ?? ''), queryFn: () => api<MedicalIncident>(`/api/medical-incidents/${id}`), enabled: enabled && !!id });
}

/** A case's incidents, newest first, page by page. */
export function useIncidents(caseId: string) {
  return usePaged<MedicalIncident>(medicalKeys.incidents(caseId), `/api/cases/${caseId}/medical-incidents`);
}

export function useRecordIncident(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateIncidentRequest) => api<MedicalIncident>(`/api/cases/${caseId}/medical-incidents`, { method: 'POST', body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: medicalKeys.incidents(caseId) });
      void client.invalidateQueries({ queryKey: medicalKeys.alerts() });
      void client.invalidateQueries({ queryKey: medicalKeys.alertCount() });
    },
  });
}

export const correctIncident = (id: string, body: Record<string, unknown>) => api<MedicalIncident>(`/api/medical-incidents/${id}`, { method: 'PATCH', body });

/** The earlier versions of a corrected incident, for `VersionHistory`. */
export const incidentVersions = (id: string) => ({
  key: medicalKeys.incidentVersions(id),
  load: () => api<RecordVersions>(`/api/medical-incidents/${id}/versions`),
});

export function useMedicalOverview() {
  return useQuery({ queryKey: medicalKeys.overview(), queryFn: () => api<MedicalOverview>('/api/medical/overview'), refetchInterval: 60_000 });
}

export type AlertFilter = AlertStatus | 'unresolved' | 'all';

export function useAlerts(filter: AlertFilter) {
  return usePaged<MedicalAlert>(medicalKeys.alerts(), '/api/medical-alerts', { status: filter === 'all' ? undefined : filter });
}

export function useOpenAlertCount(enabled: boolean) {
  return useQuery({ queryKey: medicalKeys.alertCount(), queryFn: () => api<AlertCount>('/api/medical-alerts/count'), enabled });
}

/**
 * Keeps alert queries fresh from the SSE stream (EventSource reconnects by itself and sends
 * Last-Event-ID, so nothing is missed); optionally shows a browser notification for a new open alert.
 */
export function useAlertStream(enabled: boolean, notify: (alert: MedicalAlert) => void) {
  const client = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource('/api/medical-alerts/stream');
    const seen = new Set<string>();
    source.addEventListener('alert', (event) => {
      const alert = JSON.parse((event as MessageEvent<string>).data) as MedicalAlert;
      void client.invalidateQueries({ queryKey: medicalKeys.alerts() });
      void client.invalidateQueries({ queryKey: medicalKeys.alertCount() });
      if (alert.status === 'open' && !seen.has(alert.id)) {
        seen.add(alert.id);
        notify(alert);
      }
    });
    return () => source.close();
  }, [enabled, client, notify]);
}

export function useAlertAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; action: 'acknowledge' | 'resolve'; note?: string }) =>
      api<MedicalAlert>(`/api/medical-alerts/${input.id}/${input.action}`, {
        method: 'POST',
        body: input.action === 'resolve' ? { note: input.note } : undefined,
      }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: medicalKeys.alerts() });
      void client.invalidateQueries({ queryKey: medicalKeys.alertCount() });
    },
  });
}
