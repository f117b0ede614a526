import { describe, expect, it } from 'vitest';
import { planQuery, splitCompound } from '../../../../common/src/search/query.js';
import { DEFAULT_SYNONYMS, synonymTable } from '../../../../common/src/search/synonyms.js';
import { MemoryVocabulary } from '../../../../common/src/search/vocabulary.js';

const vocab = new MemoryVocabulary(
  Object.entries({ salaris: 40, salarisstrook: 6, salad: 1, rooster: 30, roosterapp: 4, vakantie: 12, dag: 50, vakantiedag: 3, ziek: 20, meld: 15, ziekmeld: 5, verlof: 25, arbeid: 4, ongeval: 3, hand: 8, hygien: 2 }),
  500,
);
const synonyms = synonymTable(DEFAULT_SYNONYMS);
const plan = (q: string) => planQuery(q, vocab, synonyms);
const alternatives = (q: string) => plan(q).slots.map((s) => Object.fromEntries(s.alternatives.map((a) => [a.term, a.quality])));

describe('query planning', () => {
  it('looks up the stem of each word and drops the question around it', () => {
    expect(plan('hoe meld ik me ziek ').slots.map((s) => s.word)).toEqual(['meld', 'ziek']);
  });

  it('completes the word still being typed from the vocabulary, the most common completions first', () => {
    expect(alternatives('sal')).toEqual([{ sal: 100, salaris: 60, salarisstrook: 52, salad: 50 }]);
    // A space after the word: it is complete, nothing is added.
    expect(alternatives('sal ')).toEqual([{ sal: 100 }]);
  });

  it('corrects one typo in a word of five letters or more that no document holds', () => {
    expect(alternatives('salris ')).toEqual([{ salris: 100, salaris: 60 }]);
    expect(alternatives('roostr ')).toEqual([{ roostr: 100, rooster: 60 }]);
    // Four letters is too short to guess at.
    expect(alternatives('ziel ')).toEqual([{ ziel: 100 }]);
  });

  it('corrects a typo in an inflected word through the stems of its one-edit variants', () => {
    const v = new MemoryVocabulary([['antistol', 3]], 100);
    expect(planQuery('antistollng ', v, synonyms).slots[0]!.alternatives).toContainEqual({ term: 'antistol', quality: 60 });
  });

  it('adds compounds that end in the word, a little lower ("verlof" finds "ouderschapsverlof")', () => {
    const v = new MemoryVocabulary([['verlof', 10], ['ouderschapsverlof', 2], ['zorgverlof', 3], ['verlofdag', 4]], 100);
    expect(Object.fromEntries(planQuery('verlof ', v, new Map()).slots[0]!.alternatives.map((a) => [a.term, a.quality]))).toEqual({ verlof: 100, zorgverlof: 65, ouderschapsverlof: 65 });
  });

  it('adds the synonyms an organisation keeps', () => {
    expect(alternatives('loon ')).toEqual([{ lon: 100, salaris: 70 }]);
  });

  it('splits a compound into parts the vocabulary holds, each a slot the whole word also fills', () => {
    expect(alternatives('vakantiedagen ')).toEqual([
      { vakantiedag: 100, vakantie: 80 },
      { vakantiedag: 100, dag: 80 },
    ]);
    expect(splitCompound('arbeidsongeval', vocab)).toEqual(['arbeid', 'ongeval']);
    expect(splitCompound('handhygiene', vocab)).toEqual(['hand', 'hygien']);
    expect(splitCompound('salaris', vocab)).toBeNull();
  });

  it('joins two neighbouring words that together are an indexed word ("ziek melden" → ziekmelden)', () => {
    const [ziek, meld] = alternatives('ziek melden ');
    expect(ziek).toMatchObject({ ziek: 100, ziekmeld: 90 });
    expect(meld).toMatchObject({ meld: 100, ziekmeld: 90 });
  });

  it('weighs a rare word above a common one', () => {
    const { terms } = plan('vakantie dag ');
    const factor = (t: string) => terms.find((x) => x.term === t)!.factor;
    expect(factor('vakantie')).toBeGreaterThan(factor('dag'));
  });
});
