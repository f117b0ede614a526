import { createContext, useContext } from 'react';

/**
 * The timeline shown on a shared device's lock screen while offline: organisation-wide posts to
 * read, without the composer, likes, replies or person cards, which all need someone logged in.
 */
export const ReadOnlyContext = createContext(false);

export function useReadOnly(): boolean {
  return useContext(ReadOnlyContext);
}
