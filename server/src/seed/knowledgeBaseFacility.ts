import { bullets, page, pageLink, steps, table, type KbOrganisation, type KbPageText, type KbSectionText } from './knowledgeBaseTexts.js';

/** Facilitair en locaties: buildings, keys, food, parking, and a page per location. */

function facilityPages(o: KbOrganisation): KbPageText[] {
  return [
    {
      title: 'De facilitaire servicedesk',
      body: page(
        'Voor alles rond gebouwen, schoonmaak, post, kleding en catering meld je je bij de facilitaire servicedesk.',
        table(['Wat', 'Hoe'], [['kapotte lamp, lekkage, deur die klemt', 'melding in het servicedeskportaal, categorie Gebouw'], ['spoed: wateroverlast, geen verwarming', 'bellen, toestel 3333'], ['werkkleding, kantoorartikelen', 'bestellen in het servicedeskportaal']]),
        'Buiten kantoortijd belt de receptie of de leidinggevende van dienst de storingsdienst.',
      ),
    },
    {
      title: 'Sleutels en toegang',
      body: page(
        'Met je pas kom je binnen op de locaties en afdelingen waar je werkt. Sleutels van medicijnkasten en kluizen zijn persoonlijk of liggen in de sleutelkluis.',
        bullets(['toegang tot een andere afdeling vraagt je leidinggevende aan', 'een sleutel leen je uit met je pas bij de sleutelkluis', 'verloren sleutels meld je direct bij de servicedesk']),
        `Zie ook ${pageLink('Je pas kwijt of kapot', 'Je pas kwijt of kapot')}.`,
      ),
    },
    {
      title: 'Parkeren',
      body: page(
        'Op de meeste locaties kun je gratis parkeren op het eigen terrein. Op drukke momenten gaan bezoekers en mindervaliden voor.',
        bullets(['parkeer niet op de plekken voor ambulance, bezoekers en laden en lossen', 'fietsers gebruiken de overdekte fietsenstalling', 'laadpalen zijn voor dienstauto’s; privé laden kan tegen betaling met je laadpas']),
        'Wijkverpleegkundigen met een parkeervergunning van de gemeente vragen die aan via het secretariaat.',
      ),
    },
    {
      title: 'Dienstauto’s en e-bikes van de wijkverpleging',
      body: page(
        'De wijkteams hebben dienstauto’s en e-bikes. Je reserveert ze in het reserveringssysteem.',
        bullets(['tank of laad de auto op als hij minder dan een kwart vol is', 'schade meld je dezelfde dag bij de servicedesk, met foto’s', 'boetes komen voor rekening van de bestuurder']),
      ),
    },
    {
      title: 'Restaurant en maaltijden',
      body: page(
        'In het restaurant van de hoofdlocatie en op de grotere locaties kun je lunchen. Je betaalt met je pas of je bankpas.',
        table(['Wat', 'Wanneer'], [['ontbijt en koffie', '7.00 - 10.00 uur'], ['warme lunch', '11.30 - 13.30 uur'], ['avondmaaltijd voor late en nachtdiensten', 'te bestellen voor 14.00 uur']]),
        'Allergieën en dieetwensen geef je door aan het restaurant; bij elk gerecht staan de allergenen.',
      ),
    },
    {
      title: 'Maaltijden voor cliënten bestellen',
      owner: 'kitchen',
      body: page(
        'De maaltijden voor cliënten bestel je per afdeling in het bestelsysteem van de keuken.',
        bullets(['wijzigingen voor de volgende dag uiterlijk om 14.00 uur doorgeven', 'dieet en consistentie (gemalen, vloeibaar) staan in het ECD en gaan automatisch mee', 'tussendoortjes en drinken bestel je met de weekbestelling']),
      ),
    },
    {
      title: 'Schoonmaak en hygiëne op de afdeling',
      body: page(
        'De schoonmaakdienst maakt de kamers en algemene ruimtes volgens een vast schema schoon. Zorgmedewerkers maken hulpmiddelen en de directe omgeving van de cliënt schoon.',
        bullets(['extra schoonmaak, bijvoorbeeld na een ongelukje, vraag je aan via toestel 3333', 'bij isolatie gebruikt de schoonmaakdienst de middelen op de isolatiekaart', 'na vertrek of overlijden van een cliënt volgt een eindschoonmaak']),
        `Zie ook ${pageLink('Schoonmaken en desinfecteren', 'Schoonmaken en desinfecteren')}.`,
      ),
    },
    {
      title: 'Post en pakketten',
      body: page(
        'Post voor cliënten en afdelingen komt binnen bij de receptie en wordt elke ochtend rondgebracht.',
        bullets(['uitgaande post leg je voor 14.00 uur in het postvak bij de receptie', 'pakketten voor cliënten worden op de afdeling afgegeven', 'privépakketten van medewerkers laten bezorgen op het werk doen we niet']),
      ),
    },
    {
      title: 'Hulpmiddelen: tilliften, rolstoelen en bedden',
      body: page(
        'Hulpmiddelen zoals tilliften, rolstoelen en hoog-laagbedden worden onderhouden door de technische dienst.',
        bullets(['elk hulpmiddel heeft een keuringssticker met de datum van de volgende keuring', 'een defect hulpmiddel haal je uit gebruik met een label Defect en meld je bij de servicedesk', 'nieuwe of extra hulpmiddelen vraag je aan via de ergocoach']),
        `Zie ook ${pageLink('Bekwaamheid: tilliften en transfers', 'Bekwaamheid: tilliften en transfers')}.`,
      ),
    },
    {
      title: 'Gevonden voorwerpen',
      body: page(
        'Gevonden voorwerpen breng je naar de receptie van de locatie. Ze worden daar drie maanden bewaard.',
        '## Spullen van cliënten kwijt',
        bullets(['een bril, gebit of hoortoestel meld je direct bij de receptie', 'zoek eerst op de afdeling, in de kamer en bij het linnengoed', 'de wasserij kijkt in de was van die dag', 'niet gevonden? Noteer het in het ECD en bespreek met de familie wat vervangen moet worden']),
      ),
    },
    {
      title: 'Roken op het terrein',
      body: page(
        `Alle locaties van ${o.name} zijn rookvrij, ook het terrein.`,
        '## Afspraken',
        bullets(['medewerkers roken niet in werkkleding en niet in het zicht van cliënten', 'roken in je pauze kan buiten het terrein', 'cliënten die roken, doen dat op een vaste plek buiten of in de rookruimte, volgens hun zorgplan', 'hulp bij stoppen met roken: vraag de bedrijfsarts naar het stopprogramma']),
      ),
    },
    {
      title: 'Vrijwilligers op de locaties',
      owner: 'volunteers',
      body: page(
        'Vrijwilligers helpen bij activiteiten, maaltijden, wandelingen en vervoer. Ze zijn een belangrijk deel van het leven op de locaties.',
        bullets(['elke vrijwilliger heeft een contactpersoon op de afdeling', 'vrijwilligers doen geen verzorgende of verpleegkundige handelingen', 'nieuwe vrijwilligers meld je aan bij de vrijwilligerscentrale']),
      ),
    },
  ];
}

function locationPages(o: KbOrganisation): KbPageText[] {
  const pages: KbPageText[] = [
    {
      title: 'Onze locaties',
      body: page(
        `${o.name} heeft ${o.locations.length} locaties. Hier vind je per locatie de praktische informatie en het ontruimingsplan.`,
        table(
          ['Locatie', 'Plaats', 'Soort'],
          o.locations.map((l) => [pageLink(l.name, `${l.name}: praktische informatie`), l.city, l.kind === 'main' ? 'hoofdlocatie' : l.kind === 'homecare' ? 'wijkteams' : 'wonen en zorg']),
        ),
      ),
    },
  ];
  for (const [i, l] of o.locations.entries()) {
    const floors = l.kind === 'homecare' ? 1 : 2 + (i % 3);
    const assembly = ['het grasveld voor de hoofdingang', 'de parkeerplaats aan de achterkant', 'het plein bij de fietsenstalling'][i % 3]!;
    pages.push({
      title: `${l.name}: praktische informatie`,
      owner: 'facility',
      body: page(
        l.kind === 'main'
          ? `${l.name} is de hoofdlocatie van ${o.name}. Hier zitten de centrale afdelingen, zoals P&O, ICT en Kwaliteit.`
          : l.kind === 'homecare'
            ? `Vanuit ${l.name} werken de wijkteams in ${l.city} en omgeving.`
            : `${l.name} is een locatie voor wonen en zorg in ${l.city}, met ${floors} woonverdiepingen.`,
        '## Openingstijden receptie',
        l.kind === 'homecare' ? 'Maandag tot en met vrijdag 8.00 - 17.00 uur.' : 'Elke dag 8.00 - 20.00 uur. Daarna opent de avond- of nachtdienst de deur voor bezoek.',
        '## Bereikbaarheid',
        bullets([`parkeren op het eigen terrein${i % 2 === 0 ? ', met twee laadpalen' : ''}`, 'overdekte fietsenstalling bij de personeelsingang', `bushalte op ${3 + (i % 5)} minuten lopen`]),
        '## Goed om te weten',
        bullets([
          `de sleutelkluis hangt ${i % 2 === 0 ? 'naast de receptie' : 'in de teampost op de begane grond'}`,
          `de AED hangt ${i % 2 === 0 ? 'bij de hoofdingang' : 'bij de liften op elke verdieping'}`,
          `verzamelplaats bij ontruiming: ${assembly}`,
        ]),
        `Zie ook ${pageLink(`het ontruimingsplan van ${l.name}`, `Ontruimingsplan ${l.name}`)}.`,
      ),
    });
    pages.push({
      title: `Ontruimingsplan ${l.name}`,
      owner: 'facility',
      body: page(
        `Dit is het ontruimingsplan van ${l.name}. Lees het bij je eerste dienst op deze locatie en weet waar de nooduitgangen zijn.`,
        '## Bij brand of ontruiming',
        steps(['Druk op de handmelder en bel 2222.', 'Volg de aanwijzingen van de BHV-ploegleider.', l.kind === 'homecare' ? 'Verlaat het gebouw via de dichtstbijzijnde nooduitgang.' : 'Breng cliënten eerst horizontaal naar het andere brandcompartiment op de verdieping.', `Meld je bij de verzamelplaats: ${assembly}.`]),
        '## Brandcompartimenten',
        l.kind === 'homecare' ? 'Het gebouw is één brandcompartiment.' : `Elke verdieping heeft twee brandcompartimenten, gescheiden door de branddeuren bij de liften. Er zijn ${floors} woonverdiepingen.`,
        '## Ontruimingsoefening',
        `Elk jaar oefenen we de ontruiming op deze locatie, in ${['maart', 'juni', 'september', 'november'][i % 4]}.`,
        `Zie ook ${pageLink('Brand: wat doe je?', 'Brand: wat doe je?')} en ${pageLink('Ontruimen', 'Ontruimen')}.`,
      ),
    });
  }
  return pages;
}

export function facilitySection(o: KbOrganisation): KbSectionText {
  return {
    title: 'Facilitair en locaties',
    owner: 'facility',
    pages: facilityPages(o),
    sections: [{ title: 'Locaties', owner: 'facility', pages: locationPages(o) }],
  };
}
