/**
 * The layout of a Russian filing, read from a draft's plain text:
 *   `> line`        the addressee block, top right (to whom, from whom)
 *   `# TITLE`       the centred title; `## …` a centred subtitle under it
 *   `1. …` / `- …`  items of the request
 *   `---`           starts the signature block: each line `left | right` (date | signature)
 *   anything else   a justified paragraph with a first-line indent; blank lines separate paragraphs
 */
export type FilingBlock =
  | { kind: 'addressee'; lines: string[] }
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'item'; marker: string; text: string }
  | { kind: 'signature'; rows: Array<{ left: string; right: string }> };

export function filingBlocks(draft: string): FilingBlock[] {
  const blocks: FilingBlock[] = [];
  let inSignature = false;
  for (const raw of draft.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const last = blocks.at(-1);
    if (inSignature) {
      if (!line.trim()) continue;
      const [left, right = ''] = line.split('|').map((part) => part.trim());
      if (last?.kind === 'signature') last.rows.push({ left, right });
      continue;
    }
    if (/^-{3,}$/.test(line.trim())) {
      inSignature = true;
      blocks.push({ kind: 'signature', rows: [] });
      continue;
    }
    const addressee = line.match(/^>\s?(.*)$/);
    if (addressee) {
      if (last?.kind === 'addressee') last.lines.push(addressee[1]);
      else blocks.push({ kind: 'addressee', lines: [addressee[1]] });
      continue;
    }
    const heading = line.match(/^(#{1,3})\s+(.*)$/);
    if (heading) {
      blocks.push({ kind: heading[1].length === 1 ? 'title' : 'subtitle', text: heading[2] });
      continue;
    }
    const item = line.match(/^\s*(\d+[.)]|[-*])\s+(.*)$/);
    if (item) {
      blocks.push({ kind: 'item', marker: /\d/.test(item[1]) ? item[1] : '—', text: item[2] });
      continue;
    }
    if (!line.trim()) continue;
    blocks.push({ kind: 'paragraph', text: line.trim() });
  }
  return blocks;
}

/** `**bold**` is the only inline markup; parts alternate plain and bold. */
export function inlineRuns(text: string): Array<{ text: string; bold: boolean }> {
  return text
    .split(/(\*\*[^*]+\*\*)/)
    .filter(Boolean)
    .map((part) => (part.startsWith('**') && part.endsWith('**') ? { text: part.slice(2, -2), bold: true } : { text: part, bold: false }));
}
