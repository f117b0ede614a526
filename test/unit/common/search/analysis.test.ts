import { describe, expect, it } from 'vitest';
import { analyse } from '../../../../common/src/search/analyse.js';
import { withinOneEdit } from '../../../../common/src/search/editDistance.js';
import { normalise, tokenise } from '../../../../common/src/search/normalise.js';
import { stem } from '../../../../common/src/search/stem.js';
import { DEFAULT_SYNONYMS, synonymTable } from '../../../../common/src/search/synonyms.js';

const terms = (text: string) => analyse(text).map((t) => t.term);

describe('Dutch text analysis shared by the server and the client', () => {
  it('folds case and accents, so "Cliënt" and "client" are one word', () => {
    expect(normalise('Cliënt')).toBe('client');
    expect(terms('Cliënt CLIENT cliënt')).toEqual(['client', 'client', 'client']);
    expect(terms('Handhygiëne')).toEqual(terms('handhygiene'));
    expect(normalise('Ĳsselmonde')).toBe('ijsselmonde');
  });

  it('keeps where each word stands in the original text, accents and all', () => {
    const text = 'De cliënt belt.';
    const [client] = tokenise(text).filter((t) => t.word === 'client');
    expect(text.slice(client!.start, client!.end)).toBe('cliënt');
  });

  it('gives a hyphenated word its parts and its whole, and takes an inflection after an apostrophe off', () => {
    expect(tokenise("e-mail foto's BHV’ers EVV'er").map((t) => t.word)).toEqual(['e', 'mail', 'email', 'foto', 'bhv', 'evv']);
  });

  it.each([
    ['roosters', 'rooster'],
    ['declaraties', 'declaratie'],
    ['salarissen', 'salaris'],
    ['protocollen', 'protocol'],
    ['categorieën', 'categorie'],
    ['vakanties', 'vakantie'],
    ['diensten', 'dienst'],
    ['wachtwoorden', 'wachtwoord'],
    ['betaaldata', 'betaaldatum'],
    ['werkuren', 'werkuur'],
  ])('finds the plural "%s" where the singular "%s" is written', (plural, singular) => {
    expect(terms(plural)).toEqual(terms(singular));
  });

  it('brings the forms of a verb together ("melden", "meld", "ziekmelding" and "ziekmelden")', () => {
    expect(stem('melden')).toBe(stem('meld'));
    expect(terms('ziekmelding')).toEqual(terms('ziekmelden'));
  });

  it('leaves Dutch stop words out, so a question becomes its subject', () => {
    expect(terms('Hoe meld ik me ziek?')).toEqual(['meld', 'ziek']);
    expect(terms('Wanneer wordt mijn salaris betaald')).toEqual(['salaris', 'betaald']);
  });

  it('counts one typo as one edit: a letter more, less, other, or two swapped', () => {
    expect(withinOneEdit('salris', 'salaris')).toBe(true);
    expect(withinOneEdit('roostr', 'rooster')).toBe(true);
    expect(withinOneEdit('verolf', 'verlof')).toBe(true);
    expect(withinOneEdit('salaros', 'salaris')).toBe(true);
    expect(withinOneEdit('slris', 'salaris')).toBe(false);
    expect(withinOneEdit('planning', 'plannen')).toBe(false);
  });

  it('reads synonyms by stem, so "lonen" finds what "loon" finds', () => {
    const table = synonymTable(DEFAULT_SYNONYMS);
    expect(table.get(stem('lonen'))).toEqual(['salaris']);
    expect(table.get(stem('vrij'))).toEqual(expect.arrayContaining(['verlof', 'vakantie']));
  });
});
