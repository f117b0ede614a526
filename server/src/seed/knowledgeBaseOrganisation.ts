import { bullets, page, pageLink, steps, type KbOrganisation, type KbPageText, type KbSectionText } from './knowledgeBaseTexts.js';

/** De organisatie: who we are, the central departments, the intranet itself. */

interface Department {
  key: string;
  title: string;
  does: string[];
  contact: string;
}

const DEPARTMENTS: Department[] = [
  { key: 'hr', title: 'Afdeling P&O', does: ['contracten, salaris en verlof', 'werving en selectie', 'verzuimbegeleiding met de bedrijfsarts', 'advies aan leidinggevenden'], contact: 'via het HR-portaal, Vraag aan P&O' },
  { key: 'comms', title: 'Afdeling Communicatie', does: ['het intranet en Weten en regelen', 'de website en sociale media', 'contact met de pers', 'huisstijl en drukwerk'], contact: 'via het servicedeskportaal, Communicatie' },
  { key: 'ict', title: 'Afdeling ICT en Applicatiebeheer', does: ['de ICT-servicedesk', 'accounts, laptops en telefoons', 'het ECD, het HR-portaal en de roosterapp', 'informatiebeveiliging'], contact: 'servicedesk, toestel 4444' },
  { key: 'quality', title: 'Afdeling Kwaliteit en Opleiding', does: ['protocollen en het kwaliteitskader', 'de MIC-commissie en calamiteitenonderzoek', 'de leeromgeving en bekwaamheidstoetsen', 'praktijkopleiders en werkbegeleiding'], contact: 'via het servicedeskportaal, Kwaliteit' },
  { key: 'finance', title: 'Afdeling Financiën en Control', does: ['declaraties en betalingen', 'de zorgadministratie en facturatie', 'begrotingen en rapportages'], contact: 'via het servicedeskportaal, Financiën' },
  { key: 'planning', title: 'Afdeling Planning en Roostering', does: ['de roosters van alle teams', 'de flexpool', 'urenregistratie'], contact: 'centrale planning, via de roosterapp' },
  { key: 'facility', title: 'Facilitair bedrijf', does: ['schoonmaak en wasserij', 'post, receptie en sleutels', 'werkkleding en inkoop'], contact: 'facilitaire servicedesk, toestel 3333' },
  { key: 'kitchen', title: 'Restaurant en keuken', does: ['maaltijden voor cliënten', 'het personeelsrestaurant', 'catering bij vergaderingen'], contact: 'via het bestelsysteem' },
  { key: 'technical', title: 'Technische dienst', does: ['onderhoud van gebouwen en installaties', 'keuring van hulpmiddelen', 'legionellabeheer'], contact: 'facilitaire servicedesk, toestel 3333' },
  { key: 'volunteers', title: 'Vrijwilligerscentrale', does: ['werving en begeleiding van vrijwilligers', 'scholing voor vrijwilligers'], contact: 'via het servicedeskportaal, Vrijwilligers' },
  { key: 'board', title: 'Bestuursbureau', does: ['ondersteuning van de raad van bestuur', 'beleid en juridische zaken', 'contact met de ondernemingsraad en cliëntenraad'], contact: 'via het secretariaat' },
];

function organisationPages(o: KbOrganisation): KbPageText[] {
  return [
    {
      title: `Over ${o.name}`,
      body: page(
        `${o.name} biedt ouderenzorg in de regio ${o.locations[0]!.city}: wonen met zorg, dagbesteding en wijkverpleging, op ${o.locations.length} locaties.`,
        '## Waar we voor staan',
        bullets(['de cliënt houdt de regie over zijn eigen leven', 'zorg dichtbij, door vaste gezichten', 'vakmanschap: we blijven leren']),
        `Zie ook ${pageLink('Onze locaties', 'Onze locaties')}.`,
      ),
    },
    {
      title: 'Organisatiestructuur',
      body: page(
        'De raad van bestuur is eindverantwoordelijk. Elke regio heeft een regiomanager; elk team een teamleider.',
        bullets(['raad van bestuur, met de raad van toezicht als toezichthouder', 'regiomanagers per groep locaties', 'teamleiders per afdeling of wijkteam', 'centrale afdelingen die de teams ondersteunen']),
        'De ondernemingsraad en de cliëntenraad adviseren de raad van bestuur.',
      ),
    },
    ...DEPARTMENTS.filter((d) => o.departments.has(d.key)).map(
      (d): KbPageText => ({
        title: `${d.title}: wie doet wat`,
        owner: d.key === 'board' ? 'hr' : (d.key as KbPageText['owner']),
        body: page(`${d.title} werkt voor alle teams en locaties.`, '## Waarvoor kun je er terecht?', bullets(d.does), '## Contact', `${d.contact[0]!.toUpperCase()}${d.contact.slice(1)}.`),
      }),
    ),
    {
      title: 'Een bericht plaatsen op het intranet',
      owner: 'comms',
      body: page(
        `Iedereen kan een bericht plaatsen op de tijdlijn van ${o.intranetName}, voor de hele organisatie of in een groep.`,
        steps(['Kies bovenaan Bericht plaatsen.', 'Kies of het voor iedereen is of voor een groep.', 'Schrijf je bericht; voeg eventueel een foto toe.', 'Plaats het bericht.']),
        'Foto’s van cliënten alleen met hun toestemming. Nieuws voor de hele organisatie stem je af met Communicatie.',
      ),
    },
    {
      title: 'Een groep maken op het intranet',
      owner: 'comms',
      body: page(
        'Met een groep deel je berichten met een team, een werkgroep of collega’s met dezelfde hobby.',
        bullets(['open: iedereen kan lezen en meedoen', 'gesloten: iedereen kan lezen, alleen leden plaatsen', 'besloten: alleen leden zien de groep en de berichten']),
      ),
    },
    {
      title: 'Huisstijl en logo',
      owner: 'comms',
      body: page(`Gebruik voor brieven, posters en presentaties de sjablonen van ${o.name}. Zo herkent iedereen ons.`, bullets(['sjablonen staan in de gedeelde map Huisstijl', 'het logo niet vervormen of in andere kleuren gebruiken', 'drukwerk bestellen via Communicatie'])),
    },
    {
      title: 'Contact met de pers',
      owner: 'comms',
      body: page(
        'Word je gebeld of aangesproken door een journalist? Verwijs hem door naar de afdeling Communicatie.',
        '## Wat je wel en niet doet',
        bullets(['geef zelf geen informatie over cliënten of de organisatie', 'noteer naam, medium en telefoonnummer van de journalist', 'laat cameraploegen niet binnen zonder afspraak met Communicatie', 'bij een calamiteit of crisis spreekt alleen de raad van bestuur of Communicatie']),
      ),
    },
  ];
}

export function organisationSection(o: KbOrganisation): KbSectionText {
  return { title: 'De organisatie', owner: 'comms', pages: organisationPages(o) };
}
