/** How one `?q=` is searched: full text always; a trigram match as well when the words look like names or case numbers. */
export interface SearchPlan {
  /** Given to websearch_to_tsquery (quotes, -word and "or" keep their meaning). */
  text: string;
  /** Lower-case LIKE patterns (all must match) over titles, courts, tags and the names of the text; empty unless a name is searched. */
  patterns: string[];
  /** Lower-case case or file numbers, whole or a part between separators, each a lexeme of the search vector; empty unless only numbers are searched. */
  numbers: string[];
  /** Words to mark in snippets (excluded words and operators left out). */
  words: string[];
}

const MAX_SPECIAL_WORDS = 4;
/** A case or file number: a digit and at least three characters ("3/2-2026-0508", "А40-12345/2026", "0508"). */
const identifier = /^(?=.*\p{N})[\p{L}\p{N}№/.-]{3,}$/u;
/** A capitalised word of three letters or more: a surname, a first name, a place or a court. */
const name = /^\p{Lu}[\p{L}-]{2,}$/u;

/**
 * Names decline in Russian and the stemmer cuts them unevenly ("Иванов" → иван, "Иванова" → иванов): for names a
 * substring match over a trigram index joins the full text. Court numbers split into several tokens: a query of
 * numbers only looks them up, whole or by a part between separators, as lexemes the app added to the vector.
 * Common lower-case words take neither path: they stay on the cheap full-text indexes.
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
  const plain = (!operators || singleQuoted) && words.length > 0 && words.length <= MAX_SPECIAL_WORDS;
  const numbers = plain && words.every((word) => identifier.test(word)) ? words.map((word) => word.toLowerCase()) : [];
  const names = plain && numbers.length === 0 && words.every((word) => identifier.test(word) || name.test(word));
  return { text, patterns: names ? words.map((word) => `%${word.toLowerCase()}%`) : [], numbers, words };
}
