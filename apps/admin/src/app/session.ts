import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginResponse, SessionUser } from '@habeas/contracts';
import { api, ApiError } from '../shared/api';

export const sessionKey = ['session'] as const;

/** The signed-in user, or null when there is no session (401). */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async (): Promise<SessionUser | null> => {
      try {
        return (await api<LoginResponse>('/api/auth/me')).user;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function useCurrentUser(): SessionUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser outside a signed-in layout');
  return data;
}

/** Signed in, the chosen language is also the language of the user's mail. */
export function saveLanguage(language: 'ru' | 'en'): Promise<unknown> {
  return api('/api/auth/me', { method: 'PATCH', body: { language } }).catch(() => undefined);
}

export function useSignOut() {
  const client = useQueryClient();
  return async () => {
    await api('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    client.clear();
    client.setQueryData(sessionKey, null);
  };
}
