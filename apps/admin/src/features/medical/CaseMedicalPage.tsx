import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { PageHeader } from '../../shared/PageHeader';
import { CaseMedicalTab } from './CaseMedicalTab';

/** Stand-alone page for a case's medical record, until the case page embeds CaseMedicalTab. */
export function CaseMedicalPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <>
      <PageHeader title={t('medical.incidents.pageTitle')} />
      <CaseMedicalTab caseId={id} />
    </>
  );
}
