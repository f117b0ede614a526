import { describe, expect, it } from 'vitest';
import { applySuggestion, findTrigger } from '../../../../renderer/src/features/timeline/suggestionTrigger.js';

describe('composer suggestions', () => {
  it('finds the hashtag being typed at the caret, even before a letter', () => {
    expect(findTrigger('Oefening #bh', 12)).toEqual({ kind: '#', query: 'bh', start: 9, end: 12 });
    expect(findTrigger('Oefening #', 10)).toEqual({ kind: '#', query: '', start: 9, end: 10 });
  });

  it('suggests people only from the first letter after @', () => {
    expect(findTrigger('Dank @', 6)).toBeNull();
    expect(findTrigger('Dank @an', 8)).toEqual({ kind: '@', query: 'an', start: 5, end: 8 });
  });

  it('ignores # and @ inside a word, such as an e-mail address', () => {
    expect(findTrigger('mail anna@zorg', 14)).toBeNull();
    expect(findTrigger('kamer12#3', 9)).toBeNull();
  });

  it('looks only at the word before the caret', () => {
    expect(findTrigger('#bhv en verder', 14)).toBeNull();
    expect(findTrigger('#bh en verder', 3)).toEqual({ kind: '#', query: 'bh', start: 0, end: 3 });
  });

  it('replaces the typed part with the choice and a space, and puts the caret after it', () => {
    const trigger = findTrigger('Zie #b morgen', 6)!;
    expect(applySuggestion('Zie #b morgen', trigger, 'bhv')).toEqual({ text: 'Zie #bhv morgen', caret: 9 });
    const mention = findTrigger('Hoi @an', 7)!;
    expect(applySuggestion('Hoi @an', mention, 'anna.devries')).toEqual({ text: 'Hoi @anna.devries ', caret: 18 });
  });
});
