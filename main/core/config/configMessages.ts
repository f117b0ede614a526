/**
 * The config's problems in Dutch, for the IT staff of a Dutch care organisation; the schemas say them
 * in English (also shown). Each English message the schemas and the file reader give has its Dutch
 * line here; `configMessages.test.ts` fails when one is missing.
 */
const DUTCH: [RegExp, string][] = [
  [/^is required$/, 'ontbreekt'],
  [/^is not a known setting$/, 'is geen bekende instelling (tikfout?)'],
  [/^not found$/, 'niet gevonden'],
  [/^cannot be read \((.*)\)$/, 'kan niet worden gelezen ($1)'],
  [/^is not valid JSON \((.*)\)$/, 'is geen geldige JSON ($1)'],
  [/^must hold a JSON object$/, 'moet één JSON-object bevatten'],
  [/^must be an http:\/\/ or https:\/\/ URL$/, 'moet een adres zijn dat met http:// of https:// begint'],
  [/^must be https:\/\/ \(http:\/\/ only on this computer itself: (.*)\)$/, 'moet met https:// beginnen (http:// alleen op deze computer zelf: $1)'],
  [/^must be one of (.*)$/, 'moet een van deze waarden zijn: $1'],
  [/^must be a slug: lower-case letters, digits and hyphens$/, 'moet een korte naam zijn: kleine letters, cijfers en streepjes'],
  [/^must be true or false$/, 'moet true of false zijn'],
  [/^must not be empty$/, 'mag niet leeg zijn'],
  [/^must be a time HH:MM$/, 'moet een tijd UU:MM zijn'],
  [/^must be an object with from and to \(HH:MM\)$/, 'moet een object met from en to (UU:MM) zijn'],
  [/^must be an object with (.*)$/, 'moet een object zijn met $1'],
  [/^must be a number of (seconds|hours|characters|milliseconds)$/, 'moet een aantal $1 zijn'],
  [/^must be (?:whole|a whole number of) (seconds|hours|characters|milliseconds)$/, 'moet een heel aantal $1 zijn'],
  [/^must be at least (\d+) characters$/, 'moet minstens $1 tekens lang zijn'],
  [/^must be at most (\d+) characters$/, 'mag hoogstens $1 tekens lang zijn'],
  [/^must be at least (\d+), the shortest badge id$/, 'moet minstens $1 zijn, het kortste pasnummer'],
  [/^must be at most (\d+), the longest badge id$/, 'mag hoogstens $1 zijn, het langste pasnummer'],
  [/^must be at most (\d+) ms, or fast typing is taken for a reader$/, 'mag hoogstens $1 ms zijn, anders lijkt snel typen op een paslezer'],
  [/^must be at least (\d+)( ms| seconds| hours| %)?$/, 'moet minstens $1$2 zijn'],
  [/^must be at most (\d+)( ms| seconds| hours| %)?$/, 'mag hoogstens $1$2 zijn'],
];

const UNITS: Record<string, string> = { seconds: 'seconden', hours: 'uren', characters: 'tekens', milliseconds: 'milliseconden', ' seconds': ' seconden', ' hours': ' uur' };

/** The Dutch for one of the config's English messages; an unknown one still says which field is wrong. */
export function dutchConfigMessage(english: string): string {
  for (const [pattern, dutch] of DUTCH) {
    const m = pattern.exec(english);
    if (m) return dutch.replace(/\$(\d)/g, (_, i: string) => UNITS[m[Number(i)] ?? ''] ?? m[Number(i)] ?? '');
  }
  return `is niet goed (${english})`;
}
