import type { LegalAction, LegalActionStatus } from '@habeas/contracts';
import { Anchor, Badge, Button, Card, Group, List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { daysBetween, useFormat } from '../../shared/format';
import { FileActionButton } from './FileActionButton';
import { useGenerateDraft, useUpdateLegalAction } from './hooks';
import { useTriggerText } from './TriggerText';
import { useCaseTitle } from '../../shared/case-titles';

const OPEN: LegalActionStatus[] = ['proposed', 'drafting'];

/** "Overdue by 3 days" in red, "Due in 2 days" in orange, otherwise the date. */
function DeadlineBadge({ action }: { action: LegalAction }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!action.deadlineAt) return null;
  const date = format.date(action.deadlineAt, 'Europe/Moscow');
  if (!OPEN.includes(action.status))
    return (
      <Badge variant="light" style={{ textTransform: 'none' }}>
        {date}
      </Badge>
    );
  const late = daysBetween(action.deadlineAt, new Date());
  const left = daysBetween(new Date(), action.deadlineAt);
  if (new Date(action.deadlineAt) < new Date()) {
    return (
      <Badge color="red" variant="filled" data-testid="overdue" style={{ textTransform: 'none' }}>
        {t('drafts.overdue', { count: Math.max(late, 1) })} · {date}
      </Badge>
    );
  }
  return (
    <Badge color={left <= 2 ? 'orange' : 'blue'} variant="light" style={{ textTransform: 'none' }}>
      {left === 0 ? t('drafts.dueToday') : t('drafts.dueIn', { count: left })} · {date}
    </Badge>
  );
}

export function ActionCard({ action, onEdit, onDecide }: { action: LegalAction; onEdit: () => void; onDecide: () => void }) {
  const { t } = useTranslation();
  const caseTitle = useCaseTitle();
  const triggerText = useTriggerText();
  const update = useUpdateLegalAction();
  const generate = useGenerateDraft();
  const navigate = useNavigate();
  const move = (status: LegalActionStatus) =>
    update.mutate(
      { id: action.id, body: { status } },
      { onSuccess: () => notifications.show({ color: 'green', message: t('drafts.moved', { status: t(`detention.actionStatus.${status}`) }) }) },
    );
  const generateAs = (format: 'docx' | 'pdf') =>
    generate.mutate(
      { id: action.id, format },
      {
        onSuccess: (result) => {
          // Notifications render outside the router: the link navigates through the card's router.
          const to = `/documents?document=${result.documentId}`;
          const id = notifications.show({
            color: 'green',
            autoClose: 10_000,
            message: (
              <Stack gap={4}>
                <Text size="sm">{t('drafts.generated', { title: action.title })}</Text>
                <Anchor
                  href={to}
                  size="sm"
                  data-testid="generated-link"
                  onClick={(event) => {
                    event.preventDefault();
                    notifications.hide(id);
                    void navigate(to);
                  }}
                >
                  {t('drafts.openDocument')}
                </Anchor>
              </Stack>
            ),
          });
        },
        onError: (error) => notifications.show({ color: 'red', message: error.message }),
      },
    );
  return (
    <Card withBorder padding="sm" data-testid="action-card">
      <Text fw={600}>{t(`detention.step.${action.step}`)}</Text>
      <Text size="sm">
        <Anchor component={Link} to={`/cases/${action.caseSlug}/contact`}>
          {caseTitle(action.caseSlug, action.caseTitle)}
        </Anchor>
      </Text>
      {action.trigger && (
        <Text size="xs" c="dimmed">
          {t('drafts.after')}: {triggerText(action.trigger)}
        </Text>
      )}
      {action.alsoBecause.length > 0 && (
        <Stack gap={0} mt={4} data-testid="also-because">
          <Text size="xs" fw={600}>
            {t('drafts.alsoBecause')}:
          </Text>
          <List size="xs" c="dimmed">
            {action.alsoBecause.map((trigger, index) => (
              <List.Item key={index}>{triggerText(trigger)}</List.Item>
            ))}
          </List>
        </Stack>
      )}
      <Group gap="xs" mt={4}>
        <DeadlineBadge action={action} />
        {action.ownerName && (
          <Badge variant="outline" style={{ textTransform: 'none' }}>
            {action.ownerName}
          </Badge>
        )}
        {action.missingFields.length > 0 && OPEN.includes(action.status) && (
          <Badge color="orange" variant="light" style={{ textTransform: 'none' }}>
            {t('detention.board.missing', { count: action.missingFields.length })}
          </Badge>
        )}
      </Group>
      {action.documentUrl && (
        <Anchor component={Link} to={`/documents?document=${action.documentId}`} size="sm">
          {t('detention.board.document')}
        </Anchor>
      )}
      {action.outcome && (
        <Text size="sm">
          {t('detention.fields.outcome')}: {action.outcome}
        </Text>
      )}
      {update.error && (
        <Text size="xs" c="red">
          {update.error.message}
        </Text>
      )}
      <Group gap="xs" mt="xs">
        {action.status === 'proposed' && (
          <Button size="xs" onClick={() => move('drafting')} loading={update.isPending}>
            {t('detention.actions.accept')}
          </Button>
        )}
        {OPEN.includes(action.status) && (
          <Button size="xs" variant="default" onClick={onEdit}>
            {t('detention.actions.edit')}
          </Button>
        )}
        {OPEN.includes(action.status) && (
          <>
            <Button size="xs" variant="light" onClick={() => generateAs('docx')} loading={generate.isPending && generate.variables?.format === 'docx'}>
              {t('drafts.generateDocx')}
            </Button>
            <Button size="xs" variant="light" onClick={() => generateAs('pdf')} loading={generate.isPending && generate.variables?.format === 'pdf'}>
              {t('drafts.generatePdf')}
            </Button>
          </>
        )}
        {action.status === 'drafting' && <FileActionButton action={action} />}
        {action.status === 'filed' && (
          <Button size="xs" onClick={onDecide}>
            {t('detention.actions.decide')}
          </Button>
        )}
        {OPEN.includes(action.status) && (
          <Button size="xs" variant="subtle" color="gray" onClick={() => move('dismissed')}>
            {t('detention.actions.dismiss')}
          </Button>
        )}
        {action.status === 'dismissed' && (
          <Button size="xs" variant="subtle" onClick={() => move('proposed')}>
            {t('detention.actions.reopen')}
          </Button>
        )}
      </Group>
    </Card>
  );
}
