import { bullets, page, pageLink, steps, table, type KbOrganisation, type KbPageText, type KbSectionText } from './knowledgeBaseTexts.js';

/** Werk en inkomen: salary, leave, illness, pension, joining and leaving, the collective agreement. */

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const WEEKDAYS = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'];

/** The 23rd of each month, or the Friday before when it falls in a weekend. */
function payDays(year: number): string[][] {
  return MONTHS.map((month, m) => {
    let day = 23;
    let weekday = new Date(Date.UTC(year, m, day)).getUTCDay();
    while (weekday === 0 || weekday === 6) {
      day -= 1;
      weekday = new Date(Date.UTC(year, m, day)).getUTCDay();
    }
    return [month, `${WEEKDAYS[weekday]} ${day} ${month}`, m === 4 ? 'met vakantiegeld' : m === 10 ? 'met eindejaarsuitkering' : ''];
  });
}

function salaryPages(o: KbOrganisation): KbPageText[] {
  return [
    {
      title: 'Salaris en betaaldata',
      body: page(
        `Bij ${o.name} krijg je je salaris één keer per maand. Het staat uiterlijk op de 23e op je rekening; valt die dag in het weekend, dan betalen we op de vrijdag ervoor.`,
        '## Betaaldata ' + o.year,
        table(['Maand', 'Betaaldatum', 'Bijzonderheden'], payDays(o.year)),
        '## Wat staat er op je salarisstrook?',
        `Je salarisstrook staat een paar dagen voor de betaaldatum in het HR-portaal. Lees ${pageLink('hoe je je salarisstrook leest', 'Je salarisstrook lezen')}.`,
        '## Klopt je salaris niet?',
        steps([
          'Vergelijk je strook met je rooster: toeslagen over onregelmatige uren komen een maand later mee.',
          'Kijk of er een wijziging in je contract was (uren, functie, schaal).',
          'Klopt het daarna nog niet? Mail de salarisadministratie via het HR-portaal met je personeelsnummer en de maand.',
        ]),
        'Een correctie die vóór de 10e binnen is, zit in het salaris van die maand. Later wordt het de maand erna.',
      ),
    },
    {
      title: 'Je salarisstrook lezen',
      body: page(
        'Je salarisstrook (loonstrook) laat zien hoe we van je brutosalaris naar het bedrag op je rekening komen.',
        '## Bovenaan',
        bullets(['je personeelsnummer, functie en schaal met trede', 'je parttimepercentage (bij 36 uur per week is dat 100%)', 'de periode waar de strook over gaat']),
        '## Het midden: bruto',
        bullets([
          'Salaris: je maandsalaris naar je uren',
          'ORT: toeslag onregelmatige diensten, altijd over de maand ervóór',
          'Meeruren: uren boven je contract, ook een maand later',
          'Reiskosten woon-werk: onbelast tot het wettelijke maximum',
        ]),
        '## Onderaan: inhoudingen',
        bullets(['Pensioenpremie PFZW (jouw deel)', 'Loonheffing: belasting en premies volksverzekeringen', 'Eventueel: fietsplan, vakbondscontributie, personeelsvereniging']),
        `Zie ook ${pageLink('Salaris en betaaldata', 'Salaris en betaaldata')} en ${pageLink('Loonheffingskorting', 'Loonheffingskorting')}.`,
      ),
    },
    {
      title: 'Vakantiegeld',
      body: page(
        'Je bouwt elke maand 8% van je brutosalaris op als vakantiegeld. Het wordt in één keer uitbetaald met het salaris van mei.',
        '## Hoe wordt het berekend?',
        bullets(['over je salaris van juni vorig jaar tot en met mei dit jaar', 'ook over je vaste toeslagen, niet over incidentele meeruren', 'bij uit dienst gaan krijg je het opgebouwde deel met je laatste salaris']),
        '## Waarom houd ik er minder van over?',
        'Vakantiegeld valt onder het bijzondere tarief van de loonheffing. Daardoor gaat er in mei verhoudingsgewijs meer belasting af dan in andere maanden.',
      ),
    },
    {
      title: 'Eindejaarsuitkering',
      body: page(
        'De eindejaarsuitkering is 8,33% van je salaris over het hele jaar: een dertiende maand. Je krijgt hem met het salaris van november.',
        '## Voorwaarden',
        bullets(['je bouwt hem op over januari tot en met december', 'werk je een deel van het jaar, dan krijg je een evenredig deel', 'ga je uit dienst, dan krijg je het opgebouwde deel met je laatste salaris']),
        'De eindejaarsuitkering telt mee voor je pensioen.',
      ),
    },
    {
      title: 'Toeslag onregelmatige diensten (ORT)',
      body: page(
        'Werk je op avonden, nachten, in het weekend of op feestdagen, dan krijg je een toeslag op je uurloon: de ORT.',
        '## Percentages',
        table(
          ['Wanneer', 'Toeslag'],
          [
            ['maandag tot en met vrijdag 20.00 - 22.00 uur', '22%'],
            ['maandag tot en met vrijdag 22.00 - 06.00 uur', '44%'],
            ['zaterdag 08.00 - 22.00 uur', '38%'],
            ['zaterdag 22.00 - 06.00 uur', '44%'],
            ['zon- en feestdagen', '60%'],
          ],
        ),
        '## Wanneer krijg je het?',
        'De ORT wordt berekend op de uren die in het rooster als gewerkt zijn afgesloten, en betaald met het salaris van de maand erna. Ontbreekt een dienst, laat je planner dan de registratie aanpassen.',
      ),
    },
    {
      title: 'Reiskosten woon-werk',
      body: page(
        'Je krijgt een vergoeding voor je reis tussen huis en werk als je verder dan 10 kilometer van je werkplek woont.',
        '## Zo werkt het',
        bullets(['je geeft je woonadres en vaste werkplek door in het HR-portaal', 'we rekenen met de kortste route volgens de routeplanner', 'de vergoeding is per gewerkte dag, niet voor vakantie- of ziektedagen', 'werk je op wisselende locaties, geef dan per maand je gereden ritten op']),
        '## Met het openbaar vervoer',
        'Reis je met bus of trein, dan vergoeden we de werkelijke kosten van het tweede klas abonnement. Lever de factuur in via een declaratie.',
        `Zie ook ${pageLink('declaraties indienen', 'Declaraties indienen')}.`,
      ),
    },
    {
      title: 'Kilometers voor cliëntbezoek',
      body: page(
        'In de wijkverpleging rijd je van cliënt naar cliënt. Die kilometers zijn zakelijk en worden apart vergoed van je woon-werkverkeer.',
        '## Registreren',
        steps(['Je route staat in de planning-app; de kilometers tussen de adressen worden automatisch geteld.', 'Rijd je om (wegwerkzaamheden, spoed), pas het aantal dan dezelfde dag aan met een korte reden.', 'Eind van de maand keurt je teamleider de kilometers goed.']),
        '## Vergoeding',
        'Per zakelijke kilometer krijg je het onbelaste maximum. Gebruik je een dienstauto of e-bike van de organisatie, dan krijg je geen kilometervergoeding.',
      ),
    },
    {
      title: 'Meeruren en overwerk',
      body: page(
        'Meeruren zijn uren die je werkt boven je contracturen, tot 36 uur per week. Daarboven heet het overwerk.',
        '## Uitbetalen of opnemen?',
        bullets(['meeruren worden standaard uitbetaald met het salaris van de maand erna', 'wil je ze liever opnemen als vrije tijd, geef dat dan aan bij je planner', 'overwerk krijgt een toeslag van 25% en gaat altijd in overleg met je leidinggevende']),
        '## Structureel meer werken?',
        'Werk je een half jaar lang elke maand meer dan je contract, bespreek dan met je leidinggevende of je contract omhoog kan.',
      ),
    },
    {
      title: 'Loonheffingskorting',
      body: page(
        'De loonheffingskorting verlaagt de belasting die van je salaris afgaat. Je mag hem maar bij één werkgever of uitkering tegelijk laten toepassen.',
        '## Aanzetten of uitzetten',
        steps(['Open het HR-portaal en kies Mijn gegevens.', 'Kies Loonheffingskorting en zet hem aan of uit.', 'De wijziging gaat in met de eerstvolgende salarisrun.']),
        'Heb je twee banen? Laat de korting dan toepassen bij de baan met het hoogste salaris, anders betaal je achteraf bij.',
      ),
    },
    {
      title: 'Bereikbaarheidsdienst',
      body: page(
        'Sta je buiten kantoortijd bereikbaar (bijvoorbeeld als leidinggevende van dienst of voor de technische dienst), dan krijg je een vergoeding per uur bereikbaarheid.',
        '## Afspraken',
        bullets(['je bent binnen 30 minuten inzetbaar', 'je telefoon staat aan en je bent niet onder invloed', 'een oproep telt vanaf vertrek van huis als gewerkte tijd, met ORT']),
        'De uren staan in het rooster als bereikbaarheidsdienst en worden automatisch vergoed.',
      ),
    },
    {
      title: 'Fietsplan',
      body: page(
        'Via het fietsplan koop je eens in de drie jaar een fiets of e-bike van je brutosalaris of eindejaarsuitkering. Zo betaal je er minder belasting over.',
        '## Aanvragen',
        steps(['Kies een fiets bij een van de aangesloten winkels en vraag een offerte.', 'Vul het formulier Fietsplan in het HR-portaal in en voeg de offerte toe.', 'Na akkoord krijg je een bevestiging om de fiets op te halen.']),
        'Het maximumbedrag staat in het HR-portaal. Ga je binnen drie jaar uit dienst, dan verrekenen we het resterende deel.',
      ),
    },
    {
      title: 'Persoonlijk levensfasebudget (PLB)',
      body: page(
        'Het persoonlijk levensfasebudget (PLB) zijn extra uren die je elk jaar opbouwt. Je kunt ze sparen voor later of opnemen als verlof.',
        '## Hoeveel bouw je op?',
        table(['Leeftijd', 'PLB per jaar bij een volledige baan'], [['tot 45 jaar', '35 uur'], ['45 tot 55 jaar', '55 uur'], ['55 jaar en ouder', '90 uur']]),
        '## Gebruiken',
        bullets(['opnemen als extra verlof, aanvragen zoals gewone vakantie', 'sparen voor een langere periode, bijvoorbeeld een sabbatical', 'uitbetalen kan alleen bij uit dienst gaan']),
        `Zie ook ${pageLink('Verlof aanvragen', 'Verlof aanvragen')}.`,
      ),
    },
  ];
}

interface LeaveKind {
  title: string;
  what: string;
  length: string;
  pay: string;
  request: string[];
  notes: string[];
}

const LEAVE_KINDS: LeaveKind[] = [
  {
    title: 'Zwangerschapsverlof en bevallingsverlof',
    what: 'Als je zwanger bent, heb je recht op zwangerschapsverlof vóór de bevalling en bevallingsverlof erna.',
    length: 'Samen minstens 16 weken. Het zwangerschapsverlof begint 6 tot 4 weken voor de uitgerekende datum.',
    pay: 'Je krijgt een uitkering van het UWV ter hoogte van je salaris; wij betalen die aan je door.',
    request: ['Meld je zwangerschap uiterlijk 3 weken voor het verlof bij je leidinggevende.', 'Lever de zwangerschapsverklaring van je verloskundige in bij P&O.', 'P&O vraagt de uitkering aan bij het UWV.'],
    notes: ['Je bouwt tijdens het verlof gewoon vakantie-uren op.', 'Ben je ziek door je zwangerschap, dan telt dat niet mee voor je gewone ziekteverzuim.'],
  },
  {
    title: 'Geboorteverlof voor partners',
    what: 'Partners krijgen verlof als hun kind geboren is.',
    length: 'Eén keer je wekelijkse uren, op te nemen in de eerste 4 weken na de geboorte. Daarna kun je 5 weken aanvullend geboorteverlof opnemen.',
    pay: 'Het eerste deel betalen wij volledig door; het aanvullende deel is een UWV-uitkering van 70% van je dagloon.',
    request: ['Geef de uitgerekende datum door aan je planner.', 'Vraag het verlof aan in het HR-portaal onder Verlof, soort Geboorteverlof.', 'Voor aanvullend verlof: uiterlijk 4 weken vooraf aanvragen.'],
    notes: ['Het verlof gaat voor op het rooster: je planner zoekt vervanging.'],
  },
  {
    title: 'Ouderschapsverlof',
    what: 'Ouders van kinderen tot 8 jaar kunnen ouderschapsverlof opnemen om meer tijd met hun kind te hebben.',
    length: '26 keer je wekelijkse uren per kind.',
    pay: 'De eerste 9 weken zijn deels betaald via het UWV (70% van je dagloon) als je ze in het eerste levensjaar opneemt; de rest is onbetaald.',
    request: ['Vraag het verlof minstens 2 maanden vooraf aan in het HR-portaal.', 'Spreek met je leidinggevende af hoe je de uren over de weken verdeelt.'],
    notes: ['Tijdens onbetaald verlof loopt je pensioenopbouw door als je de premie zelf betaalt; P&O rekent dat voor je uit.'],
  },
  {
    title: 'Calamiteitenverlof',
    what: 'Voor een plotselinge noodsituatie thuis: je kind wordt ziek op school, er is een lekkage, een familielid komt met spoed in het ziekenhuis.',
    length: 'Zo lang als nodig is om het eerste op te lossen: meestal een paar uur tot een dag.',
    pay: 'Volledig doorbetaald.',
    request: ['Meld het direct bij de dienstdoende leidinggevende, ook midden in je dienst.', 'Zet het achteraf in het HR-portaal als Calamiteitenverlof.'],
    notes: ['Duurt de zorg langer, dan gaat het over in kortdurend zorgverlof.'],
  },
  {
    title: 'Kortdurend zorgverlof',
    what: 'Om te zorgen voor een zieke partner, kind, ouder of iemand met wie je een sociale relatie hebt.',
    length: 'Per jaar twee keer je wekelijkse uren.',
    pay: '70% van je salaris.',
    request: ['Overleg met je leidinggevende zodra je weet dat je zorg moet geven.', 'Vraag het verlof aan in het HR-portaal; je leidinggevende kan om uitleg vragen.'],
    notes: ['Je hoeft geen medische gegevens van de zieke te geven.'],
  },
  {
    title: 'Langdurend zorgverlof',
    what: 'Als iemand in je omgeving langere tijd zorg nodig heeft, bijvoorbeeld bij een ernstige ziekte.',
    length: 'Per jaar zes keer je wekelijkse uren.',
    pay: 'Onbetaald; je kunt wel PLB-uren of vakantie-uren inzetten.',
    request: ['Vraag het minstens 2 weken vooraf aan in het HR-portaal.', 'Spreek met je leidinggevende een verdeling over de weken af.'],
    notes: ['Je leidinggevende mag het alleen weigeren bij zwaarwegend bedrijfsbelang, en moet dat schriftelijk uitleggen.'],
  },
  {
    title: 'Bijzonder verlof',
    what: 'Voor gebeurtenissen waar je vrij voor krijgt zonder vakantie-uren op te nemen.',
    length: 'Zie de tabel; het gaat om de uren van je geplande dienst.',
    pay: 'Volledig doorbetaald.',
    request: ['Vraag het aan in het HR-portaal onder Verlof, soort Bijzonder verlof.', 'Voeg waar nodig een bewijs toe, zoals een trouwkaart of rouwkaart.'],
    notes: [
      'Eigen huwelijk of geregistreerd partnerschap: 2 dagen',
      'Huwelijk van een kind, ouder, broer of zus: 1 dag',
      'Overlijden van partner, kind of ouder: 4 dagen',
      'Overlijden van een broer, zus, schoonouder of grootouder: 1 dag',
      'Verhuizing: 1 dag per jaar',
      '25- of 40-jarig dienstjubileum: 1 dag',
    ],
  },
  {
    title: 'Verlof voor verhuizing',
    what: 'Verhuis je, dan krijg je een dag vrij om te verhuizen.',
    length: 'Eén dag per kalenderjaar.',
    pay: 'Volledig doorbetaald.',
    request: ['Vraag de dag aan in het HR-portaal als Bijzonder verlof, reden verhuizing.', 'Geef je nieuwe adres door in het HR-portaal onder Mijn gegevens.'],
    notes: ['Je nieuwe adres telt ook voor je reiskostenvergoeding.'],
  },
  {
    title: 'Studieverlof',
    what: 'Voor een opleiding die nodig is voor je functie of die de organisatie met je afspreekt.',
    length: 'Volgens de studieovereenkomst, meestal de lesdagen en een dag per tentamen.',
    pay: 'Volledig doorbetaald bij een verplichte opleiding.',
    request: ['Maak met je leidinggevende een studieafspraak.', 'Je planner roostert je vrij op lesdagen; geef het lesrooster zo vroeg mogelijk door.'],
    notes: ['Zie ook Studiekosten en terugbetaling.'],
  },
  {
    title: 'Onbetaald verlof',
    what: 'Een langere periode vrij zonder salaris, bijvoorbeeld voor een reis of mantelzorg.',
    length: 'In overleg, tot maximaal een jaar.',
    pay: 'Onbetaald. Je bouwt geen vakantie-uren op; pensioen kun je vrijwillig doorbetalen.',
    request: ['Bespreek je plan minstens 3 maanden vooraf met je leidinggevende.', 'Vraag het daarna schriftelijk aan via het HR-portaal.'],
    notes: ['Na afloop kom je terug in je eigen functie en uren.'],
  },
  {
    title: 'Adoptie- en pleegzorgverlof',
    what: 'Als je een kind adopteert of een pleegkind in huis neemt.',
    length: '6 weken per kind, op te nemen in 26 weken rond de komst van het kind.',
    pay: 'Een UWV-uitkering ter hoogte van je salaris.',
    request: ['Meld het minstens 3 weken vooraf bij je leidinggevende.', 'Lever een bewijs van adoptie of pleegzorg in bij P&O.'],
    notes: [],
  },
  {
    title: 'Verlof voor vakbondswerk en ondernemingsraad',
    what: 'Voor je werk als lid van de ondernemingsraad of een vakbondsfunctie.',
    length: 'Volgens de faciliteitenregeling: OR-leden hebben 8 uur per week plus vergaderingen.',
    pay: 'Volledig doorbetaald.',
    request: ['Zet de uren in het rooster als OR-tijd of vakbondsverlof.', 'Je planner houdt er bij het roosteren rekening mee.'],
    notes: [],
  },
  {
    title: 'Sabbatical',
    what: 'Een langere pauze van 3 tot 12 maanden, gefinancierd uit gespaard PLB en vakantie-uren.',
    length: '3 tot 12 maanden.',
    pay: 'Zo veel als je hebt gespaard; de rest is onbetaald.',
    request: ['Bespreek het minstens een half jaar vooraf met je leidinggevende.', 'P&O rekent uit hoeveel uren je hebt en wat dat betekent voor je salaris.'],
    notes: ['Je keert terug in je eigen functie.'],
  },
];

function leavePages(): KbPageText[] {
  return [
    {
      title: 'Verlof aanvragen',
      body: page(
        'Vakantie, een vrije dag of een ander soort verlof vraag je aan in het HR-portaal. Je leidinggevende of planner keurt het goed.',
        '## Zo vraag je verlof aan',
        steps([
          'Open het HR-portaal en kies Verlof.',
          'Kies de soort verlof (vakantie, PLB, bijzonder verlof).',
          'Vul de data en uren in en verstuur de aanvraag.',
          'Je krijgt binnen 2 weken bericht; pas daarna is het verlof zeker.',
        ]),
        '## Wanneer aanvragen?',
        table(['Wat', 'Uiterlijk aanvragen'], [['zomervakantie (juli en augustus)', '1 februari'], ['kerstvakantie', '1 oktober'], ['losse dagen', '6 weken voor het rooster uitkomt']]),
        `Zie ook ${pageLink('Vakantiedagen en vakantie-uren', 'Vakantiedagen en vakantie-uren')} en ${pageLink('de verlofsoorten', 'Bijzonder verlof')}.`,
      ),
    },
    {
      title: 'Vakantiedagen en vakantie-uren',
      body: page(
        'Je vakantie wordt bijgehouden in uren, omdat diensten in de zorg verschillend lang zijn. Bij een volledige baan van 36 uur bouw je per jaar 144 wettelijke en 64,8 bovenwettelijke vakantie-uren op.',
        '## Hoeveel vakantiedagen heb ik?',
        'Deel je vakantie-uren door de lengte van je gewone dienst. Werk je diensten van 8 uur, dan is 208,8 uur ruim 26 vakantiedagen.',
        '## Vervallen',
        bullets(['wettelijke uren vervallen 6 maanden na het jaar waarin je ze opbouwde', 'bovenwettelijke uren verjaren na 5 jaar', 'je saldo staat in het HR-portaal onder Verlof']),
        '## Vakantie tijdens ziekte',
        'Ben je ziek tijdens je vakantie, meld je dan ziek zoals altijd. De zieke dagen krijg je terug.',
      ),
    },
    ...LEAVE_KINDS.map(
      (l): KbPageText => ({
        title: l.title,
        body: page(
          l.what,
          '## Hoe lang?',
          l.length,
          '## Wat krijg je betaald?',
          l.pay,
          '## Aanvragen',
          steps(l.request),
          l.notes.length > 0 && '## Goed om te weten',
          l.notes.length > 0 && bullets(l.notes),
        ),
      }),
    ),
  ];
}

function illnessPages(o: KbOrganisation): KbPageText[] {
  return [
    {
      title: 'Ziekmelden',
      body: page(
        'Ben je ziek en kun je niet werken? Meld je dan zo vroeg mogelijk ziek, zodat je dienst vervangen kan worden.',
        '## Hoe meld ik me ziek?',
        steps([
          'Bel je leidinggevende of de dienstdoende leidinggevende, uiterlijk 2 uur voor je dienst begint. Voor een vroege dienst bel je vóór 7.00 uur.',
          'Zeg hoe lang je denkt ziek te zijn en of je werk kunt overdragen.',
          'Je leidinggevende zet je ziekmelding in het HR-portaal.',
        ]),
        '## Wat vertel je wel en niet?',
        'Je hoeft niet te zeggen wat je hebt. Wel of het met werk te maken heeft, of je een ongeval had en waar je te bereiken bent.',
        '## Niet per app of mail',
        'Een ziekmelding per app, sms of mail telt niet: bel altijd, zodat er direct iemand weet dat je dienst open staat.',
        `Zie ook ${pageLink('Hersteld melden', 'Hersteld melden')} en ${pageLink('Ziek tijdens vakantie', 'Ziek tijdens vakantie')}.`,
      ),
    },
    {
      title: 'Hersteld melden',
      body: page(
        'Ben je weer beter, meld je dan hersteld bij je leidinggevende, uiterlijk de dag voordat je weer werkt.',
        steps(['Bel of app je leidinggevende dat je weer beter bent.', 'Je leidinggevende zet je hersteld in het HR-portaal.', 'Je planner zet je weer in het rooster.']),
        'Werk je eerst een deel van je uren (gedeeltelijk hersteld), spreek dan per week af hoeveel uur je werkt.',
      ),
    },
    {
      title: 'Ziek tijdens vakantie',
      body: page(
        'Word je ziek op vakantie, dan krijg je de zieke dagen terug als vakantie.',
        steps(['Meld je ziek zoals altijd bij je leidinggevende, ook vanuit het buitenland.', 'Laat je in het buitenland behandelen door een arts en bewaar de verklaring.', 'Meld je hersteld zodra je beter bent.']),
        'Zonder ziekmelding tijdens de vakantie gelden de dagen als vakantie.',
      ),
    },
    {
      title: 'Verzuimbegeleiding en de bedrijfsarts',
      body: page(
        `Ben je langer ziek, dan begeleiden je leidinggevende en de bedrijfsarts je bij je herstel. ${o.name} volgt daarbij de Wet verbetering poortwachter.`,
        '## Het verloop',
        table(
          ['Wanneer', 'Wat'],
          [
            ['binnen een week', 'je leidinggevende belt hoe het gaat'],
            ['na 4 tot 6 weken', 'eerste gesprek met de bedrijfsarts'],
            ['na 6 weken', 'probleemanalyse van de bedrijfsarts'],
            ['na 8 weken', 'plan van aanpak met je leidinggevende'],
            ['na 42 weken', 'melding bij het UWV'],
          ],
        ),
        '## De bedrijfsarts',
        'De bedrijfsarts is onafhankelijk. Wat je over je gezondheid vertelt, blijft bij de bedrijfsarts; je leidinggevende hoort alleen wat je wel en niet kunt.',
        'Wil je zelf de bedrijfsarts spreken, ook als je niet ziek bent? Maak een afspraak voor het open spreekuur via P&O.',
      ),
    },
    {
      title: 'Werken na ziekte: re-integratie',
      body: page(
        'Na een langere ziekte bouw je je werk stap voor stap weer op. Dat heet re-integratie.',
        '## Hoe gaat dat?',
        bullets(['je begint met een deel van je uren of met ander, lichter werk', 'elke twee weken kijk je met je leidinggevende hoe het gaat', 'de bedrijfsarts adviseert over het tempo']),
        '## Salaris tijdens ziekte',
        'Het eerste jaar krijg je 100% van je salaris, het tweede jaar 70%. Gewerkte re-integratie-uren worden volledig betaald.',
      ),
    },
    {
      title: 'Ziek door een ongeval op het werk',
      body: page(
        'Raak je gewond tijdens je werk, bijvoorbeeld door een val of een prikaccident? Dan gelden naast de ziekmelding extra stappen.',
        steps([
          'Zorg eerst voor eerste hulp; bel bij ernstig letsel 112.',
          'Meld het ongeval bij je leidinggevende.',
          `Vul een melding in via ${pageLink('het meldformulier voor incidenten', 'Een incident melden (MIM)')}.`,
          'Ernstige ongevallen meldt P&O binnen een dag bij de Nederlandse Arbeidsinspectie.',
        ]),
        `Bij een prikaccident volg je ${pageLink('de stappen voor een prikaccident', 'Prikaccident')}.`,
      ),
    },
  ];
}

function pensionPages(): KbPageText[] {
  return [
    {
      title: 'Pensioen bij PFZW',
      body: page(
        'Je bouwt pensioen op bij PFZW, het pensioenfonds voor zorg en welzijn. Dat gaat automatisch vanaf je eerste werkdag.',
        '## Wie betaalt wat?',
        'De premie wordt betaald door jou en door ons samen; wij betalen het grootste deel. Jouw deel zie je op je salarisstrook.',
        '## Je pensioen bekijken',
        bullets(['log in op Mijn PFZW met DigiD', 'op mijnpensioenoverzicht.nl zie je al je pensioenen bij elkaar', 'elk jaar krijg je een Uniform Pensioenoverzicht']),
        '## Vragen',
        'Vragen over je opbouw stel je aan PFZW. Over wat er op je salarisstrook staat, mail je de salarisadministratie.',
      ),
    },
    {
      title: 'Eerder stoppen met werken',
      body: page(
        'Wil je stoppen voor je AOW-leeftijd? Er zijn een paar regelingen die dat mogelijk maken.',
        bullets([
          'RVU: met een regeling voor vervroegde uittreding kun je tot 3 jaar voor je AOW stoppen, als je lang zwaar werk deed',
          'deeltijdpensioen: minder gaan werken en een deel van je pensioen eerder laten ingaan',
          'PLB sparen om eerder te stoppen',
        ]),
        '## Eerste stap',
        'Laat je pensioen doorrekenen op Mijn PFZW en maak daarna een afspraak met een P&O-adviseur.',
      ),
    },
    {
      title: 'Arbeidsongeschiktheid en WIA',
      body: page(
        'Ben je na twee jaar ziekte nog niet (helemaal) hersteld, dan kun je een WIA-uitkering krijgen van het UWV.',
        bullets(['het UWV beoordeelt hoeveel je nog kunt verdienen', 'PFZW vult je inkomen aan met een arbeidsongeschiktheidspensioen', 'je blijft zo veel mogelijk bij ons werken als dat kan']),
        'P&O helpt je met de aanvraag, die je in week 88 van je ziekte ontvangt.',
      ),
    },
    {
      title: 'Nabestaandenpensioen',
      body: page(
        'Overlijd je terwijl je bij ons werkt, dan krijgen je partner en kinderen een nabestaandenpensioen van PFZW.',
        bullets(['je partner moet bij PFZW bekend zijn: bij een huwelijk gaat dat vanzelf, bij samenwonen moet je je partner aanmelden', 'kinderen krijgen een wezenpensioen tot hun 25e']),
        'Kijk op Mijn PFZW of je partner goed geregistreerd staat.',
      ),
    },
  ];
}

function employmentPages(o: KbOrganisation): KbPageText[] {
  return [
    {
      title: 'Je eerste werkdag',
      body: page(
        `Welkom bij ${o.name}! Zo ziet je eerste werkdag eruit.`,
        '## Vooraf geregeld',
        bullets(['je contract is getekend in het HR-portaal', 'je hebt een kopie van je identiteitsbewijs ingeleverd', 'je ontvangt een mail met je personeelsnummer en een link om je wachtwoord in te stellen']),
        '## Op de dag zelf',
        steps([
          'Meld je bij de receptie van je locatie; je leidinggevende of buddy haalt je op.',
          'Je krijgt je toegangspas en, als je in de zorg werkt, je werkkleding.',
          `Je logt voor het eerst in op ${o.intranetName} en in het ECD.`,
          'Je loopt je eerste diensten boventallig mee.',
        ]),
        `Zie ook ${pageLink('Inwerkprogramma', 'Inwerkprogramma')}.`,
      ),
    },
    {
      title: 'Inwerkprogramma',
      body: page(
        'Nieuwe collega’s in de zorg werken in in drie weken. Je krijgt een vaste buddy op je afdeling.',
        table(
          ['Week', 'Wat je doet'],
          [
            ['1', 'meelopen met je buddy, kennismaken met cliënten, e-learnings handhygiëne en brandveiligheid'],
            ['2', 'zelf zorg geven onder begeleiding, het ECD leren gebruiken, medicatieronde meelopen'],
            ['3', 'zelfstandig werken, evaluatiegesprek met je leidinggevende'],
          ],
        ),
        '## Verplichte e-learnings in je eerste maand',
        bullets(['Handhygiëne', 'Brandveiligheid en ontruiming', 'Privacy en informatiebeveiliging', 'Agressie en omgangsvormen']),
      ),
    },
    {
      title: 'Een verklaring omtrent het gedrag (VOG)',
      body: page(
        'Voor werk in de zorg heb je een verklaring omtrent het gedrag (VOG) nodig. Die vragen wij voor je aan.',
        steps(['Je krijgt van P&O een mail van Justis met een link.', 'Je logt in met DigiD en betaalt niets: de kosten zijn voor ons.', 'Lever de VOG binnen 4 weken in bij P&O; zonder VOG kun je niet starten.']),
        'Stagiairs en vrijwilligers hebben ook een VOG nodig.',
      ),
    },
    {
      title: 'Je contract en uren wijzigen',
      body: page(
        'Wil je meer of minder uren werken, of een andere functie? Bespreek het eerst met je leidinggevende.',
        bullets(['meer uren: we kijken of er ruimte is in de formatie van je team', 'minder uren: je hebt daar recht op, tenzij het bedrijfsbelang zich verzet', 'je wijziging gaat meestal in op de eerste van een maand']),
        'Na akkoord maakt P&O een contractwijziging die je tekent in het HR-portaal.',
      ),
    },
    {
      title: 'Uit dienst gaan',
      body: page(
        'Ga je bij ons weg? Zo regel je dat.',
        steps([
          'Zeg schriftelijk op via het HR-portaal. De opzegtermijn staat in je contract, meestal 1 maand.',
          'Bespreek met je planner je laatste diensten en je resterende vakantie-uren.',
          'Lever op je laatste dag je toegangspas, sleutels, werkkleding en eventuele laptop of telefoon in.',
          'Je krijgt een uitnodiging voor een exitgesprek: we willen graag weten waarom je gaat.',
        ]),
        '## Eindafrekening',
        'Met je laatste salaris krijg je het opgebouwde vakantiegeld, je eindejaarsuitkering over dit jaar en je niet opgenomen vakantie-uren.',
      ),
    },
    {
      title: 'Je gegevens wijzigen',
      body: page(
        'Verhuisd, een nieuw rekeningnummer of een nieuw telefoonnummer? Pas het zelf aan in het HR-portaal onder Mijn gegevens.',
        bullets(['een nieuw rekeningnummer gaat in met de eerstvolgende salarisrun', 'een nieuw adres telt ook voor je reiskosten', 'wijzigingen in je naam geef je door aan P&O met een kopie van je identiteitsbewijs']),
      ),
    },
    {
      title: 'Functioneringsgesprek en jaargesprek',
      body: page(
        'Eén keer per jaar heb je een jaargesprek met je leidinggevende. Het gaat over hoe het gaat, wat je wilt leren en wat je nodig hebt.',
        '## Voorbereiden',
        bullets(['wat ging goed dit jaar, en wat was lastig?', 'welke scholing wil of moet je volgen?', 'hoe gaat het met je werk-privébalans?']),
        'De afspraken worden vastgelegd in het HR-portaal. Je kunt ze daar teruglezen en aanvullen.',
      ),
    },
    {
      title: 'Vertrouwenspersoon',
      body: page(
        'Heb je te maken met ongewenst gedrag, zoals pesten, discriminatie, seksuele intimidatie of agressie van een collega? Dan kun je in vertrouwen praten met een vertrouwenspersoon.',
        bullets(['de vertrouwenspersoon luistert, denkt mee en onderneemt niets zonder jouw toestemming', 'het gesprek is vertrouwelijk', 'je kunt ook terecht als je twijfelt of iets ongewenst is']),
        'De contactgegevens van de interne en externe vertrouwenspersoon vind je via P&O.',
      ),
    },
    {
      title: 'Nevenwerkzaamheden',
      body: page(
        'Werk je naast je baan bij ons ook ergens anders, of wil je dat gaan doen? Meld dat dan bij je leidinggevende.',
        bullets(['we letten vooral op de Arbeidstijdenwet: samen niet meer dan 60 uur in een week', 'werk bij een andere zorgaanbieder mag, als het niet botst met je roosters', 'de melding komt in je personeelsdossier']),
      ),
    },
  ];
}

function caoPages(): KbPageText[] {
  return [
    {
      title: 'De cao VVT',
      body: page(
        'Onze arbeidsvoorwaarden staan in de cao Verpleeg-, Verzorgingshuizen, Thuiszorg en Jeugdgezondheidszorg (cao VVT). Daarin staan onder meer salarisschalen, toeslagen, verlof en werktijden.',
        '## Wat staat erin?',
        bullets(['salarisschalen per functie (FWG)', 'toeslagen voor onregelmatige diensten', 'vakantie-uren en PLB', 'regels voor roosters en rusttijden']),
        '## Waar lees ik hem?',
        'De volledige cao staat op de website van de sociale partners. Bij twijfel over wat voor jou geldt, helpt een P&O-adviseur.',
      ),
    },
    {
      title: 'Salarisschalen en inschaling',
      body: page(
        'Elke functie heeft een salarisschaal. Binnen de schaal ga je elk jaar een trede omhoog, tot je het maximum bereikt.',
        '## Een trede omhoog',
        bullets(['je periodiek gaat in op 1 januari', 'je krijgt hem als je functioneren voldoende is', 'aan het eind van je schaal krijg je geen periodiek meer']),
        '## Inschaling bij indiensttreding',
        'Bij je start kijken we naar je ervaring in vergelijkbaar werk. Elk relevant jaar ervaring telt voor een trede.',
      ),
    },
    {
      title: 'Werktijden en rusttijden',
      body: page(
        'In de zorg werken we volgens de Arbeidstijdenwet en de cao. De belangrijkste regels:',
        table(
          ['Regel', 'Wat'],
          [
            ['langste dienst', '10 uur, een nachtdienst 10 uur'],
            ['rust na een dienst', 'minstens 11 uur, één keer per week 8 uur'],
            ['rust na een nachtdienst', 'minstens 14 uur, na drie nachten 46 uur'],
            ['pauze bij een dienst langer dan 5,5 uur', '30 minuten'],
            ['vrije weekenden', 'minstens 2 van de 4'],
          ],
        ),
        `Zie ook ${pageLink('Hoe het rooster tot stand komt', 'Hoe het rooster tot stand komt')}.`,
      ),
    },
    {
      title: 'Werkkleding',
      body: page(
        'In de zorg draag je werkkleding van de organisatie. We wassen die voor je: neem hem niet mee naar huis.',
        bullets(['je krijgt bij de start 5 sets', 'vuile kleding gaat in de waszak op je afdeling', 'sieraden aan handen en polsen, nagellak en kunstnagels zijn niet toegestaan, vanwege de handhygiëne']),
        'Past je kleding niet meer of is hij kapot? Vraag nieuwe aan via de facilitaire servicedesk.',
      ),
    },
  ];
}

export function hrSection(o: KbOrganisation): KbSectionText {
  return {
    title: 'Werk en inkomen',
    owner: 'hr',
    pages: [],
    sections: [
      { title: 'Salaris en vergoedingen', owner: 'hr', pages: salaryPages(o) },
      { title: 'Verlof en vakantie', owner: 'hr', pages: leavePages() },
      { title: 'Ziekte en verzuim', owner: 'hr', pages: illnessPages(o) },
      { title: 'Pensioen en verzekeringen', owner: 'hr', pages: pensionPages() },
      { title: 'In en uit dienst', owner: 'hr', pages: employmentPages(o) },
      { title: 'Cao en arbeidsvoorwaarden', owner: 'hr', pages: caoPages() },
    ],
  };
}
