import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AlertPreferences,
  CaseSummary,
  Page,
  MedicalAlert,
  OnCallOverrideRequest,
  OnCallPolicy,
  OnCallPolicyRequest,
  PushSubscriptionView,
  TelegramStatus,
  TestAlertResult,
} from '@habeas/contracts';
import { api } from '../../shared/api';

export const alertingKeys = {
  devices: ['alerting', 'devices'] as const,
  telegram: ['alerting', 'telegram'] as const,
  preferences: ['alerting', 'preferences'] as const,
  policy: (caseId: string | null) => ['alerting', 'policy', caseId ?? 'team'] as const,
  alert: (id: string) => ['alerting', 'alert', id] as const,
};

export function useDevices() {
  return useQuery({ queryKey: alertingKeys.devices, queryFn: () => api<{ items: PushSubscriptionView[] }>('/api/me/push-subscriptions') });
}

/** Subscribes this browser to Web Push (asks for permission first) and saves the subscription. */
export function useSubscribeDevice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') throw new Error('permission');
      const registration = await navigator.serviceWorker.ready;
      const { key } = await api<{ key: string }>('/api/push/vapid-public-key');
      const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlToBytes(key) });
      return api<PushSubscriptionView>('/api/me/push-subscriptions', { method: 'POST', body: subscription.toJSON() });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: alertingKeys.devices }),
  });
}

export function useRemoveDevice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/api/me/push-subscriptions/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: alertingKeys.devices }),
  });
}

export function useTelegram() {
  return useQuery({ queryKey: alertingKeys.telegram, queryFn: () => api<TelegramStatus>('/api/me/telegram') });
}

export function useTelegramLink() {
  return useMutation({ mutationFn: () => api<{ link: string }>('/api/me/telegram', { method: 'POST' }) });
}

export function useTelegramUnlink() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api('/api/me/telegram', { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: alertingKeys.telegram }),
  });
}

export function usePreferences() {
  return useQuery({ queryKey: alertingKeys.preferences, queryFn: () => api<AlertPreferences>('/api/me/alert-preferences') });
}

export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AlertPreferences) => api<AlertPreferences>('/api/me/alert-preferences', { method: 'PUT', body }),
    onSuccess: (data) => client.setQueryData(alertingKeys.preferences, data),
  });
}

export function useTestAlert() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<TestAlertResult>('/api/me/test-alert', { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: alertingKeys.devices }),
  });
}

/** One alert with its delivery records (who was notified when, on which channel, whether it got through). */
export function useAlertDeliveries(id: string, enabled: boolean) {
  return useQuery({ queryKey: alertingKeys.alert(id), queryFn: () => api<MedicalAlert>(`/api/medical-alerts/${id}`), enabled });
}

export function useOnCallPolicy(caseId: string | null) {
  return useQuery({ queryKey: alertingKeys.policy(caseId), queryFn: () => api<OnCallPolicy>('/api/on-call/policy', { query: { caseId } }) });
}

export function useSaveOnCallPolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OnCallPolicyRequest) => api<OnCallPolicy>('/api/on-call/policy', { method: 'PUT', body }),
    onSuccess: (data) => client.setQueryData(alertingKeys.policy(data.caseId), data),
  });
}

export function useAddOverride() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OnCallOverrideRequest) => api<{ id: string }>('/api/on-call/overrides', { method: 'POST', body }),
    onSuccess: (_data, body) => client.invalidateQueries({ queryKey: alertingKeys.policy(body.caseId) }),
  });
}

export function useRemoveOverride(caseId: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/api/on-call/overrides/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: alertingKeys.policy(caseId) }),
  });
}

function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The cases a rota can be set for (the first hundred, by the API's order). */
export function useCaseChoices() {
  return useQuery({ queryKey: ['cases', 'for-on-call'], queryFn: () => api<Page<CaseSummary>>('/api/cases', { query: { limit: 100 } }) });
}
