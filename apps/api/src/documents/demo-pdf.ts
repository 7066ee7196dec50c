import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { PDFDocument, PDFFont, PDFPage, rgb } from 'pdf-lib';

let font: Buffer | undefined;

/** DejaVu Sans (from the dejavu-fonts-ttf package) covers Cyrillic, which the standard PDF fonts do not. */
function dejaVuSans(): Buffer {
  font ??= readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
  return font;
}

const PAGE: [number, number] = [595, 842];
const MARGIN = 50;
const TITLE_SIZE = 16;
const TEXT_SIZE = 11;

/** A PDF with a title and paragraphs (any script DejaVu covers); lines wrap by measured width and run onto new pages. */
export async function renderPdf(title: string, paragraphs: string[]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setTitle(title);
  const face = await pdf.embedFont(dejaVuSans(), { subset: true });
  const width = PAGE[0] - 2 * MARGIN;
  let page: PDFPage = pdf.addPage(PAGE);
  let y = PAGE[1] - MARGIN;
  const draw = (line: string, size: number, gap: number, color = rgb(0, 0, 0)) => {
    if (y - size < MARGIN) {
      page = pdf.addPage(PAGE);
      y = PAGE[1] - MARGIN;
    }
    y -= size;
    page.drawText(line, { x: MARGIN, y, size, font: face, color });
    y -= gap;
  };
  for (const line of wrapToWidth(title, face, TITLE_SIZE, width)) draw(line, TITLE_SIZE, 6, rgb(0.1, 0.1, 0.3));
  y -= 14;
  for (const paragraph of paragraphs) {
    for (const line of wrapToWidth(paragraph, face, TEXT_SIZE, width)) draw(line, TEXT_SIZE, 5);
    y -= 8;
  }
  return Buffer.from(await pdf.save());
}

/** Greedy line breaking by the font's advance widths; a word wider than the line is cut by characters. */
export function wrapToWidth(text: string, face: Pick<PDFFont, 'widthOfTextAtSize'>, size: number, width: number): string[] {
  const fits = (candidate: string) => face.widthOfTextAtSize(candidate, size) <= width;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    let rest = word;
    while (!fits(rest)) {
      let cut = rest.length - 1;
      while (cut > 1 && !fits(rest.slice(0, cut))) cut -= 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}
