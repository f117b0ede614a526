import { amsterdamDay } from '../../../../common/src/time/amsterdamDay';

interface Reviewed {
  ownerId: string | null;
  reviewDate: string | null;
}

/** Past its review date, counted in Amsterdam days as the server's "verouderd" list counts them. */
export const isOverdue = (page: Reviewed, now: Date): boolean => page.reviewDate !== null && page.reviewDate < amsterdamDay(now);

/** The pages she owns that are past their review date, longest overdue first. */
export function overdueFor<P extends Reviewed>(pages: readonly P[], personId: string | null, now: Date): P[] {
  if (personId === null) return [];
  return pages.filter((p) => p.ownerId === personId && isOverdue(p, now)).sort((a, b) => (a.reviewDate! < b.reviewDate! ? -1 : a.reviewDate! > b.reviewDate! ? 1 : 0));
}
