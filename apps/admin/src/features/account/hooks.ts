import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChangePasswordRequest,
  EnableMfaRequest,
  MfaSetupResponse,
  ReauthRequest,
  RecoveryCodesResponse,
  SessionView,
  UpdateMeRequest,
  UpdateUserRequest,
} from '@habeas/contracts';
import { sessionKey } from '../../app/session';
import { api } from '../../shared/api';

export const accountKeys = {
  sessions: ['account', 'sessions'] as const,
  recoveryCodes: ['account', 'recovery-codes'] as const,
};

/** Refreshes the signed-in user (two-factor state, registry number). */
export function useRefreshSession() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: sessionKey });
}

export function useSessions() {
  return useQuery({ queryKey: accountKeys.sessions, queryFn: () => api<{ items: SessionView[] }>('/api/auth/sessions') });
}

export function useEndSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/auth/sessions/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.sessions }),
  });
}

export function useChangePassword() {
  return useMutation({ mutationFn: (body: ChangePasswordRequest) => api<void>('/api/auth/password', { method: 'POST', body }) });
}

export function useRecoveryCodesLeft() {
  return useQuery({ queryKey: accountKeys.recoveryCodes, queryFn: () => api<{ remaining: number }>('/api/auth/mfa/recovery-codes') });
}

export function useBeginMfaSetup() {
  return useMutation({ mutationFn: () => api<MfaSetupResponse>('/api/auth/mfa/setup', { method: 'POST' }) });
}

/** Turns two-factor sign-in on, then issues the first recovery codes (the caller shows them, then refreshes the session). */
export function useEnableMfa() {
  return useMutation({
    mutationFn: async (body: EnableMfaRequest) => {
      await api<void>('/api/auth/mfa/enable', { method: 'POST', body });
      return api<RecoveryCodesResponse>('/api/auth/mfa/recovery-codes', { method: 'POST', body: {} });
    },
  });
}

export function useRegenerateRecoveryCodes() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReauthRequest) => api<RecoveryCodesResponse>('/api/auth/mfa/recovery-codes', { method: 'POST', body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: accountKeys.recoveryCodes }),
  });
}

/** Turns two-factor sign-in off (the caller refreshes the session when it has said so). */
export function useDisableMfa() {
  return useMutation({ mutationFn: (body: ReauthRequest) => api<void>('/api/auth/mfa/disable', { method: 'POST', body }) });
}

/** Saves an advocate's registry number: one's own, or (for an admin) a lawyer's given by `userId`. */
export function useSaveRegistryNumber(userId?: string) {
  return useMutation({
    mutationFn: (body: UpdateMeRequest & UpdateUserRequest) =>
      userId ? api<void>(`/api/users/${userId}`, { method: 'PATCH', body }) : api<void>('/api/auth/me', { method: 'PATCH', body }),
  });
}
