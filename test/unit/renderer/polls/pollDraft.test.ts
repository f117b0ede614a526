import { describe, expect, it } from 'vitest';
import { checkDraft, emptyDraft, filledOptions } from '../../../../renderer/src/features/polls/pollDraft.js';

const now = new Date('2025-03-12T10:00:00.000Z');
const draft = (over: Partial<ReturnType<typeof emptyDraft>>) => ({ ...emptyDraft(), ...over });

describe('checking a poll before it is asked', () => {
  it('wants a question and at least two choices', () => {
    expect(checkDraft(emptyDraft(), now).errors).toMatchObject({ question: 'questionEmpty', options: 'tooFew' });
    expect(checkDraft(draft({ question: '  Koffie?  ', options: ['Ja', ''] }), now)).toMatchObject({ ok: false, errors: { options: 'tooFew' } });
  });

  it('leaves spare empty fields at the end out, but not a gap between choices', () => {
    const spare = draft({ question: 'Koffie?', options: ['Ja', 'Nee', '', ''] });
    expect(checkDraft(spare, now).ok).toBe(true);
    expect(filledOptions(spare)).toEqual(['Ja', 'Nee']);
    expect(checkDraft(draft({ question: 'Koffie?', options: ['Ja', '', 'Nee'] }), now).errors.option).toEqual({ 1: 'optionEmpty' });
  });

  it('refuses the same choice twice, whatever its capitals', () => {
    expect(checkDraft(draft({ question: 'Uitje?', options: ['Bowlen', ' bowlen '] }), now).errors.option).toEqual({ 1: 'duplicate' });
  });

  it('refuses more than ten choices and over-long text', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `Keuze ${i + 1}`);
    expect(checkDraft(draft({ question: 'Veel?', options: eleven }), now).errors.options).toBe('tooMany');
    expect(checkDraft(draft({ question: 'x'.repeat(301), options: ['a', 'b'] }), now).errors.question).toBe('questionTooLong');
    expect(checkDraft(draft({ question: 'Lang?', options: ['a', 'b'.repeat(121)] }), now).errors.option).toEqual({ 1: 'optionTooLong' });
  });

  it('refuses a closing time in the past', () => {
    expect(checkDraft(draft({ question: 'Wanneer?', options: ['Nu', 'Later'], closesAt: '2025-03-11T10:00' }), now).errors.closesAt).toBe('closesInPast');
    expect(checkDraft(draft({ question: 'Wanneer?', options: ['Nu', 'Later'], closesAt: '2025-03-20T10:00' }), now).ok).toBe(true);
  });
});
