import { Badge, Button, Card, Group, List, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconEdit } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/format';
import { useNavigate } from 'react-router-dom';
import type { CaseSummary } from '@habeas/contracts';
import { useCurrentUser } from '../../../app/session';
import { can } from '@habeas/contracts';
import { CaseForm } from '../CaseForm';
import { CustodyCard } from '../CustodyCard';
import { CaseGoalBars } from '../../donations/GoalBars';

function Fact(props: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text>{props.children || '—'}</Text>
    </div>
  );
}

export function OverviewTab(props: { theCase: CaseSummary }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [editing, { open, close }] = useDisclosure(false);
  const c = props.theCase;
  // Finance sees which cases exist and their money: the proceedings, charges and custody are not theirs to read.
  const proceedings = can(user, 'cases:read');
  return (
    <Stack>
      {can(user, 'cases:write') && (
        <Group justify="flex-end">
          <Button variant="light" leftSection={<IconEdit size={16} />} onClick={open} data-testid="case-edit">
            {t('cases.edit')}
          </Button>
        </Group>
      )}
      {proceedings && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Card withBorder>
            <Stack gap="sm">
              <Fact label={t('cases.defendant')}>
                {c.defendant && (
                  <>
                    {c.defendant.fullName} <Badge variant="light">{t(`cases.status.${c.defendant.status}`)}</Badge>
                  </>
                )}
              </Fact>
              <Fact label={t('cases.stage')}>{t(`cases.stages.${c.stage}`)}</Fact>
              <Fact label={t('cases.plea')}>{c.plea && t(`cases.pleas.${c.plea}`)}</Fact>
              <Fact label={t('cases.custodyMeasure')}>
                {c.custodyMeasure && t(`cases.measures.${c.custodyMeasure}`)}
                {c.detainedUntil && ` · ${t('cases.detainedUntil')}: ${format.day(c.detainedUntil)}`}
              </Fact>
            </Stack>
          </Card>
          <Card withBorder>
            <Stack gap="sm">
              <Fact label={t('cases.court')}>{c.court}</Fact>
              <Fact label={t('cases.courtCaseNumber')}>{c.courtCaseNumber}</Fact>
              <Fact label={t('cases.judge')}>{c.judge}</Fact>
              <Fact label={t('cases.investigatingAgency')}>{c.investigatingAgency}</Fact>
              <Fact label={t('cases.appealTerms')}>{t('cases.appealTermsValue', { custody: c.custodyAppealDays, verdict: c.verdictAppealDays })}</Fact>
            </Stack>
          </Card>
        </SimpleGrid>
      )}
      {proceedings && (
        <Card withBorder>
          <Text fw={500} mb="xs">
            {t('cases.charges')}
          </Text>
          {c.charges.length ? (
            <List>
              {c.charges.map((charge) => (
                <List.Item key={charge.article}>
                  {t('cases.article', { article: charge.article })} {charge.description && `— ${charge.description}`}
                </List.Item>
              ))}
            </List>
          ) : (
            <Text c="dimmed">—</Text>
          )}
        </Card>
      )}
      {proceedings && <CustodyCard caseId={c.id} />}
      <Card withBorder data-testid="overview-fundraising">
        <Text fw={500} mb="xs" component="h2" size="md">
          {t('goals.title')}
        </Text>
        <CaseGoalBars caseId={c.id} />
      </Card>
      <Card withBorder>
        <Text fw={500} mb="xs">
          {t('cases.publicSummaryTitle')} {c.isPublic ? <Badge color="green">{t('cases.public')}</Badge> : <Badge color="gray">{t('cases.private')}</Badge>}
        </Text>
        <Text>{(i18n.language === 'en' && c.publicSummaryEn) || c.publicSummary || '—'}</Text>
      </Card>
      <Modal opened={editing} onClose={close} title={t('cases.edit')} size="xl">
        <CaseForm
          theCase={c}
          onCancel={close}
          onSaved={(saved) => {
            close();
            if (saved.slug !== c.slug) navigate(`/cases/${saved.slug}`);
          }}
        />
      </Modal>
    </Stack>
  );
}
