/** What of a document's text is kept readable for the trigram index: at most this many characters. */
export const MAX_TERMS_CHARS = 20_000;

const token = /[\p{L}\p{N}][\p{L}\p{N}№/.-]*[\p{L}\p{N}]/gu;
const identifier = /\p{N}/u;
const separatorOrLetter = /[\p{L}№/.-]/u;
const name = /^\p{Lu}[\p{L}-]{2,}$/u;

/**
 * The names (capitalised words) and identifiers (case and file numbers, dates: a digit plus a letter or separator)
 * of an extracted text, each once, in order of first appearance. They are stored beside the search vector, which
 * already holds every word of the text as a lexeme (docs/security.md says what that reveals).
 */
export function searchTermsOf(text: string): string {
  const seen = new Set<string>();
  let length = 0;
  for (const [word] of text.matchAll(token)) {
    const kept = (identifier.test(word) && separatorOrLetter.test(word)) || name.test(word);
    if (!kept || seen.has(word)) continue;
    if (length + word.length + 1 > MAX_TERMS_CHARS) break;
    seen.add(word);
    length += word.length + 1;
  }
  return [...seen].join(' ');
}
