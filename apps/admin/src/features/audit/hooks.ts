import { useQuery } from '@tanstack/react-query';
import type { AuditActions, AuditEntry } from '@habeas/contracts';
import { api } from '../../shared/api';
import { usePaged } from '../../shared/usePaged';

export const auditKeys = {
  entries: ['audit-log'] as const,
  actions: ['audit-log', 'actions'] as const,
};

/** The filters the audit log takes (all optional); `collapse` folds repeated reads of one list into one line. */
export interface AuditQuery {
  actorId?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
  collapse?: 'true';
}

export function useAuditEntries(query: AuditQuery) {
  return usePaged<AuditEntry>(auditKeys.entries, '/api/audit-log', { ...query });
}

/** The action codes that occur in the log, for the action filter. */
export function useAuditActions() {
  return useQuery({ queryKey: auditKeys.actions, queryFn: () => api<AuditActions>('/api/audit-log/actions') });
}
