import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { PDFDocument, rgb } from 'pdf-lib';

let font: Buffer | undefined;

/** DejaVu Sans (from the dejavu-fonts-ttf package) covers Cyrillic, which the standard PDF fonts do not. */
function dejaVuSans(): Buffer {
  font ??= readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
  return font;
}

/** A one-page PDF with a title and paragraphs (any script DejaVu covers); the text is real and extractable. */
export async function renderPdf(title: string, paragraphs: string[]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setTitle(title);
  const face = await pdf.embedFont(dejaVuSans(), { subset: true });
  const page = pdf.addPage([595, 842]);
  let y = 790;
  page.drawText(title, { x: 50, y, size: 16, font: face, color: rgb(0.1, 0.1, 0.3) });
  y -= 32;
  for (const paragraph of paragraphs) {
    for (const line of wrap(paragraph, 85)) {
      page.drawText(line, { x: 50, y, size: 11, font: face });
      y -= 16;
    }
    y -= 8;
  }
  return Buffer.from(await pdf.save());
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if ((line + ' ' + word).trim().length > width) {
      lines.push(line);
      line = word;
    } else line = (line + ' ' + word).trim();
  }
  if (line) lines.push(line);
  return lines;
}
