import { Alert, Anchor, Button, Group, Image, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { solidarityStatus, type SolidarityPost, type SolidarityStatus } from '@habeas/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api';
import { ConfirmDialog } from '../../shared/ConfirmDialog';
import { useFormat } from '../../shared/format';
import { LoadMore } from '../../shared/LoadMore';
import { QueryState } from '../../shared/QueryState';
import { useSolidarityMutations, useSolidarityPosts } from './hooks';

/** The moderation queue of supporters' posts: any member of the case approves or rejects; a decision can be reversed. */
export function SolidarityModeration(props: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [status, setStatus] = useState<SolidarityStatus>('pending');
  const posts = useSolidarityPosts(props.caseId, status);
  const { approve, reject } = useSolidarityMutations(props.caseId);
  // The post being rejected stays set while the dialog closes, so its title does not change as it fades out.
  const [rejecting, setRejecting] = useState<SolidarityPost | null>(null);
  const [asking, setAsking] = useState(false);
  // `on` is a date without a time: shown as that calendar day wherever the reader is.
  const day = (post: SolidarityPost) => format.date(post.on, 'UTC');

  const failure = approve.error ?? reject.error;
  const ask = (post: SolidarityPost) => {
    setRejecting(post);
    setAsking(true);
  };
  const publish = (post: SolidarityPost) =>
    approve.mutate(post.id, { onSuccess: () => notifications.show({ color: 'green', message: t('solidarity.approved') }) });
  const confirmReject = () =>
    rejecting &&
    reject.mutate(rejecting.id, {
      onSuccess: () => {
        notifications.show({ message: t(rejecting.status === 'approved' ? 'solidarity.withdrawn' : 'solidarity.rejected') });
        setAsking(false);
      },
    });

  return (
    <Stack>
      <Text size="sm" c="dimmed" maw={720}>
        {t('solidarity.hint')}
      </Text>
      <SegmentedControl
        aria-label={t('solidarity.show')}
        value={status}
        onChange={(value) => setStatus(value as SolidarityStatus)}
        data={solidarityStatus.options.map((value) => ({ value, label: t(`solidarity.statuses.${value}`) }))}
        w="fit-content"
        maw="100%"
      />
      {failure && <Alert color="red">{failure instanceof ApiError && failure.status === 409 ? t('solidarity.alreadyDecided') : failure.message}</Alert>}
      <QueryState isLoading={posts.isLoading} error={posts.error} isEmpty={posts.items.length === 0} empty={t(`solidarity.empty.${status}`)}>
        <Stack gap="sm">
          {posts.items.map((post) => (
            <Paper key={post.id} withBorder p="md" data-testid="solidarity-post">
              <Group align="flex-start" wrap="nowrap" gap="md">
                {post.photoUrl && (
                  <Anchor href={post.photoUrl} target="_blank" rel="noopener" title={t('solidarity.openPhoto')} style={{ flexShrink: 0 }}>
                    <Image src={post.photoUrl} alt={t('solidarity.photoAlt', { date: day(post) })} w={96} h={96} fit="cover" radius="sm" />
                  </Anchor>
                )}
                <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
                  <Text size="sm" c="dimmed">
                    {t('solidarity.posted', { date: day(post) })}
                  </Text>
                  <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{post.message}</Text>
                  <Group gap="xs">
                    {post.status !== 'approved' && (
                      <Button size="xs" onClick={() => publish(post)} loading={approve.isPending && approve.variables === post.id}>
                        {t(post.status === 'pending' ? 'solidarity.approve' : 'solidarity.publishAnyway')}
                      </Button>
                    )}
                    {post.status !== 'rejected' && (
                      <Button size="xs" variant="light" color="red" onClick={() => ask(post)}>
                        {t(post.status === 'pending' ? 'solidarity.reject' : 'solidarity.withdraw')}
                      </Button>
                    )}
                  </Group>
                </Stack>
              </Group>
            </Paper>
          ))}
          <LoadMore hasNextPage={posts.hasNextPage} isFetchingNextPage={posts.isFetchingNextPage} fetchNextPage={posts.fetchNextPage} />
        </Stack>
      </QueryState>
      <ConfirmDialog
        opened={asking}
        title={t(rejecting?.status === 'approved' ? 'solidarity.withdrawTitle' : 'solidarity.rejectTitle')}
        message={t(rejecting?.status === 'approved' ? 'solidarity.withdrawText' : 'solidarity.rejectText')}
        confirmLabel={t(rejecting?.status === 'approved' ? 'solidarity.withdraw' : 'solidarity.reject')}
        danger
        loading={reject.isPending}
        onConfirm={confirmReject}
        onClose={() => setAsking(false)}
      />
    </Stack>
  );
}
