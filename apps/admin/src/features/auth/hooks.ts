import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AcceptInviteRequest, LoginRequest, LoginResponse, PasswordResetConfirm, PasswordResetRequest } from '@habeas/contracts';
import { sessionKey } from '../../app/session';
import { api } from '../../shared/api';

/** Signs in; the answer's user becomes the session. */
export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => api<LoginResponse>('/api/auth/login', { method: 'POST', body }),
    onSuccess: (response) => client.setQueryData(sessionKey, response.user),
  });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (body: PasswordResetRequest) => api<void>('/api/auth/password-reset/request', { method: 'POST', body }) });
}

/** What a one-time link lets its holder do: accept an invite, or reset a forgotten password. */
export type OneTimeLink = 'invite' | 'reset';

const setPasswordPath: Record<OneTimeLink, string> = {
  invite: '/api/auth/invites/accept',
  reset: '/api/auth/password-reset/confirm',
};

/** Sets a password with a one-time link's token. */
export function useSetPassword(link: OneTimeLink) {
  return useMutation({
    mutationFn: (body: AcceptInviteRequest | PasswordResetConfirm) => api<void>(setPasswordPath[link], { method: 'POST', body }),
  });
}
