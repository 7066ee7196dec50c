import { Center, Loader } from '@mantine/core';
import { lazy, type ComponentType } from 'react';

/** A page loaded on first visit: `lazyPage(() => import('../features/x/XPage'), 'XPage')` (pages are named exports). */
export function lazyPage<M extends Record<K, ComponentType>, K extends keyof M & string>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

/** Shown for the moment a page's chunk is on its way. */
export function PageFallback() {
  return (
    <Center mih="40vh">
      <Loader />
    </Center>
  );
}
