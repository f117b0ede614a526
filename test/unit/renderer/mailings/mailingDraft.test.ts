import { describe, expect, it } from 'vitest';
import { blocksPreview, draftProblem, emptyDraft, matching, toBody, type MailingDraft } from '../../../../renderer/src/features/mailings/mailingDraft.js';

const now = new Date('2026-06-01T10:00:00Z');
const draft = (part: Partial<MailingDraft>): MailingDraft => ({ ...emptyDraft(), subject: 'Nieuws', postIds: ['p1'], ...part });

describe('what a mailing still needs before it can go', () => {
  it('asks for a subject first, then content, then whom it is for', () => {
    expect(draftProblem(emptyDraft(), now)).toBe('subject');
    expect(draftProblem(draft({ subject: '   ' }), now)).toBe('subject');
    expect(draftProblem(draft({ postIds: [] }), now)).toBe('content');
    expect(draftProblem(draft({ postIds: [], intro: 'Alleen een inleiding mag ook.' }), now)).toBeNull();
    expect(draftProblem(draft({ postIds: [], pollId: 'poll1' }), now)).toBeNull();
    expect(draftProblem(draft({ audience: 'groups' }), now)).toBe('targets');
    expect(draftProblem(draft({ audience: 'unconfirmed' }), now)).toBe('unconfirmedPost');
    expect(draftProblem(draft({ audience: 'unconfirmed', unconfirmedPostId: 'p9' }), now)).toBeNull();
  });

  it('wants a send time in the future, without holding back the preview and the count', () => {
    expect(draftProblem(draft({ when: 'later' }), now)).toBe('at');
    expect(draftProblem(draft({ when: 'later', at: '2026-05-31T09:00' }), now)).toBe('atPast');
    expect(draftProblem(draft({ when: 'later', at: '2026-06-02T09:00' }), now)).toBeNull();
    expect(blocksPreview('atPast')).toBe(false);
    expect(blocksPreview('targets')).toBe(true);
  });

  it('sends the audience the server expects for each choice', () => {
    expect(toBody(draft({})).audience).toEqual({ all: true });
    expect(toBody(draft({ audience: 'locations', targetIds: ['l1'] })).audience).toEqual({ locationIds: ['l1'] });
    expect(toBody(draft({ audience: 'departments', targetIds: ['d1'] })).audience).toEqual({ departmentIds: ['d1'] });
    expect(toBody(draft({ audience: 'unconfirmed', unconfirmedPostId: 'p9', mandatory: true }))).toMatchObject({ audience: { unconfirmedPostId: 'p9' }, mandatory: true });
  });

  it('sends the chosen poll, and no pollId at all without one, so the body stays what older servers take', () => {
    expect(toBody(draft({ pollId: 'poll1' })).pollId).toBe('poll1');
    expect(toBody(draft({}))).not.toHaveProperty('pollId');
  });
});

describe('finding a post or page to put in', () => {
  const items = [{ t: 'Cliëntenraad vergadert' }, { t: 'Nieuw rooster zomer' }, { t: 'Rooster winter' }];
  it('finds every word, whatever the accents or capitals', () => {
    expect(matching(items, 'clienten', (i) => i.t)).toEqual([items[0]]);
    expect(matching(items, 'ROOSTER zomer', (i) => i.t)).toEqual([items[1]]);
    expect(matching(items, '  ', (i) => i.t)).toEqual(items);
  });
});
