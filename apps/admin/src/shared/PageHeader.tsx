import { Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function PageHeader(props: { title: string; children?: ReactNode }) {
  return (
    <Group justify="space-between" mb="md">
      <Title order={2}>{props.title}</Title>
      <Group>{props.children}</Group>
    </Group>
  );
}
