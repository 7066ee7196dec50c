import { dirname, join } from 'node:path';

// pdfmake ships no types for its 0.3 server build; this is the part we use.
interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  setLocalAccessPolicy(allow: (path: string) => boolean): void;
  createPdf(definition: Record<string, unknown>): { getBuffer(): Promise<Buffer> };
}

let pdfmake: PdfMake | undefined;

/**
 * pdfmake with DejaVu (covers Cyrillic) and no way to reach anything else: no URLs, and of the local disk
 * only the font files, so nothing in a document's text can make the renderer read a file or call a host.
 */
function renderer(): PdfMake {
  if (pdfmake) return pdfmake;
  const fonts = dirname(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
  const face = (name: string) => join(fonts, `${name}.ttf`);
  const instance = require('pdfmake') as PdfMake;
  instance.setFonts({
    DejaVuSans: { normal: face('DejaVuSans'), bold: face('DejaVuSans-Bold'), italics: face('DejaVuSans-Oblique'), bolditalics: face('DejaVuSans-BoldOblique') },
    DejaVuSansMono: {
      normal: face('DejaVuSansMono'),
      bold: face('DejaVuSansMono-Bold'),
      italics: face('DejaVuSansMono-Oblique'),
      bolditalics: face('DejaVuSansMono-BoldOblique'),
    },
  });
  instance.setUrlAccessPolicy(() => false);
  instance.setLocalAccessPolicy((path) => path.startsWith(fonts));
  pdfmake = instance;
  return instance;
}

/** Renders a pdfmake document definition to PDF bytes. */
export function renderPdfDocument(definition: Record<string, unknown>): Promise<Buffer> {
  return renderer().createPdf(definition).getBuffer();
}
