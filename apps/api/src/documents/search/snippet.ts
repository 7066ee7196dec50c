import { snippetStart, snippetStop } from '@habeas/contracts';
import { newStemmer } from 'snowball-stemmers';

/** Only the start of a long text is looked at: the work per result stays bounded whatever the document's size. */
export const SNIPPET_SCAN_CHARS = 100_000;
/** A second fragment is looked for this far past the first one at most. */
const SECOND_HIT_WORDS = 2_000;
const STEM_CACHE_SIZE = 20_000;
const FRAGMENT_WORDS = 30;
const WORDS_BEFORE_HIT = 8;
const MAX_FRAGMENTS = 2;
const OPENING_WORDS = 20;

// The same Snowball algorithms as PostgreSQL's 'russian' and 'english' configurations, so a hit here is a hit there.
const stemmers = [newStemmer('russian'), newStemmer('english')];
const wordPattern = /[\p{L}\p{N}]+(?:[/.-][\p{L}\p{N}]+)*/gu;

interface Word {
  text: string;
  start: number;
  end: number;
}

export interface SnippetQuery {
  /** The searched words (planSearch().words). */
  words: string[];
  /** Words matched as substrings too (names and case numbers: planSearch().patterns without the %). */
  substrings: string[];
}

// Stemming is the costly step, and a corpus repeats its words: the stems of recent words are kept.
const stemCache = new Map<string, string[]>();

function stems(word: string): string[] {
  const lower = word.toLowerCase().replace(/ё/g, 'е');
  let found = stemCache.get(lower);
  if (!found) {
    found = stemmers.map((stemmer) => stemmer.stem(lower));
    if (stemCache.size >= STEM_CACHE_SIZE) stemCache.clear();
    stemCache.set(lower, found);
  }
  return found;
}

/** A matcher from the query: the Snowball stems of its words, and its substrings. */
function matcherFor(query: SnippetQuery): (word: string) => boolean {
  if (query.words.length === 0 && query.substrings.length === 0) return () => false;
  const wanted = new Set(query.words.flatMap(stems));
  // A word can only stem to a wanted stem if it starts with that stem's first letters: most words are rejected
  // by this cheap test before any stemming.
  const prefixes = [...wanted].map((stem) => stem.slice(0, 3));
  const substrings = query.substrings.map((s) => s.toLowerCase());
  return (word) => {
    const lower = word.toLowerCase();
    if (substrings.some((s) => lower.includes(s))) return true;
    const plain = lower.includes('ё') ? lower.replace(/ё/g, 'е') : lower;
    if (!prefixes.some((prefix) => plain.startsWith(prefix))) return false;
    return stems(plain).some((stem) => wanted.has(stem));
  };
}

function render(text: string, words: Word[], from: number, to: number, hits: Set<number>): string {
  const parts: string[] = [];
  for (let i = from; i < to; i++) {
    const word = words[i];
    if (i > from) parts.push(text.slice(words[i - 1].end, word.start).replace(/\s+/g, ' '));
    parts.push(hits.has(i) ? `${snippetStart}${word.text}${snippetStop}` : word.text);
  }
  return parts.join('');
}

/**
 * Up to two fragments of about thirty words around the first hits, hits between «« and »»; the opening words when
 * the text has no hit (the title matched), null for an empty text. Built from the decrypted text of one result;
 * `snippetsFor` prepares the query once for a whole page.
 */
export function snippetsFor(query: SnippetQuery): (fullText: string) => string | null {
  const matches = matcherFor(query);
  return (fullText) => {
    // The markers cannot come from the document itself.
    const text = fullText.slice(0, SNIPPET_SCAN_CHARS).replaceAll(snippetStart, '«').replaceAll(snippetStop, '»');
    const words: Word[] = [];
    const hits = new Set<number>();
    const fragments: Array<[number, number]> = [];
    for (const match of text.matchAll(wordPattern)) {
      const index = words.length;
      words.push({ text: match[0], start: match.index, end: match.index + match[0].length });
      const last = fragments[fragments.length - 1];
      if (last && index >= last[1] && (fragments.length === MAX_FRAGMENTS || index >= last[1] + SECOND_HIT_WORDS)) break;
      if (!matches(match[0])) continue;
      hits.add(index);
      if (!last || index >= last[1]) {
        const from = Math.max(last?.[1] ?? 0, index - WORDS_BEFORE_HIT);
        fragments.push([from, from + FRAGMENT_WORDS]);
      }
    }
    if (words.length === 0) return null;
    if (fragments.length === 0) return render(text, words, 0, Math.min(words.length, OPENING_WORDS), hits);
    return fragments.map(([from, to]) => render(text, words, from, Math.min(words.length, to), hits)).join(' … ');
  };
}

export function buildSnippet(fullText: string, query: SnippetQuery): string | null {
  return snippetsFor(query)(fullText);
}
