import { bullets, page, pageLink, steps, table, type KbOrganisation, type KbPageText, type KbSectionText } from './knowledgeBaseTexts.js';

/** Zorg en protocollen: hygiene and infection prevention, medication, client safety, emergencies. */

function hygienePages(): KbPageText[] {
  return [
    {
      title: 'Handhygiëne',
      body: page(
        'Goede handhygiëne is de belangrijkste manier om infecties te voorkomen. Het geldt voor iedereen die cliënten aanraakt of hun omgeving.',
        '## De vijf momenten',
        steps(['voor contact met de cliënt', 'voor een schone of invasieve handeling', 'na contact met lichaamsvocht', 'na contact met de cliënt', 'na contact met de omgeving van de cliënt']),
        '## Handalcohol of wassen?',
        bullets(['handalcohol: standaard, als je handen niet zichtbaar vuil zijn; wrijf 30 seconden tot je handen droog zijn', 'wassen met water en zeep: bij zichtbaar vuil, en bij diarree of het norovirus']),
        '## Voorwaarden',
        bullets(['korte, schone nagels zonder nagellak of kunstnagels', 'geen ringen, horloges of armbanden', 'onderarmen vrij (korte mouwen)']),
      ),
    },
    {
      title: 'Persoonlijke beschermingsmiddelen',
      body: page(
        'Persoonlijke beschermingsmiddelen (PBM) zijn handschoenen, schorten, mondneusmaskers en spatbrillen. Je gebruikt ze om jezelf en de cliënt te beschermen.',
        table(
          ['Middel', 'Wanneer'],
          [
            ['handschoenen', 'bij contact met bloed, urine, ontlasting, braaksel of slijmvliezen'],
            ['schort', 'als je kleding vuil kan worden, en bij isolatie'],
            ['mondneusmasker', 'bij druppelisolatie en als de cliënt hoest of niest'],
            ['FFP2-masker', 'bij aerogene isolatie, zoals bij tuberculose'],
            ['spatbril', 'als er kans is op spatten in je gezicht'],
          ],
        ),
        '## Aan- en uittrekken',
        'Aantrekken: schort, masker, bril, handschoenen. Uittrekken: handschoenen, bril, schort, masker, en daarna handalcohol.',
      ),
    },
    {
      title: 'Corona en andere luchtweginfecties',
      body: page(
        'Corona (COVID-19), griep en RS-virus verspreiden zich via druppels en de lucht. Voor cliënten in de ouderenzorg kunnen ze ernstig zijn.',
        '## Als je zelf klachten hebt',
        bullets(['blijf thuis bij koorts en meld je ziek', 'bij milde klachten (neusverkoudheid) mag je werken met een mondneusmasker bij cliëntcontact', 'doe een zelftest als je twijfelt']),
        '## Als een cliënt klachten heeft',
        steps(['Zorg voor druppelisolatie op de eigen kamer.', 'Draag een mondneusmasker, schort en handschoenen bij verzorging.', 'Meld het bij de verpleegkundige en de arts.', 'Bij twee of meer zieke cliënten op een afdeling: bel de deskundige infectiepreventie.']),
        `Zie ook ${pageLink('Isolatiemaatregelen', 'Isolatiemaatregelen')} en ${pageLink('Vaccinatie: griep en corona', 'Vaccinatie: griep en corona')}.`,
      ),
    },
    {
      title: 'Isolatiemaatregelen',
      body: page(
        'Bij sommige infecties verpleeg je een cliënt in isolatie, zodat de infectie zich niet verspreidt.',
        table(
          ['Soort isolatie', 'Bijvoorbeeld', 'Maatregelen'],
          [
            ['contactisolatie', 'BRMO, MRSA, scabiës', 'schort en handschoenen, eigen materialen'],
            ['druppelisolatie', 'griep, corona, RS-virus', 'mondneusmasker, schort, handschoenen'],
            ['aerogene isolatie', 'tuberculose, mazelen', 'FFP2-masker, deur dicht'],
            ['contact- en druppelisolatie', 'norovirus', 'schort, handschoenen en masker bij braken'],
          ],
        ),
        'Hang de isolatiekaart op de deur, zodat iedereen die binnenkomt weet wat er nodig is.',
      ),
    },
    {
      title: 'Norovirus: braken en diarree',
      body: page(
        'Het norovirus veroorzaakt plotseling braken en diarree. Het is erg besmettelijk en kan snel een hele afdeling treffen.',
        bullets(['handen wassen met water en zeep: handalcohol werkt minder goed tegen het norovirus', 'cliënt op de eigen kamer, met een eigen toilet of postoel', 'schoonmaken met een chloorhoudend middel', 'medewerkers met klachten blijven thuis tot 48 uur na de laatste klachten']),
        'Bij twee of meer cliënten met braken of diarree binnen een paar dagen: meld het bij de deskundige infectiepreventie.',
      ),
    },
    {
      title: 'BRMO en MRSA',
      body: page(
        'BRMO (bijzonder resistente micro-organismen) en MRSA zijn bacteriën waartegen veel antibiotica niet werken. Dragers zijn meestal niet ziek, maar kunnen de bacterie overdragen.',
        bullets(['contactisolatie volgens de afspraken van de arts', 'extra aandacht voor handhygiëne en schoonmaak', 'bij opname uit een buitenlands ziekenhuis wordt de cliënt eerst gescreend']),
        'Werk je zelf in een omgeving met MRSA en ben je drager? Dat bepaalt de bedrijfsarts na een kweek.',
      ),
    },
    {
      title: 'Scabiës (schurft)',
      body: page(
        'Scabiës is een huidaandoening door mijten. Het geeft jeuk, vooral ’s nachts, en wordt overgedragen via langdurig huidcontact.',
        steps(['Bij vermoeden: laat de arts de cliënt beoordelen.', 'Contactisolatie tot de behandeling klaar is.', 'Behandel alle contacten tegelijk, ook medewerkers als de arts dat adviseert.', 'Was beddengoed en kleding op 60 graden.']),
      ),
    },
    {
      title: 'Prikaccident',
      body: page(
        'Een prikaccident is een verwonding met een gebruikte naald of ander scherp voorwerp, of een spat bloed in je ogen of mond. Handel direct.',
        '## Direct doen',
        steps([
          'Laat de wond goed doorbloeden, spoel hem met water en desinfecteer.',
          'Bij een spat in ogen of mond: spoel ruim met water.',
          'Meld het direct bij je leidinggevende en bel binnen 2 uur de prikaccidentenlijn.',
          'Noteer wie de bron is (de cliënt), zodat bloed kan worden onderzocht.',
        ]),
        `Meld het daarna als incident via ${pageLink('het meldformulier', 'Een incident melden (MIM)')}.`,
        'Gooi gebruikte naalden altijd direct in de naaldenbeker; zet nooit een dopje terug.',
      ),
    },
    {
      title: 'Vaccinatie: griep en corona',
      body: page(
        'Elk najaar kun je je gratis laten vaccineren tegen griep, en als het advies er is, tegen corona. Zo bescherm je jezelf en kwetsbare cliënten.',
        bullets(['de vaccinatie is vrijwillig en gratis', 'we prikken op alle locaties; de data staan in het nieuws op het intranet', 'je kunt ook terecht bij de huisarts of de GGD']),
      ),
    },
    {
      title: 'Schoonmaken en desinfecteren',
      body: page(
        'Schoonmaken haalt vuil weg, desinfecteren doodt micro-organismen. Desinfecteren werkt alleen op een schoon oppervlak.',
        table(
          ['Wat', 'Hoe vaak', 'Middel'],
          [
            ['handcontactpunten (deurklinken, bedhekken)', 'dagelijks', 'allesreiniger'],
            ['postoel, po en urinaal', 'na elk gebruik', 'in de pospoeler'],
            ['kamer bij isolatie', 'dagelijks', 'chloor of alcohol volgens de isolatiekaart'],
            ['gedeelde hulpmiddelen (tillift, bloeddrukmeter)', 'na elke cliënt', 'alcoholdoekje'],
          ],
        ),
      ),
    },
    {
      title: 'Linnengoed en wasgoed',
      body: page(
        'Schoon linnengoed bewaar je afgedekt en droog. Vuil wasgoed gaat direct in de waszak, zonder het eerst op de grond te leggen.',
        bullets(['natte of besmette was in een oplosbare waszak', 'waszakken niet voller dan driekwart', 'werkkleding nooit thuis wassen']),
      ),
    },
    {
      title: 'Afval scheiden in de zorg',
      body: page(
        'In de zorg hebben we naast gewoon afval ook specifiek ziekenhuisafval. Dat moet apart en veilig weg.',
        table(
          ['Afval', 'Waar'],
          [
            ['naalden, mesjes, ampullen', 'naaldenbeker (UN-keur), driekwart vol sluiten'],
            ['bloed en lichaamsvocht in grote hoeveelheden', 'specifiek ziekenhuisafval (SZA-vat)'],
            ['incontinentiemateriaal', 'gewoon restafval, in een dichte zak'],
            ['medicijnresten', 'terug naar de apotheek'],
          ],
        ),
      ),
    },
    {
      title: 'Legionella en waterleidingen',
      body: page(
        'Legionellabacteriën groeien in lauw, stilstaand water. Ze kunnen een ernstige longontsteking geven. Daarom spoelen we tappunten die weinig worden gebruikt.',
        bullets(['de technische dienst spoelt wekelijks kranen en douches in lege kamers', 'een kamer die langer dan een week leeg staat, wordt gespoeld voor de nieuwe cliënt komt', 'douchekoppen worden elk kwartaal ontkalkt']),
      ),
    },
  ];
}

interface MedicationRule {
  title: string;
  intro: string;
  rules: string[];
  steps?: string[];
}

const MEDICATION: MedicationRule[] = [
  {
    title: 'Medicatie toedienen',
    intro: 'Je geeft medicatie volgens de toedienlijst in het ECD. Je controleert elke keer de vijf juiste punten.',
    rules: ['de juiste cliënt', 'het juiste medicijn', 'de juiste dosis', 'het juiste tijdstip', 'de juiste toedieningswijze'],
    steps: ['Open de digitale toedienlijst van de cliënt.', 'Pak de medicatie uit de baxterrol of verpakking en controleer de vijf punten.', 'Geef de medicatie en blijf erbij tot de cliënt hem heeft ingenomen.', 'Teken direct af in het ECD; niet vooraf en niet achteraf in één keer.'],
  },
  {
    title: 'Dubbele controle bij risicovolle medicatie',
    intro: 'Bij risicovolle medicatie controleert een tweede bevoegde collega of alles klopt, voordat je toedient.',
    rules: ['insuline', 'opiaten, zoals morfine en oxycodon', 'antistolling per injectie', 'medicatie via een pomp', 'medicatie die je zelf moet klaarmaken of optrekken'],
    steps: ['Zet de medicatie klaar.', 'Je collega controleert onafhankelijk, met de toedienlijst erbij.', 'Beiden tekenen af in het ECD.'],
  },
  {
    title: 'Insuline',
    intro: 'Insuline verlaagt de bloedsuiker. Een verkeerde dosis kan gevaarlijk zijn; daarom is het een risicovol medicijn.',
    rules: ['meet de bloedsuiker voor je insuline geeft', 'controleer het type insuline (kortwerkend of langwerkend) en de dosis dubbel', 'gebruik een nieuwe naald per injectie', 'een aangebroken pen is 4 weken houdbaar buiten de koelkast'],
    steps: ['Bloedsuiker lager dan 4: geef geen insuline en volg het hypoprotocol.', 'Bloedsuiker hoger dan 20 bij twee metingen: bel de arts.'],
  },
  {
    title: 'Hypo: te lage bloedsuiker',
    intro: 'Een hypo is een bloedsuiker lager dan 4 mmol/l. De cliënt kan trillen, zweten, verward zijn of bleek zien.',
    rules: ['geef 3 tot 4 tabletten druivensuiker of een glas limonade', 'meet na 15 minuten opnieuw', 'is de cliënt niet aanspreekbaar: geef niets via de mond en bel 112'],
    steps: ['Meet de bloedsuiker.', 'Geef snelle suikers.', 'Meet na 15 minuten opnieuw; herhaal als het nog onder 4 is.', 'Meld de hypo bij de verpleegkundige en noteer hem in het ECD.'],
  },
  {
    title: 'Opiaten en de Opiumwet',
    intro: 'Opiaten zoals morfine, fentanyl en oxycodon vallen onder de Opiumwet. Daarvoor gelden extra regels voor bewaren en registreren.',
    rules: ['bewaren in een aparte, afgesloten kast', 'elke uitgifte registreren in het opiatenregister', 'de voorraad wordt elke week geteld door twee medewerkers', 'een verschil meld je direct als incident'],
  },
  {
    title: 'Antistolling',
    intro: 'Antistollingsmiddelen (bloedverdunners) voorkomen bloedstolsels, maar geven kans op bloedingen.',
    rules: ['let op blauwe plekken, bloedend tandvlees en bloed in urine of ontlasting', 'de trombosedienst bepaalt de dosis bij acenocoumarol en fenprocoumon', 'bij een val met hoofdletsel: altijd de arts bellen', 'geef nooit zelf een pijnstiller als ibuprofen; die verhoogt de bloedingskans'],
  },
  {
    title: 'Medicatie bewaren',
    intro: 'Medicatie bewaar je zo dat hij goed blijft en niet bij onbevoegden komt.',
    rules: ['in een afgesloten medicijnkast of -kar', 'koelkastmedicatie tussen 2 en 8 graden; de temperatuur wordt dagelijks genoteerd', 'op de verpakking van vloeibare medicatie en zalf schrijf je de openingsdatum', 'medicatie van de ene cliënt geef je nooit aan een andere'],
  },
  {
    title: 'Medicatie vernietigen en terugbrengen',
    intro: 'Medicatie die niet meer gebruikt wordt, gaat terug naar de apotheek. Gooi hem nooit weg bij het afval of door de gootsteen.',
    rules: ['verzamel de medicatie in de retourbak', 'opiaten retourneer je met het retourformulier, getekend door twee medewerkers', 'de apotheek haalt de retourbak elke week op'],
  },
  {
    title: 'Zelfmanagement van medicatie door de cliënt',
    intro: 'Cliënten die het kunnen, beheren hun medicatie zelf. We bekijken elk half jaar of dat nog veilig is.',
    rules: ['de verpleegkundige beoordeelt met een risico-inventarisatie of zelfbeheer kan', 'de afspraak staat in het zorgplan', 'bij twijfel neem je het beheer tijdelijk over en bespreek je het met de arts'],
  },
  {
    title: 'Medicatie via de sonde',
    intro: 'Geef je medicatie via een maagsonde of PEG-sonde, dan moet de medicatie daarvoor geschikt zijn.',
    rules: ['vraag de apotheek of een tablet vermalen mag: sommige tabletten werken dan te snel', 'geef elk medicijn apart, met 10 ml water ervoor, ertussen en erna', 'meng medicatie nooit met de sondevoeding'],
  },
  {
    title: 'Medicatie bij slikproblemen',
    intro: 'Kan een cliënt moeilijk slikken, dan kun je medicatie niet zomaar fijnmaken of in vla geven.',
    rules: ['overleg met de apotheek over een drank of een andere vorm', 'tabletten met een maagsapresistente laag of vertraagde afgifte niet fijnmaken', 'noteer de afspraak in het ECD en op de toedienlijst'],
  },
  {
    title: 'Medicatie bij verlof van de cliënt',
    intro: 'Gaat een cliënt een dag of een weekend weg, bijvoorbeeld naar familie, dan geef je de medicatie mee.',
    rules: ['geef alleen de medicatie voor de verlofperiode mee, met een uitdraai van de toedienlijst', 'noteer in het ECD wat je hebt meegegeven en aan wie', 'risicovolle medicatie alleen na overleg met de arts'],
  },
  {
    title: 'Zo nodig medicatie',
    intro: 'Zo nodig medicatie geef je alleen als de situatie daarom vraagt, zoals bij pijn of onrust. Wanneer en hoeveel staat in de voorschrift.',
    rules: ['controleer wanneer de cliënt het laatst een zo nodig dosis kreeg', 'noteer de reden en het effect na een uur in het ECD', 'geef je het vaker dan drie dagen achter elkaar, bespreek het dan met de arts'],
  },
  {
    title: 'Pijnpomp en morfinepomp',
    intro: 'Een pijnpomp geeft continu pijnmedicatie onderhuids, vaak in de palliatieve zorg.',
    rules: ['alleen verpleegkundigen die bekwaam zijn stellen de pomp in', 'controleer elke dienst de pomp, het lijntje en de insteekplaats', 'een alarm los je op volgens de instructiekaart bij de pomp', 'bij twijfel bel je het palliatief team'],
  },
  {
    title: 'Een medicatiefout melden',
    intro: 'Gaat er iets mis met medicatie, of bijna, meld dat dan. We leren ervan; melden is niet om schuldigen te zoeken.',
    rules: ['zorg eerst voor de cliënt: bel bij twijfel de arts', 'meld de fout in het MIC-formulier, ook als er geen schade is', 'de MIC-commissie bespreekt de meldingen en zoekt naar verbeteringen'],
    steps: ['Kijk of de cliënt in gevaar is en handel.', 'Informeer de verpleegkundige en de arts.', 'Vertel het de cliënt of familie, eerlijk en zonder omwegen.', 'Vul het MIC-formulier in.'],
  },
  {
    title: 'Baxterrol en medicatierol',
    intro: 'De apotheek levert de vaste medicatie per cliënt in een baxterrol: per innamemoment een zakje met de naam, datum en tijd.',
    rules: ['controleer of de naam en de datum op het zakje kloppen', 'tel of het aantal tabletten overeenkomt met wat er op staat', 'een gewijzigde dosis gaat pas na een nieuwe levering van de apotheek in de rol; tot die tijd geef je uit de losse voorraad'],
  },
  {
    title: 'Medicatieoverzicht en medicatiebeoordeling',
    intro: 'Twee keer per jaar bekijken de arts, de apotheker en de verpleegkundige samen alle medicatie van een cliënt: de medicatiebeoordeling.',
    rules: ['zijn alle medicijnen nog nodig?', 'zijn er bijwerkingen, zoals sufheid of vallen?', 'slikt de cliënt niet te veel verschillende middelen?'],
  },
];

function medicationPages(): KbPageText[] {
  return MEDICATION.map((m): KbPageText => {
    const seeAlso = m.title === 'Een medicatiefout melden' ? 'Een incident melden (MIC)' : 'Een medicatiefout melden';
    return {
      title: m.title,
      body: page(m.intro, '## Afspraken', bullets(m.rules), m.steps && '## Stappen', m.steps && steps(m.steps), `Zie ook ${pageLink(seeAlso, seeAlso)}.`),
    };
  });
}

function clientSafetyPages(): KbPageText[] {
  return [
    {
      title: 'Valpreventie',
      body: page(
        'Vallen is een van de grootste risico’s voor ouderen. Een val kan leiden tot een heupfractuur en verlies van zelfstandigheid. Met een paar maatregelen voorkom je veel.',
        '## Risico inschatten',
        'Bij opname en daarna elk half jaar vul je de valrisico-inventarisatie in het ECD in. Een cliënt die het afgelopen jaar viel, heeft altijd een verhoogd risico.',
        '## Maatregelen',
        bullets([
          'goede schoenen, geen sloffen zonder hak',
          'bril op en hoortoestel in',
          'verlichting aan bij nacht, vrije looproutes',
          'loophulpmiddel binnen handbereik',
          'bed op de laagste stand',
          'medicatie laten beoordelen: slaapmiddelen verhogen het valrisico',
        ]),
        '## Na een val',
        steps(['Beweeg de cliënt niet als je een breuk vermoedt; bel de arts of 112.', 'Controleer bewustzijn, pijn en verwondingen.', 'Gebruikt de cliënt antistolling en is het hoofd geraakt: altijd de arts bellen.', 'Meld de val in het MIC-formulier.']),
      ),
    },
    {
      title: 'Vrijheidsbeperkende maatregelen',
      body: page(
        'Een vrijheidsbeperkende maatregel, zoals een bedhek, een gesloten deur of een sensor, mag alleen als het echt niet anders kan. Dat staat in de Wet zorg en dwang (Wzd).',
        '## Het stappenplan',
        steps(['Bespreek het probleem in het multidisciplinair overleg.', 'Zoek eerst naar alternatieven zonder beperking.', 'Lukt dat niet, dan besluit de Wzd-arts of zorgverantwoordelijke over de maatregel.', 'Leg alles vast in het zorgplan en evalueer regelmatig.']),
        'Een bedhek omhoog bij een cliënt die dat niet wil, is ook een vrijheidsbeperkende maatregel.',
      ),
    },
    {
      title: 'Decubitus voorkomen',
      body: page(
        'Decubitus (doorligwonden) ontstaat door langdurige druk op de huid, vooral op stuit, hielen en heupen.',
        '## Risico',
        'Schat het risico in met de Braden-schaal bij opname en bij veranderingen.',
        '## Voorkomen',
        bullets(['wisselhouding elke 2 tot 4 uur', 'een drukverlagend matras bij verhoogd risico', 'hielen vrij leggen', 'huid droog en schoon houden', 'genoeg eten en drinken']),
        `Zie ook ${pageLink('Bekwaamheid: wondzorg', 'Bekwaamheid: wondzorg')}.`,
      ),
    },
    {
      title: 'Ondervoeding signaleren',
      body: page(
        'Veel ouderen eten te weinig zonder dat het opvalt. Ondervoeding maakt wonden trager genezen en vergroot de kans op vallen.',
        bullets(['weeg de cliënt elke maand, op dezelfde weegschaal', 'gebruik de SNAQ-vragenlijst bij opname', 'meer dan 5% gewicht verloren in een maand: overleg met de diëtist']),
      ),
    },
    {
      title: 'Delier herkennen',
      body: page(
        'Een delier is een plotselinge verwardheid door een lichamelijke oorzaak, zoals een infectie, uitdroging of medicatie.',
        '## Signalen',
        bullets(['plotseling verward, binnen uren of dagen', 'wisselend wakker en suf', 'onrustig of juist teruggetrokken', 'ziet dingen die er niet zijn']),
        '## Wat doe je?',
        steps(['Meld het direct bij de verpleegkundige en de arts: een delier is een spoedgeval.', 'Zorg voor rust, een klok en vertrouwde gezichten.', 'Let op drinken en plassen.']),
      ),
    },
    {
      title: 'Slikproblemen en verslikken',
      body: page(
        'Cliënten met slikproblemen kunnen zich verslikken en een longontsteking krijgen.',
        bullets(['laat de cliënt rechtop zitten tijdens en na het eten', 'volg het voedingsadvies van de logopedist (bijvoorbeeld gemalen of vloeibaar)', 'verdik dranken als dat is afgesproken']),
        'Verslikt een cliënt zich en kan hij niet meer hoesten of ademen: geef slagen tussen de schouderbladen en bel 112.',
      ),
    },
    {
      title: 'Ouderenmishandeling signaleren',
      body: page(
        'Ouderenmishandeling is lichamelijk of psychisch geweld, verwaarlozing of financiële uitbuiting van een oudere.',
        '## Signalen',
        bullets(['onverklaarbare blauwe plekken', 'angstig bij bepaalde bezoekers', 'geldgebrek terwijl er genoeg inkomen is', 'verwaarlozing: vuile kleding, te weinig eten']),
        '## Meldcode',
        'Heb je een vermoeden? Volg de meldcode huiselijk geweld en kindermishandeling: bespreek het met de aandachtsfunctionaris, niet met de vermoedelijke pleger.',
      ),
    },
    {
      title: 'Palliatieve zorg',
      body: page(
        'Palliatieve zorg is zorg voor cliënten die niet meer beter worden. Het doel is een zo goed mogelijke kwaliteit van leven, tot het einde.',
        bullets(['bespreek wensen voor het levenseinde op tijd, en leg ze vast in het ECD', 'let op pijn, benauwdheid, onrust en angst', 'het palliatief team denkt mee, ook ’s nachts']),
        'Na het overlijden verzorg je de overledene met respect en volgens de wensen van de familie.',
      ),
    },
    {
      title: 'Mondzorg',
      body: page(
        'Een schone mond voorkomt longontsteking en pijn bij het eten.',
        bullets(['tanden of prothese twee keer per dag poetsen', 'prothese ’s nachts uit, droog bewaren', 'elk half jaar een controle door de tandarts of mondhygiënist']),
      ),
    },
    {
      title: 'Cliënt vermist',
      body: page(
        'Is een cliënt niet te vinden en kan hij niet zelfstandig de weg vinden? Handel dan snel.',
        steps(['Zoek de afdeling, het gebouw en de tuin af met collega’s.', 'Na 15 minuten zonder resultaat: bel 112 en vraag om de politie.', 'Geef een recente foto, de kleding en mogelijke bestemmingen door.', 'Informeer de familie en de leidinggevende van dienst.']),
        'Leg voor cliënten met dwaalgedrag een vermissingsformulier met foto klaar in het ECD.',
      ),
    },
  ];
}

function emergencyPages(o: KbOrganisation): KbPageText[] {
  return [
    {
      title: 'Bedrijfshulpverlening (BHV)',
      body: page(
        `Op elke locatie van ${o.name} zijn bedrijfshulpverleners (BHV’ers) aanwezig. Zij verlenen eerste hulp, bestrijden een beginnende brand en leiden een ontruiming.`,
        '## Alarmeren',
        steps(['Bel het interne alarmnummer 2222: vertel wat er is en waar.', 'Bel bij brand, letsel of gevaar ook 112.', 'Volg de aanwijzingen van de BHV’ers.']),
        '## BHV’er worden',
        'BHV’ers krijgen een basiscursus van 2 dagen en elk jaar een herhaling. Meld je bij je leidinggevende.',
        `De ontruimingsplannen per locatie vind je onder ${pageLink('Locaties', 'Onze locaties')}.`,
      ),
    },
    {
      title: 'Brand: wat doe je?',
      body: page(
        'Ontdek je brand of rook? Houd het hoofd koel en volg deze stappen.',
        steps(['Alarmeer: druk op de handmelder en bel 2222.', 'Breng cliënten in directe nabijheid in veiligheid, naar een ander brandcompartiment.', 'Sluit deuren en ramen, maar doe ze niet op slot.', 'Blus alleen een kleine brand, en alleen als het veilig kan.', 'Volg de BHV’ers en meld je bij de verzamelplaats.']),
        'Gebruik bij brand nooit de lift.',
      ),
    },
    {
      title: 'Ontruimen',
      body: page(
        'Bij een ontruiming brengen we cliënten eerst horizontaal in veiligheid: naar een ander brandcompartiment op dezelfde verdieping. Pas als dat niet genoeg is, verticaal naar beneden.',
        bullets(['de BHV-ploegleider geeft opdracht tot ontruimen', 'controleer kamers, toiletten en badkamers en sluit de deur achter je', 'houd bij welke cliënten in veiligheid zijn, met de bewonerslijst']),
        'Elk jaar houden we op iedere locatie een ontruimingsoefening.',
      ),
    },
    {
      title: 'Reanimatie en AED',
      body: page(
        'Iemand is niet aanspreekbaar en ademt niet normaal? Start direct met reanimeren.',
        steps(['Bel 112 of laat een ander bellen, en laat een AED halen.', 'Geef 30 borstcompressies, 5 tot 6 cm diep, 100 tot 120 per minuut.', 'Geef 2 beademingen als je dat kunt, anders alleen compressies.', 'Zet de AED aan zodra hij er is en volg de instructies.']),
        '## Niet reanimeren',
        'Heeft de cliënt een niet-reanimeerverklaring of een afspraak in het ECD, dan reanimeer je niet. Check dit bij opname en bespreek het met de arts.',
      ),
    },
    {
      title: 'Agressie en ongewenst gedrag van cliënten of bezoekers',
      body: page(
        'Agressie kan verbaal zijn (schelden, dreigen) of fysiek (slaan, knijpen). Niemand hoeft agressie te accepteren.',
        '## Tijdens een incident',
        bullets(['blijf rustig en houd afstand', 'zorg dat je een uitweg hebt', 'haal hulp: druk op je alarmknop of bel 2222', 'bij ernstig geweld: bel 112']),
        '## Na een incident',
        steps(['Meld het incident via het meldformulier (MIM).', 'Je leidinggevende bespreekt het met je, binnen een dag.', 'Je kunt gebruikmaken van collegiale opvang of een gesprek met de vertrouwenspersoon.', 'Bij fysiek geweld kun je aangifte doen; de organisatie helpt je daarbij.']),
        `Zie ook ${pageLink('Collegiale opvang na een incident', 'Collegiale opvang na een incident')}.`,
      ),
    },
    {
      title: 'Omgaan met onbegrepen gedrag bij dementie',
      body: page(
        'Cliënten met dementie kunnen onrustig, achterdochtig of agressief zijn. Vaak is het een reactie op iets: pijn, angst, te veel prikkels.',
        bullets(['zoek naar de oorzaak: heeft de cliënt pijn, honger, een volle blaas?', 'benader rustig en van voren, in het blikveld', 'gebruik korte zinnen en geef één opdracht tegelijk', 'bespreek terugkerend gedrag met de psycholoog']),
      ),
    },
    {
      title: 'Collegiale opvang na een incident',
      body: page(
        'Na een schokkende gebeurtenis, zoals agressie, een overlijden of een ernstig ongeluk, kun je een gesprek krijgen met een getrainde collega van het opvangteam.',
        bullets(['je leidinggevende meldt het incident bij het opvangteam', 'een opvangcollega belt je binnen 24 uur', 'het gesprek is vertrouwelijk en vrijwillig']),
      ),
    },
    {
      title: 'Stroomuitval',
      body: page(
        'Valt de stroom uit, dan springt de noodstroom aan voor de belangrijkste apparatuur en verlichting.',
        bullets(['controleer cliënten met zuurstof of een anti-decubitusmatras: die werken op noodstroom of een accu', 'gebruik de zaklampen uit de noodkoffer', 'meld de storing bij de technische dienst']),
      ),
    },
    {
      title: 'Hitteplan',
      body: page(
        'Bij warm weer lopen ouderen risico op uitdroging en oververhitting. Vanaf een verwachte temperatuur van 27 graden werken we volgens het hitteplan.',
        bullets(['geef elk uur drinken en noteer het bij kwetsbare cliënten', 'houd gordijnen en ramen overdag dicht, zet ze ’s avonds open', 'let op verwardheid, sufheid en weinig plassen']),
      ),
    },
  ];
}

export function careSection(o: KbOrganisation): KbSectionText {
  return {
    title: 'Zorg en protocollen',
    owner: 'quality',
    pages: [],
    sections: [
      { title: 'Hygiëne en infectiepreventie', owner: 'quality', pages: hygienePages() },
      { title: 'Medicatie', owner: 'quality', pages: medicationPages() },
      { title: 'Veiligheid van cliënten', owner: 'quality', pages: clientSafetyPages() },
      { title: 'Noodsituaties', owner: 'facility', pages: emergencyPages(o) },
    ],
  };
}
