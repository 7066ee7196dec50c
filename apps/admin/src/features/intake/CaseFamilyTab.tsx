import { Stack } from '@mantine/core';
import { can } from '@habeas/contracts';
import { useCurrentUser } from '../../app/session';
import { IntakeInbox } from './IntakeInbox';
import { IntakeLinks } from './IntakeLinks';

/** The family side of a case: links for relatives (lawyers) and the triage inbox of what they report. */
export function CaseFamilyTab(props: { caseId: string }) {
  const user = useCurrentUser();
  return (
    <Stack gap="lg">
      {can(user, 'intake:links') && <IntakeLinks caseId={props.caseId} />}
      <IntakeInbox caseId={props.caseId} />
    </Stack>
  );
}
