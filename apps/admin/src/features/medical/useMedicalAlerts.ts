import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AlertCount, MedicalAlert } from '@habeas/contracts';
import { useEffect } from 'react';
import { api } from '../../shared/api';

export const alertsKey = ['medical-alerts'] as const;
export const alertCountKey = ['medical-alerts-count'] as const;

export function useOpenAlertCount(enabled: boolean) {
  return useQuery({ queryKey: alertCountKey, queryFn: () => api<AlertCount>('/api/medical-alerts/count'), enabled });
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
      void client.invalidateQueries({ queryKey: alertsKey });
      void client.invalidateQueries({ queryKey: alertCountKey });
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
      void client.invalidateQueries({ queryKey: alertsKey });
      void client.invalidateQueries({ queryKey: alertCountKey });
    },
  });
}
