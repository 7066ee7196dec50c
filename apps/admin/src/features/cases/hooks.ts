import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AddCaseMemberRequest,
  CalendarFeed,
  CaseMember,
  CaseSummary,
  CreateCaseRequest,
  CreateCustodyEventRequest,
  CreateDeadlineRequest,
  CreateHearingRequest,
  CustodyEvent,
  Deadline,
  Facility,
  Hearing,
  Page,
  TimelineItem,
  UpdateCaseRequest,
  UpdateHearingRequest,
} from '@habeas/contracts';
import { api } from '../../shared/api';
import { usePaged } from '../../shared/usePaged';
import { dashboardKeys } from '../dashboard/hooks';

const casePath = (id: string) => `/api/cases/${encodeURIComponent(id)}`;

/** Query keys of cases and what hangs off a case; invalidating `all` refreshes every open case. */
export const caseKeys = {
  all: ['case'] as const,
  detail: (id: string) => ['case', id] as const,
  list: ['cases'] as const,
  any: ['cases', 'any'] as const,
  hearings: (caseId: string) => ['hearings', caseId] as const,
  deadlines: (caseId: string) => ['deadlines', caseId] as const,
  timeline: (caseId: string) => ['timeline', caseId] as const,
  custody: (caseId: string) => ['custody', caseId] as const,
  team: (caseId: string) => ['team', caseId] as const,
  calendarFeed: ['calendar-feed'] as const,
  facilities: ['facilities'] as const,
};

export function useCase(id: string) {
  return useQuery({ queryKey: caseKeys.detail(id), queryFn: () => api<CaseSummary>(casePath(id)) });
}

/** Whether the reader is on any case at all (one item is enough to know). */
export function useAnyCase(enabled: boolean) {
  return useQuery({ queryKey: caseKeys.any, queryFn: () => api<Page<CaseSummary>>('/api/cases', { query: { limit: 1 } }), enabled });
}

export function useCases(query: { q?: string; stage?: string | null; defendantStatus?: string | null }) {
  return usePaged<CaseSummary>(caseKeys.list, '/api/cases', query);
}

/** Creates a case, or changes one when `id` is given; the saved case is what its page (by slug) shows at once. */
export function useSaveCase(id?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCaseRequest | UpdateCaseRequest) =>
      id ? api<CaseSummary>(casePath(id), { method: 'PATCH', body }) : api<CaseSummary>('/api/cases', { method: 'POST', body }),
    onSuccess: (saved) => {
      client.setQueryData(caseKeys.detail(saved.slug), saved);
      void client.invalidateQueries({ queryKey: caseKeys.all });
      void client.invalidateQueries({ queryKey: caseKeys.list });
    },
  });
}

/** After any change to a case's proceedings, refresh the case, its lists, its timeline and the dashboard. */
export function useInvalidateCase(id: string) {
  const client = useQueryClient();
  return () =>
    Promise.all(
      [caseKeys.all, caseKeys.hearings(id), caseKeys.deadlines(id), caseKeys.timeline(id), caseKeys.custody(id), dashboardKeys.all, caseKeys.list].map(
        (queryKey) => client.invalidateQueries({ queryKey }),
      ),
    );
}

export function useHearings(caseId: string) {
  return usePaged<Hearing>(caseKeys.hearings(caseId), `${casePath(caseId)}/hearings`);
}

export function useHearingMutations(caseId: string) {
  const invalidate = useInvalidateCase(caseId);
  const base = `${casePath(caseId)}/hearings`;
  return {
    create: useMutation({ mutationFn: (body: CreateHearingRequest) => api<Hearing>(base, { method: 'POST', body }), onSuccess: invalidate }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: UpdateHearingRequest }) => api<Hearing>(`${base}/${id}`, { method: 'PATCH', body }),
      onSuccess: invalidate,
    }),
  };
}

export function useDeadlines(caseId: string, status: string) {
  return usePaged<Deadline>(caseKeys.deadlines(caseId), `${casePath(caseId)}/deadlines`, { status });
}

export function useDeadlineMutations(caseId: string) {
  const invalidate = useInvalidateCase(caseId);
  const base = `${casePath(caseId)}/deadlines`;
  return {
    create: useMutation({ mutationFn: (body: CreateDeadlineRequest) => api<Deadline>(base, { method: 'POST', body }), onSuccess: invalidate }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: { done: boolean } }) => api<Deadline>(`${base}/${id}`, { method: 'PATCH', body }),
      onSuccess: invalidate,
    }),
  };
}

export function useTimeline(caseId: string, types: string[]) {
  return usePaged<TimelineItem>(caseKeys.timeline(caseId), `${casePath(caseId)}/timeline`, { types: types.join(',') || undefined });
}

export function useCustodyEvents(caseId: string) {
  return usePaged<CustodyEvent>(caseKeys.custody(caseId), `${casePath(caseId)}/custody-events`);
}

export function useCreateCustodyEvent(caseId: string) {
  const invalidate = useInvalidateCase(caseId);
  return useMutation({
    mutationFn: (body: CreateCustodyEventRequest) => api<CustodyEvent>(`${casePath(caseId)}/custody-events`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useFacilities() {
  return useQuery({ queryKey: caseKeys.facilities, queryFn: () => api<Page<Facility>>('/api/facilities') });
}

export function useTeam(caseId: string) {
  return usePaged<CaseMember>(caseKeys.team(caseId), `${casePath(caseId)}/team`);
}

export function useTeamMutations(caseId: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: caseKeys.team(caseId) });
  return {
    refresh,
    add: useMutation({
      mutationFn: (body: AddCaseMemberRequest) => api<CaseMember>(`${casePath(caseId)}/members`, { method: 'POST', body }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (member: CaseMember) => api<void>(`${casePath(caseId)}/members/${member.userId}`, { method: 'DELETE' }),
      onSuccess: refresh,
    }),
  };
}

export function useCalendarFeed() {
  const client = useQueryClient();
  return {
    status: useQuery({ queryKey: caseKeys.calendarFeed, queryFn: () => api<CalendarFeed>('/api/calendar/feed') }),
    regenerate: useMutation({
      mutationFn: () => api<CalendarFeed>('/api/calendar/feed', { method: 'POST' }),
      onSuccess: (feed) => client.setQueryData(caseKeys.calendarFeed, feed),
    }),
    revoke: useMutation({
      mutationFn: () => api<void>('/api/calendar/feed', { method: 'DELETE' }),
      onSuccess: () => client.invalidateQueries({ queryKey: caseKeys.calendarFeed }),
    }),
  };
}
