import petrovich from 'petrovich';

export const grammaticalCases = ['nominative', 'genitive', 'dative', 'accusative', 'instrumental', 'prepositional'] as const;
export type GrammaticalCase = (typeof grammaticalCases)[number];

const CYRILLIC = /[А-Яа-яЁё]/;

/** A Russian full name as a filing writes it: "Фамилия Имя Отчество" (the patronymic may be absent). */
function parts(fullName: string): { last: string; first?: string; middle?: string } | null {
  const words = fullName.trim().split(/\s+/);
  if (words.length < 2 || words.length > 3 || !CYRILLIC.test(fullName)) return null;
  const [last, first, middle] = words;
  return { last, first, middle };
}

/** Petrovich's rules know "е", not "ё": decline with "е", then put each "ё" of the stem back. */
function withYo(original: string | undefined, declined: string | undefined): string | undefined {
  // Пётр is the one common name whose "ё" goes away when declined (Петра, Петру).
  if (!original || !declined || !/[ёЁ]/.test(original) || original === 'Пётр') return declined;
  const letters = [...declined];
  [...original].forEach((letter, index) => {
    if ((letter === 'ё' || letter === 'Ё') && letters[index]?.toLowerCase() === 'е') letters[index] = letter;
  });
  return letters.join('');
}

const noYo = (word: string | undefined) => word?.replace(/ё/g, 'е').replace(/Ё/g, 'Е');

function inflect(
  name: { last: string; first?: string; middle?: string },
  gender: ReturnType<typeof genderOf>,
  grammaticalCase: Exclude<GrammaticalCase, 'nominative'>,
) {
  const declined = petrovich({ gender, last: noYo(name.last), first: noYo(name.first), middle: noYo(name.middle) }, grammaticalCase);
  return { last: withYo(name.last, declined.last)!, first: withYo(name.first, declined.first), middle: withYo(name.middle, declined.middle) };
}

function genderOf(name: { middle?: string; last: string }): 'male' | 'female' | 'androgynous' {
  if (name.middle) {
    const gender = petrovich.detect_gender(name.middle);
    if (gender !== 'androgynous') return gender;
  }
  return /(ова|ева|ёва|ина|ына|ая|ская)$/i.test(name.last) ? 'female' : 'male';
}

/**
 * The full name in the grammatical case a slot of a filing needs («жалоба в интересах Воронцова Владимира»).
 * Names not written in Cyrillic "Фамилия Имя [Отчество]" order are left as written: they do not decline.
 */
export function declineFullName(fullName: string, grammaticalCase: GrammaticalCase): string {
  const name = parts(fullName);
  if (!name || grammaticalCase === 'nominative') return fullName.trim();
  const declined = inflect(name, genderOf(name), grammaticalCase);
  return [declined.last, declined.first, declined.middle].filter(Boolean).join(' ');
}

/** "Воронцов В. А." — surname with initials, as under a signature; declined when asked. */
export function surnameWithInitials(fullName: string, grammaticalCase: GrammaticalCase = 'nominative'): string {
  const name = parts(fullName);
  if (!name) return fullName.trim();
  const last = grammaticalCase === 'nominative' ? name.last : inflect({ last: name.last }, genderOf(name), grammaticalCase).last;
  const initials = [name.first, name.middle].filter(Boolean).map((word) => `${word![0]}.`);
  return [last, initials.join(' ')].filter(Boolean).join(' ');
}
