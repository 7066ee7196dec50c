import { can } from '@habeas/contracts';
import { Stack } from '@mantine/core';
import { useCurrentUser } from '../../app/session';
import { DocumentList } from './DocumentList';
import { UploadZone } from './UploadZone';

/** The Documents tab of a case page: upload into this case, then list, search and open its documents. */
export function CaseDocumentsTab(props: { caseId: string }) {
  const user = useCurrentUser();
  return (
    <Stack>
      <UploadZone caseId={props.caseId} canPrivileged={can(user, 'documents:privileged')} />
      <DocumentList caseId={props.caseId} />
    </Stack>
  );
}
