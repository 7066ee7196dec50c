import type { UpdateDocumentRequest } from '@habeas/contracts';

/** The fields whose old and new values the audit log keeps for a document edit (metadata, never contents). */
const TRACKED = ['title', 'kind', 'status', 'filedAt', 'court'] as const;

type Tracked = Partial<Record<(typeof TRACKED)[number], string | Date | null>>;

const plain = (value: string | Date | null | undefined) => (value instanceof Date ? value.toISOString() : (value ?? null));

/** `{ title: { from, to } }` for each tracked field the patch really changes. */
export function changesOf(before: Tracked, patch: UpdateDocumentRequest): Record<string, { from: string | null; to: string | null }> {
  const changes: Record<string, { from: string | null; to: string | null }> = {};
  for (const field of TRACKED) {
    if (patch[field] === undefined) continue;
    const from = plain(before[field]);
    const to = plain(patch[field]);
    if (from !== to) changes[field] = { from, to };
  }
  return changes;
}
