import type { Category } from '../../../common/src/api/entities.js';

/** The stored list, or none when it is unreadable (a broken list must not break every login). */
export function categoriesFromJson(text: string | undefined): Category[] {
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? (parsed as Category[]) : [];
  } catch {
    return [];
  }
}
