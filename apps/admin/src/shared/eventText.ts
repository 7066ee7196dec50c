import { eventTexts, renderEvent } from '@habeas/contracts';
import type { EventParams } from '@habeas/contracts';
import { useTranslation } from 'react-i18next';

/** Tells recorded events (timeline items, activity, alert reasons) in the screen's language from their structure. */
export function useEventText(): (event: string, params: EventParams) => string {
  const { t } = useTranslation();
  return (event, params) => renderEvent((key, options) => t(key, options ?? {}), eventTexts.en, event, params);
}
