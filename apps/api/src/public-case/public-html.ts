/** The small shared shell of the server-rendered public pages (case page, family intake, subscriptions). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Plain text as paragraphs, every character escaped. */
export function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((block) => `<p>${escapeHtml(block).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

const STYLE = `body{font:17px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1a1b1e;background:#fff}
header,main,footer{max-width:720px;margin:0 auto;padding:0 16px}
header{padding-top:20px;display:flex;justify-content:space-between;gap:12px;align-items:baseline}
h1{font-size:1.7rem;line-height:1.25;margin:.2em 0 .4em}h2{font-size:1.25rem;margin:1.6em 0 .5em}h3{font-size:1.05rem;margin:1em 0 .2em}
a{color:#1c4fb8}.date{color:#4a4f57;font-size:.9rem;margin:0}ul{padding-left:1.2em}li{margin:.5em 0}
.donate,button{display:inline-block;background:#1c4fb8;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600;border:0;font:inherit;font-weight:600;cursor:pointer}
article{border-top:1px solid #dee2e6;padding-top:4px}footer{color:#4a4f57;font-size:.85rem;padding-bottom:32px;margin-top:2em}
label{display:block;font-weight:600;margin:14px 0 4px}.hint{display:block;font-weight:400;color:#4a4f57;font-size:.9rem}
input[type=text],input[type=email],textarea,select{box-sizing:border-box;width:100%;font:inherit;padding:10px;border:1px solid #868e96;border-radius:8px}
textarea{min-height:8em}input[type=file]{font:inherit;max-width:100%}form p{margin:.6em 0}
.notice{background:#f1f3f5;border-radius:8px;padding:12px 16px}.error{background:#fff0f0;border:1px solid #c92a2a;border-radius:8px;padding:12px 16px}
.code{font:700 1.6rem/1.3 ui-monospace,Menlo,Consolas,monospace;letter-spacing:.08em;background:#f1f3f5;padding:10px 14px;border-radius:8px;display:inline-block}
figure{margin:12px 0}figure img{max-width:100%;height:auto;border-radius:8px}`;

export interface HtmlPage {
  language: 'ru' | 'en';
  title: string;
  body: string;
  /** The same page in the other language. */
  other?: { language: 'ru' | 'en'; href: string };
  head?: string;
  footer?: string;
  /** Pages reached by a secret link stay out of search engines and referrers. */
  secret?: boolean;
}

/** One small HTML document, readable without JavaScript, with no external resources. */
export function htmlPage(page: HtmlPage): string {
  const other = page.other
    ? `<nav><a href="${escapeHtml(page.other.href)}" lang="${page.other.language}" hreflang="${page.other.language}">${page.other.language === 'ru' ? 'Русский' : 'English'}</a></nav>`
    : '';
  return `<!doctype html>
<html lang="${page.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${page.secret ? '<meta name="robots" content="noindex, nofollow">\n<meta name="referrer" content="no-referrer">\n' : ''}<title>${escapeHtml(page.title)}</title>
${page.head ?? ''}
<style>
${STYLE}
</style>
</head>
<body>
<header><span>Habeas</span>${other}</header>
<main>
${page.body}
</main>
${page.footer ? `<footer>${page.footer}</footer>` : ''}
</body>
</html>`;
}

/** ?lang= first, then the browser's Accept-Language; Russian when neither says English. */
export function languageOf(query: { lang?: 'ru' | 'en' }, acceptLanguage: string | undefined): 'ru' | 'en' {
  if (query.lang) return query.lang;
  return /^\s*en\b/i.test(acceptLanguage ?? '') ? 'en' : 'ru';
}
