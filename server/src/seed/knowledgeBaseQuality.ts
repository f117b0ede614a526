import { bullets, page, pageLink, steps, table, type KbOrganisation, type KbPageText, type KbSectionText } from './knowledgeBaseTexts.js';

/** Kwaliteit en veiligheid, and the forms staff fill in. */

function qualityPages(o: KbOrganisation): KbPageText[] {
  return [
    {
      title: 'Een incident melden (MIC)',
      body: page(
        'Een MIC-melding (melding incident cliënt) doe je als er bij de zorg aan een cliënt iets mis ging of bijna mis ging: een val, een medicatiefout, een verkeerde maaltijd.',
        '## Waarom melden?',
        'We leren van incidenten. Een melding is niet bedoeld om iemand de schuld te geven, maar om de zorg veiliger te maken.',
        '## Zo meld je',
        steps(['Zorg eerst voor de cliënt.', 'Open het MIC-formulier in het ECD bij de cliënt.', 'Beschrijf feitelijk wat er gebeurde, wanneer en wat je deed.', 'Verstuur de melding; je leidinggevende en de MIC-commissie zien hem.']),
        `Zie ook ${pageLink('Wat doet de MIC-commissie?', 'Wat doet de MIC-commissie?')}.`,
      ),
    },
    {
      title: 'Een incident melden (MIM)',
      body: page(
        'Een MIM-melding (melding incident medewerker) doe je als jou of een collega iets overkomt tijdens het werk: agressie, een prikaccident, een val of een bijna-ongeluk.',
        steps(['Zorg eerst voor je eigen veiligheid en die van anderen.', 'Meld het aan je leidinggevende.', 'Vul het MIM-formulier in via het servicedeskportaal.', 'Je leidinggevende neemt binnen een week contact met je op.']),
        `Zie ook ${pageLink('Agressie en ongewenst gedrag van cliënten of bezoekers', 'Agressie en ongewenst gedrag van cliënten of bezoekers')}.`,
      ),
    },
    {
      title: 'Wat doet de MIC-commissie?',
      body: page(
        'De MIC-commissie bekijkt elke maand alle meldingen. Ze zoekt naar patronen en stelt verbeteringen voor.',
        bullets(['de commissie bestaat uit zorgmedewerkers, een kwaliteitsadviseur en een arts', 'elk kwartaal verschijnt een rapport met de belangrijkste lessen', 'je kunt je aanmelden als lid']),
      ),
    },
    {
      title: 'Calamiteiten',
      body: page(
        'Een calamiteit is een incident met ernstig letsel of overlijden van een cliënt. Een calamiteit melden we binnen 3 werkdagen bij de Inspectie Gezondheidszorg en Jeugd (IGJ).',
        steps(['Meld het direct bij je leidinggevende en de leidinggevende van dienst.', 'Doe ook een MIC-melding.', 'De kwaliteitsafdeling zorgt voor de melding bij de IGJ en het onderzoek.']),
        'Een calamiteitenonderzoek gaat over wat we kunnen leren; het is geen beoordeling van jou.',
      ),
    },
    {
      title: 'Klachten van cliënten en familie',
      body: page(
        'Is een cliënt of familielid ontevreden, probeer het dan eerst samen op te lossen. Lukt dat niet, dan kunnen ze een klacht indienen.',
        bullets(['de klachtenfunctionaris helpt bij het zoeken naar een oplossing', 'een formele klacht kan bij de klachtencommissie', `de klachtenregeling staat op de website van ${o.name}`]),
        'Bespreek elke klacht ook met je leidinggevende: er zit vaak een les in.',
      ),
    },
    {
      title: 'Kwaliteitskader en audits',
      body: page(
        'We werken volgens het Kwaliteitskader Verpleeghuiszorg en laten ons elk jaar toetsen door een externe auditor.',
        bullets(['interne audits door collega’s van andere afdelingen', 'de externe audit kijkt naar dossiers, werkprocessen en gesprekken met medewerkers', 'verbeterpunten komen in het kwaliteitsplan van de afdeling']),
      ),
    },
    {
      title: 'Het zorgplan',
      body: page(
        'Elke cliënt heeft een zorgplan in het ECD. Daarin staan de doelen, de afspraken over de zorg en de risico’s.',
        bullets(['binnen 6 weken na opname is het zorgplan besproken met de cliënt of vertegenwoordiger', 'elk half jaar evalueren we het zorgplan in een multidisciplinair overleg', 'de eerstverantwoordelijk verzorgende (EVV) houdt het zorgplan bij']),
      ),
    },
    {
      title: 'Cliënttevredenheid',
      body: page(
        'We vragen cliënten en familie elk jaar hoe tevreden ze zijn. De uitkomsten bespreken we in elk team.',
        '## Wat we vragen',
        bullets(['zouden ze ons aanraden aan anderen?', 'voelen ze zich gehoord en gezien?', 'hoe is het eten, de schoonmaak en de bejegening?']),
        'De resultaten per locatie staan op het intranet. Elk team kiest er twee verbeterpunten uit.',
      ),
    },
    {
      title: 'Meldcode huiselijk geweld',
      body: page(
        'De meldcode helpt je bij een vermoeden van huiselijk geweld, ouderenmishandeling of kindermishandeling.',
        steps(['Breng de signalen in kaart en noteer ze feitelijk.', 'Overleg met de aandachtsfunctionaris; raadpleeg eventueel Veilig Thuis.', 'Praat met de cliënt (of vertegenwoordiger) over je zorgen.', 'Weeg het geweld en het risico.', 'Besluit: hulp organiseren of melden bij Veilig Thuis.']),
        `Zie ook ${pageLink('Ouderenmishandeling signaleren', 'Ouderenmishandeling signaleren')}.`,
      ),
    },
    {
      title: 'Arbo en veilig werken',
      body: page(
        'Veilig en gezond werken is een gedeelde verantwoordelijkheid. De arbocoördinator helpt teams risico’s te verminderen.',
        bullets(['de risico-inventarisatie en -evaluatie (RI&E) wordt elke 4 jaar gedaan', 'ergocoaches helpen bij fysieke belasting, zoals tillen en transfers', 'de preventiemedewerker is aanspreekpunt voor veiligheid op de locatie']),
      ),
    },
    {
      title: 'Werkdruk bespreken',
      body: page(
        'Ervaar je te veel werkdruk? Bespreek het met je leidinggevende. Samen kijk je waar het zit en wat er kan veranderen.',
        bullets(['maak het concreet: welke diensten, welke taken?', 'bespreek het ook in het teamoverleg: vaak geldt het voor meer collega’s', 'de bedrijfsarts kan meedenken als het je gezondheid raakt']),
      ),
    },
    {
      title: 'Ondernemingsraad',
      body: page(
        `De ondernemingsraad (OR) vertegenwoordigt de medewerkers van ${o.name}. De OR praat mee over besluiten die voor medewerkers belangrijk zijn, zoals roosterbeleid en reorganisaties.`,
        bullets(['de OR heeft 15 leden, gekozen voor 4 jaar', 'de vergaderingen zijn openbaar tenzij anders aangekondigd', 'je kunt de OR mailen met vragen of zorgen']),
      ),
    },
    {
      title: 'Cliëntenraad',
      body: page(
        'De cliëntenraad behartigt de belangen van cliënten. Elke locatie met wonen en zorg heeft een lokale cliëntenraad, met een centrale cliëntenraad voor de hele organisatie.',
        '## Waarover adviseert de cliëntenraad?',
        bullets(['voeding en maaltijden', 'activiteiten en dagbesteding', 'huisregels en veiligheid', 'de begroting en grote verbouwingen']),
        'Wil je iets aan de cliëntenraad voorleggen? Dat kan via het secretariaat van de locatie.',
      ),
    },
  ];
}

interface Form {
  name: string;
  purpose: string;
  when: string;
  who: string;
  where: string;
  time: string;
}

const FORMS: Form[] = [
  { name: 'Verlofaanvraag', purpose: 'vakantie, PLB of bijzonder verlof aanvragen', when: 'minstens 6 weken voor het rooster uitkomt', who: 'je leidinggevende of planner', where: 'HR-portaal, Verlof', time: 'binnen 2 weken' },
  { name: 'Declaratie', purpose: 'kosten terugkrijgen die je voor je werk maakte', when: 'binnen 3 maanden na de kosten', who: 'je leidinggevende', where: 'HR-portaal, Declaraties', time: 'uitbetaling met het salaris na goedkeuring' },
  { name: 'Wijziging persoonsgegevens', purpose: 'een nieuw adres, rekeningnummer of telefoonnummer doorgeven', when: 'zodra het verandert', who: 'P&O (alleen bij naamswijziging)', where: 'HR-portaal, Mijn gegevens', time: 'direct, of met de volgende salarisrun' },
  { name: 'Contractwijziging', purpose: 'meer of minder uren of een andere functie aanvragen', when: 'minstens een maand voor de gewenste ingangsdatum', who: 'je leidinggevende en P&O', where: 'HR-portaal, Mijn contract', time: 'binnen 4 weken' },
  { name: 'Ontslagaanvraag', purpose: 'je dienstverband opzeggen', when: 'met inachtneming van je opzegtermijn', who: 'P&O bevestigt', where: 'HR-portaal, Mijn contract', time: 'bevestiging binnen een week' },
  { name: 'Fietsplan', purpose: 'een fiets kopen met belastingvoordeel', when: 'eens in de 3 jaar', who: 'P&O', where: 'HR-portaal, Regelingen', time: 'binnen 2 weken' },
  { name: 'Studieafspraak', purpose: 'afspraken vastleggen over een opleiding, kosten en studieverlof', when: 'voor de start van de opleiding', who: 'je leidinggevende en de opleidingsadviseur', where: 'leeromgeving, Aanvragen', time: 'binnen 3 weken' },
  { name: 'Melding nevenwerkzaamheden', purpose: 'werk naast je baan melden', when: 'voordat je begint', who: 'je leidinggevende', where: 'HR-portaal, Formulieren', time: 'binnen 2 weken' },
  { name: 'MIC-melding', purpose: 'een incident bij een cliënt melden', when: 'zo snel mogelijk na het incident', who: 'de MIC-commissie', where: 'ECD, bij de cliënt', time: 'terugkoppeling binnen een maand' },
  { name: 'MIM-melding', purpose: 'een incident bij een medewerker melden', when: 'zo snel mogelijk na het incident', who: 'je leidinggevende en de arbocoördinator', where: 'servicedeskportaal, Melden', time: 'contact binnen een week' },
  { name: 'Melding datalek', purpose: 'een datalek melden', when: 'binnen een uur nadat je het ontdekt', who: 'de privacy officer', where: 'servicedeskportaal, Privacy', time: 'direct in behandeling' },
  { name: 'Aanvraag account en rechten', purpose: 'een account of rechten in het ECD aanvragen voor een collega', when: 'een week voor de eerste werkdag', who: 'de ICT-servicedesk', where: 'servicedeskportaal, Accounts', time: 'binnen 5 werkdagen' },
  { name: 'Aanvraag laptop of telefoon', purpose: 'een apparaat voor je werk aanvragen', when: 'als je functie het nodig maakt', who: 'je leidinggevende en ICT', where: 'servicedeskportaal, Apparaten', time: 'levering binnen 10 werkdagen' },
  { name: 'Storing melden', purpose: 'een storing in ICT of een gebouw melden', when: 'direct', who: 'de ICT- of facilitaire servicedesk', where: 'servicedeskportaal', time: 'afhankelijk van de prioriteit' },
  { name: 'Aanvraag werkkleding', purpose: 'nieuwe of extra werkkleding bestellen', when: 'als je kleding versleten is of niet past', who: 'de facilitaire servicedesk', where: 'servicedeskportaal, Kleding', time: 'binnen een week' },
  { name: 'Aanvraag toegang en pas', purpose: 'toegang tot een andere afdeling of een nieuwe pas', when: 'een week voordat het nodig is', who: 'je leidinggevende', where: 'servicedeskportaal, Toegang', time: 'binnen 3 werkdagen' },
  { name: 'Reservering dienstauto', purpose: 'een dienstauto of e-bike reserveren', when: 'minstens een dag vooraf', who: 'het secretariaat van het wijkteam', where: 'reserveringssysteem', time: 'direct bevestigd' },
  { name: 'Aanvraag vrijheidsbeperkende maatregel', purpose: 'een vrijheidsbeperkende maatregel voorstellen volgens de Wzd', when: 'na het multidisciplinair overleg', who: 'de Wzd-arts of zorgverantwoordelijke', where: 'ECD, Wzd-module', time: 'besluit binnen een week' },
  { name: 'Valrisico-inventarisatie', purpose: 'het valrisico van een cliënt inschatten', when: 'bij opname en elk half jaar', who: 'de EVV', where: 'ECD, Risicosignalering', time: 'direct zichtbaar in het zorgplan' },
  { name: 'Opiatenregister', purpose: 'elke uitgifte van opiaten registreren', when: 'bij elke uitgifte', who: 'de verpleegkundige', where: 'opiatenkast, papieren register', time: 'wekelijks gecontroleerd' },
  { name: 'Retourformulier medicatie', purpose: 'medicatie terugsturen naar de apotheek', when: 'als medicatie niet meer gebruikt wordt', who: 'de apotheek', where: 'bij de retourbak', time: 'opgehaald binnen een week' },
  { name: 'Overdracht bij ontslag of overplaatsing', purpose: 'de zorg overdragen aan een andere zorgverlener', when: 'bij ontslag, overplaatsing of ziekenhuisopname', who: 'de ontvangende zorgverlener', where: 'ECD, Overdracht', time: 'dezelfde dag' },
  { name: 'Niet-reanimeerafspraak', purpose: 'de afspraak over reanimatie vastleggen', when: 'bij opname en als de situatie verandert', who: 'de arts', where: 'ECD, Wilsverklaringen', time: 'direct geldig na ondertekening' },
  { name: 'Toestemming beeldmateriaal', purpose: 'toestemming vragen om foto’s van een cliënt te gebruiken', when: 'voor een foto of video', who: 'de cliënt of vertegenwoordiger', where: 'ECD, Toestemmingen', time: 'direct' },
  { name: 'Aanmelding vrijwilliger', purpose: 'een nieuwe vrijwilliger aanmelden', when: 'voor de eerste inzet', who: 'de vrijwilligerscentrale', where: 'servicedeskportaal, Vrijwilligers', time: 'intake binnen 2 weken' },
  { name: 'Exitgesprek', purpose: 'je ervaringen delen als je uit dienst gaat', when: 'in je laatste maand', who: 'een P&O-adviseur', where: 'HR-portaal, Formulieren', time: 'gesprek in je laatste weken' },
  { name: 'Aanvraag BHV-opleiding', purpose: 'je aanmelden als bedrijfshulpverlener', when: 'altijd', who: 'je leidinggevende en de BHV-coördinator', where: 'leeromgeving, BHV', time: 'plaatsing in de eerstvolgende cursus' },
  { name: 'Klachtformulier cliënten', purpose: 'een klacht van een cliënt of familie vastleggen', when: 'als het samen oplossen niet lukt', who: 'de klachtenfunctionaris', where: 'website en receptie', time: 'ontvangstbevestiging binnen een week' },
];

function formPages(): KbPageText[] {
  return [
    {
      title: 'Alle formulieren op een rij',
      body: page(
        'Hier vind je alle formulieren, wat ze zijn en waar je ze invult.',
        '## Formulieren per onderwerp',
        table(
          ['Formulier', 'Waarvoor'],
          FORMS.map((f) => [pageLink(f.name, `Formulier: ${f.name}`), f.purpose]),
        ),
      ),
    },
    ...FORMS.map(
      (f): KbPageText => ({
        title: `Formulier: ${f.name}`,
        body: page(
          `Met dit formulier kun je ${f.purpose}.`,
          '## In het kort',
          bullets([`Wanneer: ${f.when}`, `Waar: ${f.where}`, `Wie behandelt het: ${f.who}`, `Hoe lang het duurt: ${f.time}`]),
          `Terug naar ${pageLink('het overzicht', 'Alle formulieren op een rij')}.`,
        ),
      }),
    ),
  ];
}

export function qualitySection(o: KbOrganisation): KbSectionText {
  return {
    title: 'Kwaliteit en veiligheid',
    owner: 'quality',
    pages: qualityPages(o),
    sections: [{ title: 'Formulieren', owner: 'hr', pages: formPages() }],
  };
}
