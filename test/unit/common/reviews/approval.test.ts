import { describe, expect, it } from 'vitest';
import { isReviewer, needsApproval } from '../../../../common/src/reviews/approval.js';

describe('needsApproval', () => {
  it('asks approval where the organisation or the group wants it, of employees only', () => {
    expect(needsApproval(['employee'], {}, null)).toBe(false);
    expect(needsApproval(['employee'], { postApproval: true }, null)).toBe(true);
    expect(needsApproval(['employee'], {}, { postApproval: true })).toBe(true);
    expect(needsApproval(['employee'], {}, {})).toBe(false);
    expect(needsApproval(['employee'], null, null)).toBe(false);
  });

  it('lets coaches, editors and admins post straight away', () => {
    for (const role of ['coach', 'editor', 'admin'] as const) {
      expect(needsApproval(['employee', role], { postApproval: true }, { postApproval: true })).toBe(false);
      expect(isReviewer(['employee', role])).toBe(true);
    }
    expect(isReviewer(['employee'])).toBe(false);
  });
});
