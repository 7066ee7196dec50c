import { Anchor, Badge, Group, Tabs } from '@mantine/core';
import { IconExternalLink, IconWorld } from '@tabler/icons-react';
import { can } from '@habeas/contracts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCurrentUser } from '../../app/session';
import { CaseUpdatesTab } from './CaseUpdatesTab';
import { publicPageUrl } from './hooks';
import { PendingSolidarityBadge } from './PendingSolidarityBadge';
import { SolidarityModeration } from './SolidarityModeration';

type Part = 'updates' | 'solidarity';

/** The public side of a case: the defence's news (with legal review) and supporters' words (with moderation). */
export function CasePublicTab(props: { caseId: string; slug: string; isPublic: boolean }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const parts = (['updates', 'solidarity'] as const).filter((part) => can(user, part === 'updates' ? 'updates:draft' : 'solidarity:moderate'));
  const part: Part = parts.find((name) => name === params.get('part')) ?? parts[0] ?? 'updates';

  return (
    <Tabs
      variant="pills"
      value={part}
      onChange={(value) => setParams(value === 'solidarity' ? { tab: 'updates', part: value } : { tab: 'updates' }, { replace: true })}
      keepMounted={false}
    >
      <Group justify="space-between" mb="md" gap="sm">
        <Tabs.List>
          {parts.map((name) => (
            <Tabs.Tab key={name} value={name} rightSection={name === 'solidarity' ? <PendingSolidarityBadge caseId={props.caseId} /> : undefined}>
              {t(name === 'updates' ? 'solidarity.updatesTab' : 'solidarity.tab')}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {props.isPublic ? (
          <Anchor href={publicPageUrl(props.slug)} target="_blank" rel="noopener">
            <Group gap={4}>
              <IconWorld size={16} /> {t('publicCase.openPage')} <IconExternalLink size={14} />
            </Group>
          </Anchor>
        ) : (
          <Badge color="gray">{t('publicCase.notPublic')}</Badge>
        )}
      </Group>
      <Tabs.Panel value="updates">
        <CaseUpdatesTab caseId={props.caseId} />
      </Tabs.Panel>
      <Tabs.Panel value="solidarity">
        <SolidarityModeration caseId={props.caseId} />
      </Tabs.Panel>
    </Tabs>
  );
}
