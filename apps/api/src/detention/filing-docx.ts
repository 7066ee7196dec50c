import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TabStopType, TextRun } from 'docx';
import { filingBlocks, inlineRuns, type FilingBlock } from '@habeas/contracts';

// Twentieths of a point: A4 with the margins Russian courts expect (30 mm left, 15 mm right, 20 mm top and bottom).
const MM = 56.7;
const PAGE = { width: 11906, height: 16838, left: Math.round(30 * MM), right: Math.round(15 * MM), top: Math.round(20 * MM), bottom: Math.round(20 * MM) };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const FONT = 'Times New Roman';
const SIZE = 28; // half-points: 14 pt
const LINE = 276; // 1.15 lines

const runs = (text: string) => inlineRuns(text).map((run) => new TextRun({ text: run.text, bold: run.bold }));

function paragraphs(block: FilingBlock): Paragraph[] {
  switch (block.kind) {
    case 'addressee':
      // The addressee block sits in the right half of the first page.
      return block.lines.map((line) => new Paragraph({ indent: { left: Math.round(TEXT_WIDTH * 0.5) }, children: runs(line) }));
    case 'title':
      return [
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 360, after: 60 }, children: [new TextRun({ text: block.text, bold: true })] }),
      ];
    case 'subtitle':
      return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: runs(block.text) })];
    case 'paragraph':
      return [new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: Math.round(12.5 * MM) }, children: runs(block.text) })];
    case 'item':
      return [
        new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: Math.round(12.5 * MM) }, children: runs(`${block.marker} ${block.text}`) }),
      ];
    case 'signature':
      return block.rows.map(
        (row, index) =>
          new Paragraph({
            spacing: { before: index === 0 ? 480 : 240 },
            tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
            children: [...runs(row.left), ...(row.right ? [new TextRun({ text: '\t' }), ...runs(row.right)] : [])],
          }),
      );
  }
}

/** A DOCX laid out as a Russian filing: addressee top right, centred title, Times New Roman 14, page numbers, signature and date lines. */
export async function filingDocx(draft: string, title: string): Promise<Buffer> {
  const document = new Document({
    creator: 'Habeas',
    title,
    styles: { default: { document: { run: { font: FONT, size: SIZE }, paragraph: { spacing: { line: LINE } } } } },
    sections: [
      {
        properties: {
          page: { size: { width: PAGE.width, height: PAGE.height }, margin: { left: PAGE.left, right: PAGE.right, top: PAGE.top, bottom: PAGE.bottom } },
        },
        footers: {
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] }),
        },
        children: filingBlocks(draft).flatMap(paragraphs),
      },
    ],
  });
  return Packer.toBuffer(document);
}
