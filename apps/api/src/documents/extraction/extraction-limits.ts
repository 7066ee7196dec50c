import type { TextIssue } from '@habeas/contracts';

/** Text is only extracted from files up to this size; bigger ones are marked failed ('too_large'). */
export const MAX_EXTRACT_BYTES = 30 * 1024 * 1024;
/** Extracted text kept for search; longer text is cut and marked 'truncated'. */
export const MAX_TEXT_CHARS = 2_000_000;

export interface ExtractionLimits {
  /** Resident memory of the parser process; it is killed above this. */
  memoryBytes: number;
  /** Wall time of one extraction, parser start to reply. */
  timeoutMs: number;
}

export const DEFAULT_EXTRACTION_LIMITS: ExtractionLimits = { memoryBytes: 512 * 1024 * 1024, timeoutMs: 60_000 };

/** What the parser process sends back over IPC. */
export type ChildReply =
  { status: 'done'; text: string; truncated: boolean } | { status: 'failed'; reason: Exclude<TextIssue, 'truncated' | 'memory' | 'timeout'>; message: string };
