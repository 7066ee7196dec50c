import { useTranslation } from 'react-i18next';
import { EmptyState } from './QueryState';
import { PageHeader } from './PageHeader';

/** A page whose area has no records to show yet. */
export function AreaEmptyPage(props: { title: string; message: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(props.title)} />
      <EmptyState>{t(props.message)}</EmptyState>
    </>
  );
}
