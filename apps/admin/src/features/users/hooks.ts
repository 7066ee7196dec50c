import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AdminContacts,
  CreateUserRequest,
  CreateUserResponse,
  MfaPolicy,
  PasswordResetOptions,
  ReinviteResponse,
  ResetLinkResponse,
  Role,
  User,
} from '@habeas/contracts';
import { api } from '../../shared/api';
import { usePaged } from '../../shared/usePaged';

export const userKeys = {
  all: ['users'] as const,
  admins: ['users', 'admins'] as const,
  resetOptions: ['password-reset', 'options'] as const,
  list: (q: string) => ['users', 'list', q] as const,
  mfaPolicy: ['settings', 'mfa'] as const,
  /** The first hundred users, for a picker (`purpose` keeps pickers' caches apart). */
  picker: (purpose: string) => ['users', purpose] as const,
};

/** Up to a hundred users for a picker: the audit log's actor filter, the case team's "add member". */
export function useUserPicker(purpose: string) {
  return usePaged<User>(userKeys.picker(purpose), '/api/users', { limit: 100 });
}

function useRefreshUsers() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: userKeys.all });
}

const showError = (error: Error) => notifications.show({ color: 'red', message: error.message });

export function useUpdateUser(onDone: (user: User) => void) {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: (change: { id: string; role?: Role; disabled?: boolean }) =>
      api<User>(`/api/users/${change.id}`, { method: 'PATCH', body: { role: change.role, disabled: change.disabled } }),
    // The list is read again before the change is reported, so the table never contradicts the message.
    onSuccess: async (user) => {
      await refresh();
      onDone(user);
    },
    onError: showError,
  });
}

export function useReinvite(onDone: (result: ReinviteResponse) => void) {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: (id: string) => api<ReinviteResponse>(`/api/users/${id}/invite`, { method: 'POST' }),
    onSuccess: (result) => {
      void refresh();
      onDone(result);
    },
    onError: showError,
  });
}

export function useRevokeInvite(onDone: (user: User) => void) {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: (id: string) => api<User>(`/api/users/${id}/invite`, { method: 'DELETE' }),
    onSuccess: (user) => {
      void refresh();
      onDone(user);
    },
    onError: showError,
  });
}

export function useIssueResetLink(onDone: (result: ResetLinkResponse) => void) {
  return useMutation({
    mutationFn: (id: string) => api<ResetLinkResponse>(`/api/users/${id}/password-reset`, { method: 'POST' }),
    onSuccess: onDone,
    onError: showError,
  });
}

export function useAdminContacts() {
  return useQuery({ queryKey: userKeys.admins, queryFn: () => api<AdminContacts>('/api/users/admins') });
}

export function usePasswordResetOptions() {
  return useQuery({ queryKey: userKeys.resetOptions, queryFn: () => api<PasswordResetOptions>('/api/auth/password-reset') });
}

export function useUsers(q: string) {
  return usePaged<User>(userKeys.list(q), '/api/users', { q });
}

export function useCreateUser() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: (body: CreateUserRequest) => api<CreateUserResponse>('/api/users', { method: 'POST', body }),
    onSuccess: () => void refresh(),
  });
}

/** Ends every session of a user (a lost phone, a departure). */
export function useEndUserSessions(onDone: (ended: number) => void) {
  return useMutation({
    mutationFn: (id: string) => api<{ ended: number }>(`/api/users/${id}/sessions/revoke`, { method: 'POST' }),
    onSuccess: (result) => onDone(result.ended),
  });
}

export function useMfaPolicy() {
  return useQuery({ queryKey: userKeys.mfaPolicy, queryFn: () => api<MfaPolicy>('/api/settings/mfa') });
}

export function useSaveMfaPolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MfaPolicy) => api<MfaPolicy>('/api/settings/mfa', { method: 'PUT', body }),
    onSuccess: (saved) => client.setQueryData(userKeys.mfaPolicy, saved),
  });
}
