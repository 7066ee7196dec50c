import { Button, Center } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function LoadMore(props: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown }) {
  const { t } = useTranslation();
  if (!props.hasNextPage) return null;
  return (
    <Center mt="md">
      <Button variant="light" loading={props.isFetchingNextPage} onClick={() => void props.fetchNextPage()}>
        {t('common.loadMore')}
      </Button>
    </Center>
  );
}
