import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

/** Values a template may use, by dotted name: `case.title`, `person.name`, `facility.name`, `incident.occurredAt`, … */
export type TemplateFields = Record<string, string | null | undefined>;

export interface RenderedTemplate {
  text: string;
  /** Field names the template used that had no value; each is marked in the text, never left silently empty. */
  missing: string[];
}

const FIELD = /\{\{\s*([a-zA-Z][\w.]*)\s*\}\}/g;

/** The visible marker of a field without a value, so a reader of the draft sees what to fill in. */
export function missingMarker(name: string): string {
  return `[[${name}: ?]]`;
}

/** Fills `{{field}}` placeholders; pure. */
export function renderTemplate(body: string, fields: TemplateFields): RenderedTemplate {
  const missing = new Set<string>();
  const text = body.replace(FIELD, (_match, name: string) => {
    const value = fields[name];
    if (value === undefined || value === null || value.trim() === '') {
      missing.add(name);
      return missingMarker(name);
    }
    return value;
  });
  return { text, missing: [...missing] };
}

/** The field names a template uses, in order of first use. */
export function templateFieldNames(body: string): string[] {
  return [...new Set([...body.matchAll(FIELD)].map((match) => match[1]))];
}

function runs(line: string): TextRun[] {
  // **bold** is the only inline markup the templates use.
  return line
    .split(/(\*\*[^*]+\*\*)/)
    .filter(Boolean)
    .map((part) => (part.startsWith('**') && part.endsWith('**') ? new TextRun({ text: part.slice(2, -2), bold: true }) : new TextRun(part)));
}

/** A DOCX of a Markdown draft: headings, bullet lines and paragraphs. */
export async function markdownToDocx(markdown: string): Promise<Buffer> {
  const paragraphs = markdown.split(/\r?\n/).map((line) => {
    const heading = line.match(/^(#{1,3})\s+(.*)$/);
    if (heading) {
      const level = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][heading[1].length - 1];
      return new Paragraph({ heading: level, children: runs(heading[2]) });
    }
    const bullet = line.match(/^\s*[-*]\s+(.*)$/);
    if (bullet) return new Paragraph({ bullet: { level: 0 }, children: runs(bullet[1]) });
    return new Paragraph({ children: runs(line) });
  });
  const document = new Document({ creator: 'Habeas', sections: [{ children: paragraphs }] });
  return Packer.toBuffer(document);
}
