import { Box } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A wide table on a narrow screen scrolls sideways instead of being cut off; the region takes keyboard focus and
 * has a name, so it can be scrolled without a mouse and a screen reader says what it holds.
 */
export function HorizontalScroll(props: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={props.label}>
      <Box miw={props.minWidth}>{props.children}</Box>
    </Box>
  );
}
