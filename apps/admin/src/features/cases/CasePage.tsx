import { Anchor, Badge, Group, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/QueryState';
import { useCase } from './hooks';
import { DeadlinesTab } from './tabs/DeadlinesTab';
import { DocumentsTab } from './tabs/DocumentsTab';
import { HearingsTab } from './tabs/HearingsTab';
import { MedicalTab } from './tabs/MedicalTab';
import { MoneyTab } from './tabs/MoneyTab';
import { OverviewTab } from './tabs/OverviewTab';
import { TeamTab } from './tabs/TeamTab';
import { TimelineTab } from './tabs/TimelineTab';

const tabs = ['overview', 'timeline', 'hearings', 'deadlines', 'documents', 'medical', 'money', 'team'] as const;

export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = tabs.find((name) => name === params.get('tab')) ?? 'overview';
  const theCase = useCase(id);
  return (
    <QueryState isLoading={theCase.isLoading} error={theCase.error}>
      {theCase.data && (
        <>
          <Anchor component={Link} to="/cases" size="sm">
            ← {t('cases.title')}
          </Anchor>
          <PageHeader title={theCase.data.title}>
            <Group gap="xs">
              <Badge>{t(`cases.stages.${theCase.data.stage}`)}</Badge>
              {theCase.data.detainedUntil && (
                <Text size="sm" c="dimmed">
                  {t('cases.detainedUntil')}: {theCase.data.detainedUntil}
                </Text>
              )}
            </Group>
          </PageHeader>
          <Tabs value={tab} onChange={(value) => setParams(value && value !== 'overview' ? { tab: value } : {}, { replace: true })} keepMounted={false}>
            <Tabs.List mb="md">
              {tabs.map((name) => (
                <Tabs.Tab key={name} value={name}>
                  {t(`cases.tabs.${name}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value="overview">
              <OverviewTab theCase={theCase.data} />
            </Tabs.Panel>
            <Tabs.Panel value="timeline">
              <TimelineTab caseId={theCase.data.id} />
            </Tabs.Panel>
            <Tabs.Panel value="hearings">
              <HearingsTab caseId={theCase.data.id} />
            </Tabs.Panel>
            <Tabs.Panel value="deadlines">
              <DeadlinesTab caseId={theCase.data.id} />
            </Tabs.Panel>
            <Tabs.Panel value="documents">
              <DocumentsTab caseId={theCase.data.id} />
            </Tabs.Panel>
            <Tabs.Panel value="medical">
              <MedicalTab caseId={theCase.data.id} />
            </Tabs.Panel>
            <Tabs.Panel value="money">
              <MoneyTab caseId={theCase.data.id} />
            </Tabs.Panel>
            <Tabs.Panel value="team">
              <TeamTab caseId={theCase.data.id} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </QueryState>
  );
}
