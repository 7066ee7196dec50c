declare module 'petrovich' {
  type Gender = 'male' | 'female' | 'androgynous';
  type GrammaticalCase = 'genitive' | 'dative' | 'accusative' | 'instrumental' | 'prepositional';
  interface Person {
    gender?: Gender;
    first?: string;
    middle?: string;
    last?: string;
  }
  interface Petrovich {
    (person: Person, gcase: GrammaticalCase): Person & { gender: Gender };
    detect_gender(middle: string): Gender;
  }
  const petrovich: Petrovich;
  export = petrovich;
}
