import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { filingBlocks, inlineRuns } from '@habeas/contracts';

const MM = 72 / 25.4;
const PAGE = { width: 595.28, height: 841.89, left: 30 * MM, right: 15 * MM, top: 20 * MM, bottom: 20 * MM };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const SIZE = 14;
const LEADING = SIZE * 1.2;

const fonts: Record<string, Buffer> = {};
/** DejaVu Serif stands in for Times New Roman: it ships with the app and covers Cyrillic. */
function fontFile(name: 'DejaVuSerif' | 'DejaVuSerif-Bold'): Buffer {
  fonts[name] ??= readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`));
  return fonts[name];
}

const plain = (text: string) =>
  inlineRuns(text)
    .map((run) => run.text)
    .join('');

/** A PDF of a draft in the layout of a Russian filing (the same blocks as the DOCX), with page numbers. */
export async function filingPdf(draft: string, title: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setTitle(title);
  const regular = await pdf.embedFont(fontFile('DejaVuSerif'), { subset: true });
  const bold = await pdf.embedFont(fontFile('DejaVuSerif-Bold'), { subset: true });
  let page: PDFPage = pdf.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - PAGE.top;

  const ensureRoom = () => {
    if (y - LEADING >= PAGE.bottom) return;
    page = pdf.addPage([PAGE.width, PAGE.height]);
    y = PAGE.height - PAGE.top;
  };
  const wrap = (text: string, font: PDFFont, width: number, firstIndent = 0): string[] => {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      const room = width - (lines.length === 0 ? firstIndent : 0);
      if (line && font.widthOfTextAtSize(candidate, SIZE) > room) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    if (line || lines.length === 0) lines.push(line);
    return lines;
  };
  const write = (text: string, options: { x?: number; width?: number; font?: PDFFont; align?: 'left' | 'center' | 'right'; firstIndent?: number } = {}) => {
    const font = options.font ?? regular;
    const x = options.x ?? PAGE.left;
    const width = options.width ?? TEXT_WIDTH;
    wrap(text, font, width, options.firstIndent).forEach((line, index) => {
      ensureRoom();
      y -= LEADING;
      const lineWidth = font.widthOfTextAtSize(line, SIZE);
      const indent = index === 0 ? (options.firstIndent ?? 0) : 0;
      const left = options.align === 'center' ? x + (width - lineWidth) / 2 : options.align === 'right' ? x + width - lineWidth : x + indent;
      page.drawText(line, { x: left, y, size: SIZE, font });
    });
  };

  for (const block of filingBlocks(draft)) {
    switch (block.kind) {
      case 'addressee':
        for (const line of block.lines) write(plain(line), { x: PAGE.left + TEXT_WIDTH / 2, width: TEXT_WIDTH / 2 });
        break;
      case 'title':
        y -= LEADING;
        write(block.text, { font: bold, align: 'center' });
        break;
      case 'subtitle':
        write(plain(block.text), { align: 'center' });
        y -= LEADING / 2;
        break;
      case 'paragraph':
        write(plain(block.text), { firstIndent: 12.5 * MM });
        break;
      case 'item':
        write(`${block.marker} ${plain(block.text)}`, { firstIndent: 12.5 * MM });
        break;
      case 'signature':
        y -= LEADING;
        for (const row of block.rows) {
          y -= LEADING / 2;
          write(plain(row.left), { width: TEXT_WIDTH / 2 });
          if (row.right) {
            y += LEADING;
            write(plain(row.right), { x: PAGE.left + TEXT_WIDTH / 2, width: TEXT_WIDTH / 2, align: 'right' });
          }
        }
        break;
    }
  }

  const pages = pdf.getPages();
  pages.forEach((each, index) => {
    const label = String(index + 1);
    each.drawText(label, { x: PAGE.width / 2 - regular.widthOfTextAtSize(label, 11) / 2, y: PAGE.bottom / 2, size: 11, font: regular });
  });
  return Buffer.from(await pdf.save());
}
