/**
 * Text as people search and type it: without accents, so "zoe" finds "Zoë" and a handle made from
 * "Sébastien" is plain ASCII. The one place accents are folded, for server, client and seed alike.
 */
export const foldAccents = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '');

/** Lower case without accents: the key names and words are compared by. */
export const searchKey = (s: string): string => foldAccents(s).toLowerCase();
