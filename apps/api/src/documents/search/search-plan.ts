/** How one `?q=` is searched: full text always; a trigram match as well when the words look like names or case numbers. */
export interface SearchPlan {
  /** Given to websearch_to_tsquery (quotes, -word and "or" keep their meaning). */
  text: string;
  /** ILIKE patterns (all must match; the word shapes below admit no wildcard) over titles, courts, tags and the names/identifiers of the text; empty for other queries. */
  patterns: string[];
  /** Words to mark in snippets (excluded words and operators left out). */
  words: string[];
}

const MAX_TRIGRAM_WORDS = 4;
/** A case or file number: a digit and at least three characters ("3/2-2026-0508", "А40-12345/2026", "0508"). */
const identifier = /^(?=.*\p{N})[\p{L}\p{N}№/.-]{3,}$/u;
/** A capitalised word of three letters or more: a surname, a first name, a place or a court. */
const name = /^\p{Lu}[\p{L}-]{2,}$/u;

/**
 * Names decline in Russian and the stemmer cuts them unevenly ("Иванов" → иван, "Иванова" → иванов), and court
 * numbers split into several tokens, so for those queries a substring match over a trigram index joins the full text.
 * Common lower-case words never take that path: they stay on the cheap full-text indexes.
 */
export function planSearch(q: string): SearchPlan {
  const text = q.trim();
  const tokens = text.split(/\s+/).filter(Boolean);
  const words: string[] = [];
  let operators = false;
  for (const token of tokens) {
    if (token.startsWith('-') || /^or$/i.test(token)) {
      operators = true;
      continue;
    }
    if (token.includes('"')) operators = true;
    const word = token.replace(/"/g, '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (word) words.push(word);
  }
  const singleQuoted = tokens.length === 1 && /^"[^"\s]+"$/.test(tokens[0]);
  const trigram =
    (!operators || singleQuoted) && words.length > 0 && words.length <= MAX_TRIGRAM_WORDS && words.every((word) => identifier.test(word) || name.test(word));
  return { text, patterns: trigram ? words.map((word) => `%${word}%`) : [], words };
}
