import { bullets, page, pageLink, steps, table, type KbOrganisation, type KbPageText, type KbSectionText } from './knowledgeBaseTexts.js';

/** Leren en ontwikkelen: courses, registration, mandatory skills. */

interface Skill {
  title: string;
  what: string;
  who: string;
  how: string[];
  every: string;
}

/** Risky procedures (voorbehouden en risicovolle handelingen) that need a yearly proof of skill. */
const SKILLS: Skill[] = [
  { title: 'Bekwaamheid: injecteren', what: 'Subcutaan en intramusculair injecteren, onder meer insuline en antistolling.', who: 'verpleegkundigen en verzorgenden IG', how: ['e-learning Injecteren', 'praktijktoets met de praktijkopleider'], every: 'elk jaar' },
  { title: 'Bekwaamheid: katheteriseren', what: 'Het inbrengen en verzorgen van een verblijfskatheter en eenmalig katheteriseren.', who: 'verpleegkundigen en verzorgenden IG', how: ['e-learning Katheterisatie', 'oefenen op de pop in het leercentrum', 'praktijktoets'], every: 'elke 2 jaar' },
  { title: 'Bekwaamheid: sondevoeding', what: 'Het geven van sondevoeding en medicatie via een maagsonde of PEG-sonde.', who: 'verpleegkundigen en verzorgenden IG', how: ['e-learning Sondevoeding', 'praktijktoets'], every: 'elke 2 jaar' },
  { title: 'Bekwaamheid: zuurstof toedienen', what: 'Het toedienen van zuurstof via een neusbril of masker en het wisselen van cilinders.', who: 'alle zorgmedewerkers die met zuurstof werken', how: ['e-learning Zuurstof', 'instructie op de afdeling'], every: 'elke 2 jaar' },
  { title: 'Bekwaamheid: wondzorg', what: 'Het verzorgen van wonden volgens het wondprotocol, met aandacht voor decubitus.', who: 'verpleegkundigen en verzorgenden IG', how: ['e-learning Wondzorg', 'meekijken met de wondverpleegkundige'], every: 'elke 2 jaar' },
  { title: 'Bekwaamheid: reanimatie', what: 'Basale reanimatie en het gebruik van de AED, volgens de richtlijnen van de Reanimatieraad.', who: 'alle zorgmedewerkers', how: ['e-learning Reanimatie', 'praktijktraining van 2 uur'], every: 'elk jaar' },
  { title: 'Bekwaamheid: tilliften en transfers', what: 'Het veilig verplaatsen van cliënten met een actieve of passieve tillift.', who: 'alle zorgmedewerkers', how: ['instructie door de ergocoach', 'praktijktoets op de afdeling'], every: 'elke 2 jaar' },
];

function learningPages(o: KbOrganisation): KbPageText[] {
  return [
    {
      title: 'Een opleiding aanvragen',
      body: page(
        'Wil je een cursus of opleiding volgen? Bespreek het eerst met je leidinggevende, bijvoorbeeld in je jaargesprek.',
        steps(['Zoek de opleiding op in de leeromgeving of vraag de opleidingsadviseur om advies.', 'Bespreek met je leidinggevende wat de opleiding je werk oplevert.', 'Vraag de opleiding aan in de leeromgeving; je leidinggevende keurt goed.', 'De opleidingsadviseur schrijft je in en regelt de betaling.']),
        `Zie ook ${pageLink('Studiekosten en terugbetaling', 'Studiekosten en terugbetaling')} en ${pageLink('Studieverlof', 'Studieverlof')}.`,
      ),
    },
    {
      title: 'De leeromgeving',
      body: page(
        `In de leeromgeving van ${o.name} vind je alle e-learnings, klassikale trainingen en je eigen leerhistorie.`,
        bullets(['inloggen met je gewone account, zonder apart wachtwoord', 'verplichte e-learnings staan bovenaan bij Mijn leerplan', 'behaalde certificaten download je als pdf']),
        'E-learnings maak je in werktijd. Spreek met je planner af wanneer.',
      ),
    },
    {
      title: 'Verplichte scholing',
      body: page(
        'Sommige scholing is verplicht voor iedereen, of voor je functie. Zonder deze scholing mag je bepaalde handelingen niet doen.',
        table(
          ['Scholing', 'Voor wie', 'Hoe vaak'],
          [
            ['Handhygiëne', 'iedereen', 'elk jaar'],
            ['Brandveiligheid en ontruiming', 'iedereen', 'elk jaar'],
            ['Privacy en informatiebeveiliging', 'iedereen', 'elke 2 jaar'],
            ['Medicatieveiligheid', 'zorgmedewerkers die medicatie geven', 'elk jaar'],
            ['Reanimatie en AED', 'zorgmedewerkers', 'elk jaar'],
            ['BHV', 'BHV’ers', 'elk jaar'],
          ],
        ),
        `Zie ook ${pageLink('Voorbehouden en risicovolle handelingen', 'Voorbehouden en risicovolle handelingen')}.`,
      ),
    },
    {
      title: 'Voorbehouden en risicovolle handelingen',
      body: page(
        'Voorbehouden handelingen (zoals injecteren en katheteriseren) mag je alleen doen als je er bevoegd en bekwaam voor bent. Je bekwaamheid toon je elke periode opnieuw aan.',
        '## Bevoegd en bekwaam',
        bullets(['bevoegd: je opleiding en functie geven je het recht', 'bekwaam: je hebt de kennis en vaardigheid aangetoond met een toets', 'ben je niet bekwaam, dan doe je de handeling niet en vraag je een collega']),
        '## Handelingen',
        bullets(SKILLS.map((s) => pageLink(s.title.replace('Bekwaamheid: ', ''), s.title))),
      ),
    },
    ...SKILLS.map(
      (s): KbPageText => ({
        title: s.title,
        owner: 'quality',
        body: page(
          s.what,
          '## Voor wie',
          `Verplicht voor ${s.who}.`,
          '## Zo toon je je bekwaamheid aan',
          steps(s.how),
          '## Hoe vaak',
          `Je bekwaamheid geldt ${s.every === 'elk jaar' ? 'één jaar' : 'twee jaar'}; daarna toon je hem opnieuw aan. De leeromgeving herinnert je een maand van tevoren.`,
        ),
      }),
    ),
    {
      title: 'BIG-registratie',
      body: page(
        'Verpleegkundigen en andere BIG-geregistreerde zorgverleners moeten elke 5 jaar hun registratie vernieuwen (herregistratie).',
        bullets(['je moet in 5 jaar genoeg uren hebben gewerkt in je beroep', 'je registreert je opnieuw via het BIG-register', 'de kosten declareer je']),
        'Wij controleren bij indiensttreding en elk jaar of je registratie geldig is.',
      ),
    },
    {
      title: 'Kwaliteitsregister V&V',
      body: page(
        'In het Kwaliteitsregister Verpleegkundigen & Verzorgenden houd je bij welke scholing je volgt. Zo laat je zien dat je vakbekwaam blijft.',
        bullets(['e-learnings uit onze leeromgeving worden automatisch bijgeschreven', 'externe scholing voeg je zelf toe met het certificaat', 'je registratie loopt 5 jaar']),
      ),
    },
    {
      title: 'Leerlingen en stagiairs begeleiden',
      body: page(
        'Op veel afdelingen werken leerlingen (BBL) en stagiairs (BOL). Een werkbegeleider helpt hen in de praktijk.',
        bullets(['elke leerling heeft een vaste werkbegeleider op de afdeling', 'de praktijkopleider houdt contact met de school', 'werkbegeleiders krijgen een training van 2 dagdelen']),
        'Wil je werkbegeleider worden? Meld je bij de praktijkopleider.',
      ),
    },
    {
      title: 'Opleiden tot verpleegkundige (BBL)',
      body: page(
        'Ben je verzorgende en wil je verpleegkundige worden? Met een BBL-opleiding werk en leer je tegelijk.',
        bullets(['je werkt 24 tot 32 uur per week op je afdeling en gaat 1 dag per week naar school', 'wij betalen het lesgeld en de boeken', 'je tekent een studieovereenkomst']),
        'De selectie is twee keer per jaar. Meld je belangstelling bij de opleidingsadviseur.',
      ),
    },
  ];
}

export function learningSection(o: KbOrganisation): KbSectionText {
  return { title: 'Leren en ontwikkelen', owner: 'quality', pages: learningPages(o) };
}
