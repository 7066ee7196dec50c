import { Badge, Group, MultiSelect, Text, Timeline } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEventText } from '../../../shared/eventText';
import { useFormat } from '../../../shared/format';
import { LoadMore } from '../../../shared/LoadMore';
import { QueryState } from '../../../shared/QueryState';
import { useTimeline } from '../hooks';

const shownTypes = ['hearing', 'deadline', 'custody', 'filing', 'medical_incident', 'money'] as const;

export function TimelineTab(props: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const eventText = useEventText();
  const [types, setTypes] = useState<string[]>([]);
  const items = useTimeline(props.caseId, types);
  return (
    <>
      <Group mb="md">
        <MultiSelect
          aria-label={t('cases.timeline.filter')}
          placeholder={t('cases.timeline.filter')}
          clearable
          value={types}
          onChange={setTypes}
          data={shownTypes.map((value) => ({ value, label: t(`cases.timeline.types.${value}`) }))}
          w={420}
        />
      </Group>
      <QueryState isLoading={items.isLoading} error={items.error} isEmpty={items.items.length === 0} empty={t('cases.timeline.empty')}>
        <Timeline bulletSize={14} lineWidth={2} data-testid="timeline">
          {items.items.map((item) => (
            <Timeline.Item
              key={`${item.type}:${item.ref}`}
              title={
                <Group gap="xs">
                  <Badge size="sm" variant="light">
                    {t(`cases.timeline.types.${item.type}`, { defaultValue: item.type })}
                  </Badge>
                  <Text size="sm">{eventText(item.event, item.params)}</Text>
                </Group>
              }
            >
              <Text size="xs" c="dimmed">
                {format.dateTime(item.at)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
        <LoadMore {...items} />
      </QueryState>
    </>
  );
}
