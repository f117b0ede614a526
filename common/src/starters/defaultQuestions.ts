/**
 * The questions an organisation starts with, until its editors write their own: short, open, about
 * the work and the people, and answerable by anyone in a minute on a ward PC.
 */
export const DEFAULT_STARTER_QUESTIONS: readonly string[] = [
  'Hoe zorg jij voor een fijne werkdag?',
  'Welke kleine overwinning heb jij vandaag behaald?',
  'Waar heeft een cliënt of bewoner jou deze week mee aan het lachen gemaakt?',
  'Welke collega verdient deze week een compliment, en waarom?',
  'Wat heb je onlangs geleerd dat je collega’s ook zou helpen?',
  'Wat doe jij om even op te laden tijdens een drukke dienst?',
  'Welk hulpmiddel of handigheidje maakt jouw werk makkelijker?',
  'Wat ging er deze week anders dan gepland, en wat heb je ervan geleerd?',
  'Waar ben je trots op in jouw team?',
  'Welke vraag van een cliënt of familie is je bijgebleven?',
  'Hoe maak jij een nieuwe collega wegwijs?',
  'Wat zou jij morgen willen verbeteren als het aan jou lag?',
];
