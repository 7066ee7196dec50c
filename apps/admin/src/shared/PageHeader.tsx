import { Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A page's title (its one h1) with the page's controls beside it; `order={2}` for a section inside a page. */
export function PageHeader(props: { title: string; order?: 1 | 2; children?: ReactNode }) {
  return (
    <Group justify="space-between" mb="md">
      <Title order={props.order ?? 1} size={props.order === 2 ? 'h3' : 'h2'}>
        {props.title}
      </Title>
      <Group>{props.children}</Group>
    </Group>
  );
}
