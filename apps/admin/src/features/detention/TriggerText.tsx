import type { LegalActionTrigger } from '@habeas/contracts';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format';

/** What started a legal action, told in the reader's language from the trigger's data. */
export function useTriggerText() {
  const { t } = useTranslation();
  const format = useFormat();
  return (trigger: LegalActionTrigger) => {
    const when = format.dateTime(trigger.occurredAt, 'Europe/Moscow');
    if (trigger.type === 'medical_incident') {
      return t('drafts.trigger.medical_incident', {
        type: t(`medical.type.${trigger.incidentType}`),
        severity: t(`medical.severity.${trigger.severity}`).toLowerCase(),
        when,
      });
    }
    const text = t('drafts.trigger.contact', {
      kind: t(`detention.kind.${trigger.kind}`),
      status: t(`detention.status.${trigger.status}`).toLowerCase(),
      when,
    });
    return trigger.refusalReason ? `${text}; ${t('drafts.trigger.reason', { reason: trigger.refusalReason })}` : text;
  };
}
