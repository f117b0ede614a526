/** The Snowball stemmers (pure JavaScript, no Node or DOM), as far as the search analysis uses them. */
declare module 'snowball-stemmers' {
  export function newStemmer(language: string): { stem(word: string): string };
}
