import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { declineFullName, surnameWithInitials } from './person-name';

describe('Russian names in filings', () => {
  const cases: Array<[string, Parameters<typeof declineFullName>[1], string]> = [
    ['Воронцов Владимир', 'genitive', 'Воронцова Владимира'],
    ['Воронцов Владимир', 'dative', 'Воронцову Владимиру'],
    ['Воронцов Владимир', 'instrumental', 'Воронцовым Владимиром'],
    ['Воронцов Владимир', 'nominative', 'Воронцов Владимир'],
    ['Белова Анна Сергеевна', 'genitive', 'Беловой Анны Сергеевны'],
    ['Белова Анна Сергеевна', 'dative', 'Беловой Анне Сергеевне'],
    ['Ковалёва Марина Викторовна', 'dative', 'Ковалёвой Марине Викторовне'],
    ['Королёв Пётр Семёнович', 'genitive', 'Королёва Петра Семёновича'],
  ];
  for (const [name, grammaticalCase, expected] of cases) {
    it(`declines ${name} in the ${grammaticalCase}`, () => assert.equal(declineFullName(name, grammaticalCase), expected));
  }

  it('leaves names in Latin script as written', () => {
    assert.equal(declineFullName('Vladimir Vorontsov', 'genitive'), 'Vladimir Vorontsov');
  });

  it('writes a surname with initials, declined when asked', () => {
    assert.equal(surnameWithInitials('Белова Анна Сергеевна'), 'Белова А. С.');
    assert.equal(surnameWithInitials('Белова Анна Сергеевна', 'genitive'), 'Беловой А. С.');
    assert.equal(surnameWithInitials('Ковалёва Марина Викторовна', 'dative'), 'Ковалёвой М. В.');
  });
});
