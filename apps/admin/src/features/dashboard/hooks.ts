import { useQuery } from '@tanstack/react-query';
import type { Dashboard } from '@habeas/contracts';
import { api } from '../../shared/api';

export const dashboardKeys = { all: ['dashboard'] as const };

/** The case dashboard, read again every minute (terms count down, alerts come in). */
export function useDashboard() {
  return useQuery({ queryKey: dashboardKeys.all, queryFn: () => api<Dashboard>('/api/dashboard'), refetchInterval: 60_000 });
}
