import { describe, expect, it } from 'vitest';
import { DEFAULT_ORGANISATION_SETTINGS } from '../../../../common/src/api/entities.js';
import { CODE_ALPHABET, generateEnrolmentCode, hashEnrolmentCode, normaliseEnrolmentCode } from '../../../../server/src/devices/enrolmentCode.js';
import { settingsFromJson } from '../../../../server/src/people/serialize.js';

describe('enrolment codes', () => {
  it('are 8 characters shown as XXXX-XXXX, without 0/O or 1/I', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateEnrolmentCode();
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    }
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(CODE_ALPHABET).not.toMatch(/[01IO]/);
  });

  it('differ from one another', () => {
    const codes = new Set(Array.from({ length: 1000 }, generateEnrolmentCode));
    expect(codes.size).toBe(1000);
  });

  it('are forgiving in how they are typed: case, dash and spaces do not matter', () => {
    expect(normaliseEnrolmentCode(' abcd-efgh ')).toBe('ABCDEFGH');
    expect(hashEnrolmentCode('abcd efgh')).toBe(hashEnrolmentCode('ABCD-EFGH'));
    expect(hashEnrolmentCode('ABCD-EFGH')).not.toBe(hashEnrolmentCode('ABCD-EFGJ'));
    expect(hashEnrolmentCode('ABCD-EFGH')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('organisation settings as stored', () => {
  it('fill what is missing or invalid with the defaults', () => {
    expect(settingsFromJson(JSON.stringify(DEFAULT_ORGANISATION_SETTINGS))).toEqual(DEFAULT_ORGANISATION_SETTINGS);
    expect(settingsFromJson('{"pinAfterHours":8}')).toEqual({ ...DEFAULT_ORGANISATION_SETTINGS, pinAfterHours: 8 });
    expect(settingsFromJson('{"sharedIdleSeconds":1,"pinOnFirstTapOfDay":false}')).toEqual({ ...DEFAULT_ORGANISATION_SETTINGS, pinOnFirstTapOfDay: false });
    expect(settingsFromJson('not json')).toEqual(DEFAULT_ORGANISATION_SETTINGS);
  });
});
