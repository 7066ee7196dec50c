import { useInfiniteQuery } from '@tanstack/react-query';
import type { Page } from '@habeas/contracts';
import { api } from './api';

type Query = Record<string, string | number | boolean | undefined | null>;

/** A cursor-paginated list (`{items, nextCursor}`), with "load more". */
export function usePaged<T>(key: readonly unknown[], path: string, query: Query = {}, options: { enabled?: boolean; refetchInterval?: number } = {}) {
  const result = useInfiniteQuery({
    queryKey: [...key, query],
    queryFn: ({ pageParam }) => api<Page<T>>(path, { query: { ...query, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: options.enabled,
    refetchInterval: options.refetchInterval,
  });
  const items = result.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...result, items };
}
