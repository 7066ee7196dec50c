import { Anchor, Badge, Group, Tabs, Text } from '@mantine/core';
import { can, type Capability } from '@habeas/contracts';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format';
import { useCurrentUser } from '../../app/session';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/QueryState';
import { useCase } from './hooks';
import { DeadlinesTab } from './tabs/DeadlinesTab';
import { HearingsTab } from './tabs/HearingsTab';
import { CaseContactTab } from '../detention/CaseContactTab';
import { CaseDocumentsTab } from '../documents/CaseDocumentsTab';
import { CaseMoneyTab } from '../donations/CaseMoneyTab';
import { CaseMedicalTab } from '../medical/CaseMedicalTab';
import { CaseDossiersTab } from '../evidence/CaseDossiersTab';
import { CasePublicTab } from '../public-case/CasePublicTab';
import { PendingSolidarityBadge } from '../public-case/PendingSolidarityBadge';
import { CaseFamilyTab } from '../intake/CaseFamilyTab';
import { OverviewTab } from './tabs/OverviewTab';
import { TeamTab } from './tabs/TeamTab';
import { TimelineTab } from './tabs/TimelineTab';
import { useLocalTitle } from '../../shared/case-titles';

const allTabs = ['overview', 'timeline', 'hearings', 'deadlines', 'documents', 'medical', 'contact', 'family', 'updates', 'dossiers', 'money', 'team'] as const;
type TabName = (typeof allTabs)[number];
/** Tabs the user may not use at all are not shown (the API would refuse them anyway). */
const tabCapability: Partial<Record<TabName, Capability>> = {
  timeline: 'cases:read',
  hearings: 'cases:read',
  deadlines: 'cases:read',
  documents: 'documents:read',
  medical: 'medical:read',
  contact: 'cases:read',
  family: 'intake:triage',
  updates: 'updates:draft',
  dossiers: 'dossiers:create',
  money: 'money:read',
  team: 'cases:read',
};

export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const user = useCurrentUser();
  const tabs = allTabs.filter((name) => {
    const capability = tabCapability[name];
    return !capability || can(user, capability);
  });
  const tab = tabs.find((name) => name === params.get('tab')) ?? 'overview';
  const theCase = useCase(id);
  const localTitle = useLocalTitle();
  const format = useFormat();
  return (
    <QueryState isLoading={theCase.isLoading} error={theCase.error}>
      {theCase.data && (
        <>
          <Anchor component={Link} to="/cases" size="sm">
            ← {t('cases.title')}
          </Anchor>
          <PageHeader title={localTitle(theCase.data)}>
            <Group gap="xs">
              <Badge>{t(`cases.stages.${theCase.data.stage}`)}</Badge>
              {theCase.data.detainedUntil && (
                <Text size="sm" c="dimmed">
                  {t('cases.detainedUntil')}: {format.day(theCase.data.detainedUntil)}
                </Text>
              )}
            </Group>
          </PageHeader>
          <Tabs value={tab} onChange={(value) => setParams(value && value !== 'overview' ? { tab: value } : {}, { replace: true })} keepMounted={false}>
            <Tabs.List mb="md">
              {tabs.map((name) => (
                <Tabs.Tab key={name} value={name} rightSection={name === 'updates' ? <PendingSolidarityBadge caseId={theCase.data.id} /> : undefined}>
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
              <CaseDocumentsTab caseId={theCase.data.id} />
            </Tabs.Panel>
            <Tabs.Panel value="medical">
              <CaseMedicalTab caseId={theCase.data.id} />
            </Tabs.Panel>
            <Tabs.Panel value="contact">
              <CaseContactTab caseId={theCase.data.id} />
            </Tabs.Panel>
            <Tabs.Panel value="family">
              <CaseFamilyTab caseId={theCase.data.id} />
            </Tabs.Panel>
            <Tabs.Panel value="updates">
              <CasePublicTab caseId={theCase.data.id} slug={theCase.data.slug} isPublic={theCase.data.isPublic} />
            </Tabs.Panel>
            <Tabs.Panel value="dossiers">
              <CaseDossiersTab caseId={theCase.data.id} />
            </Tabs.Panel>
            <Tabs.Panel value="money">
              <CaseMoneyTab caseId={theCase.data.id} />
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
