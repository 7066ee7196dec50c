import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@habeas/contracts';

type Values = Record<string, unknown>;

/** One field's value as a person reads it: roles and booleans translated, the rest as it is. */
function useShowValue() {
  const { t } = useTranslation();
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (field === 'role' && typeof value === 'string') return t(`users.roles.${value}`, { defaultValue: value });
    if (typeof value === 'boolean') return value ? t('audit.yes') : t('audit.no');
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  };
}

/** What an entry changed: "field: before → after" for entries that carry both, or what a read covered. */
export function AuditChanges({ entry, userNames }: { entry: AuditEntry; userNames: Map<string, string> }) {
  const { t } = useTranslation();
  const show = useShowValue();
  if (entry.count > 1) return <Text size="sm">{t('audit.readMany', { count: entry.count })}</Text>;
  const before = entry.details.before as Values | undefined;
  const after = entry.details.after as Values | undefined;
  if (before && after) {
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return (
      <>
        {fields.map((field) => (
          <Text size="sm" key={field} data-testid="audit-change">
            {t(`audit.fields.${field}`, { defaultValue: field })}: {show(field, before[field])} → {show(field, after[field])}
          </Text>
        ))}
      </>
    );
  }
  const userId = typeof entry.details.userId === 'string' ? entry.details.userId : null;
  if (userId) return <Text size="sm">{userNames.get(userId) ?? userId}</Text>;
  if (typeof entry.details.fields === 'object' && Array.isArray(entry.details.fields)) {
    return (
      <Text size="sm">
        {t('audit.correctedFields', { fields: (entry.details.fields as string[]).map((f) => t(`audit.fields.${f}`, { defaultValue: f })).join(', ') })}
      </Text>
    );
  }
  return null;
}
