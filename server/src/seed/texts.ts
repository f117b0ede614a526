/**
 * Post and comment templates for the demo timeline, in the voice of colleagues in care. Slots in braces
 * are filled by the generator:
 *   {@collega}     mention of a colleague (same team when possible)
 *   {@nieuw}       mention of the colleague the post is about; {nieuwnaam} and {nieuwfunctie} name the same person
 *   {afdeling}     the author's department; {locatie} its location ("locatie De Es"); {stad} its town
 *   {dag} {datum}  a weekday and a date shortly after the post; {tijd} a clock time ("14.30")
 *   {jaar} {dienstjaren} {kamer} {aantal} {procent}  numbers that fit the sentence
 *   {org}          the organisation's name; {intranet} the intranet's short name
 *   {teamtag} {groep}  the group's hashtag and name (group posts)
 */

export type AuthorPool =
  | 'any'
  | 'ward'
  | 'homecare'
  | 'care'
  | 'facility'
  | 'hr'
  | 'comms'
  | 'ict'
  | 'quality'
  | 'planning'
  | 'health'
  | 'leaders';

export type ImageTopic =
  | 'taart'
  | 'feest'
  | 'fiets'
  | 'wol'
  | 'hardlopen'
  | 'eten'
  | 'landschap'
  | 'moestuin'
  | 'muziek'
  | 'huiskamer'
  | 'team';

export type ReplyKind = 'welkom' | 'viering' | 'vraag' | 'werkvraag' | 'aanmelden' | 'rooster' | 'griepprik' | 'bhv' | 'mooimoment' | 'info';

export interface PostTemplate {
  text: string;
  pool: AuthorPool;
  reply: ReplyKind;
  image?: ImageTopic;
  /** Relative frequency; 1 when left out. */
  weight?: number;
}

/** A template; `extra` adds a picture topic or a weight other than 1. */
const t = (text: string, pool: AuthorPool, reply: ReplyKind, extra: Pick<PostTemplate, 'image' | 'weight'> = {}): PostTemplate => ({ text, pool, reply, ...extra });

/** Posts on the organisation-wide timeline. */
export const ORG_TEMPLATES: PostTemplate[] = [
  // Welcome of new colleagues
  t('Welkom {@nieuw}! Vanaf deze week versterk je ons team op {afdeling}. Fijn dat je er bent! #welkom', 'leaders', 'welkom', { weight: 2 }),
  t('Nieuwe collega op {afdeling}: {nieuwnaam} is gestart als {nieuwfunctie}. Kom gerust even kennismaken bij de koffie. #welkom', 'any', 'welkom', { weight: 2 }),
  t('Vandaag is {@nieuw} begonnen bij ons op {locatie}. Vragen over het inwerken? Loop gerust binnen bij mij of bij {@collega}. #welkom #inwerken', 'leaders', 'welkom', { weight: 1.5 }),
  t('Een warm welkom voor {@nieuw}, onze nieuwe {nieuwfunctie}! We zijn blij met de extra handen. #welkom', 'any', 'welkom', { image: 'team', weight: 1.5 }),
  t('Deze maand starten er weer nieuwe collega\'s op {locatie}. Eén van hen is {@nieuw}: welkom en veel succes met inwerken! #welkom #nieuwecollega', 'hr', 'welkom'),
  t('Welkom terug {@nieuw}, na je verlof weer bij ons op {afdeling}. We hebben je gemist! #welkom', 'any', 'welkom'),
  t('Onze nieuwe leerlingen zijn gestart! Op {afdeling} gaat {@nieuw} de komende maanden meedraaien. Help je mee met wegwijs maken? #welkom #leerlingen', 'leaders', 'welkom'),

  // Ward news
  t('Trots op ons team: deze week is de nieuwe overdrachtsmethode op {afdeling} van start gegaan. Kortere overdracht, meer tijd voor de cliënt. #teamwerk', 'ward', 'info'),
  t('Op {afdeling} hebben we sinds vandaag nieuwe tilliften. Instructie volgt {dag} om {tijd} uur. Eerder zien hoe het werkt? Vraag het {@collega}. #tillen #arbo', 'ward', 'info'),
  t('De huiskamer van {afdeling} is opgeknapt! Nieuwe stoelen, een fris kleurtje en veel planten. De bewoners zijn er blij mee. #huiskamer', 'ward', 'mooimoment', { image: 'huiskamer', weight: 1.5 }),
  t('Gisteren hebben we met de bewoners pannenkoeken gebakken. De hele gang rook heerlijk! #activiteiten', 'ward', 'mooimoment', { image: 'eten', weight: 1.5 }),
  t('Mooi compliment van een familielid voor het hele team van {afdeling}: "Jullie geven mijn moeder echt aandacht." Dat doet goed! #compliment', 'ward', 'mooimoment'),
  t('Deze week draaien we op {afdeling} een pilot met digitaal aftekenen van medicatie. Loop je ergens tegenaan? Meld het bij {@collega}. #medicatieveiligheid #ecd', 'ward', 'info'),
  t('Dank aan iedereen die afgelopen weekend extra diensten heeft gedraaid op {afdeling}. Zonder jullie was het niet gelukt! #teamwerk #dankjewel', 'leaders', 'mooimoment'),
  t('Vanaf {dag} werken we op {afdeling} met een vaste verpleegkundige per gang. Zo weten cliënten en familie beter bij wie ze terechtkunnen. #kwaliteit', 'ward', 'info'),
  t('De muziekmiddag met de bewoners was een groot succes. Er werd zelfs gedanst! #activiteiten #muziek', 'ward', 'mooimoment', { image: 'muziek', weight: 1.5 }),
  t('Dit weekend verhuisd: {afdeling} zit nu in het vernieuwde deel van {locatie}. Dank aan de collega\'s van facilitair voor het sjouwen! #verhuizing', 'ward', 'info'),
  t('De moestuinbakken bij {locatie} staan er weer prachtig bij. Bewoners helpen mee met water geven. #buitenleven', 'ward', 'mooimoment', { image: 'moestuin' }),
  t('De hygiëne-audit op {afdeling} goed doorstaan! Vooral de handhygiëne scoorde hoog. Petje af, allemaal. #hygiëne #kwaliteit', 'leaders', 'viering'),
  t('Op {afdeling} hebben we nu een belevingstafel voor bewoners met dementie. Eerste reacties: veel glimlachen. #dementie #zorgtechnologie', 'ward', 'mooimoment'),
  t('Wie heeft er tips voor een rustige avondroutine met bewoners die onrustig worden? Op {afdeling} zoeken we ideeën. #dementie #vraag', 'ward', 'vraag'),

  // Home care
  t('Collega\'s van {afdeling}: vanaf {dag} is er een nieuwe route voor de ochtenddienst. Check de planning in de app. #rooster #thuiszorg', 'homecare', 'rooster'),
  t('Blije gezichten bij onze nieuwe e-bikes! Sneller bij de cliënt en ook nog gezond. #thuiszorg #fiets', 'homecare', 'info', { image: 'fiets', weight: 1.5 }),
  t('Wie heeft er tips voor parkeren in het centrum van {stad}? Onze vergunningen lopen af. #thuiszorg #vraag', 'homecare', 'vraag'),
  t('Wijkteam {stad}: voor de avonddienst van {dag} zoeken we nog iemand. Wie kan ruilen? #rooster #ruilen', 'homecare', 'rooster'),
  t('Vandaag afscheid genomen van een cliënt die we jaren hebben verzorgd. Mooi om te merken hoeveel dat voor de familie betekende. #thuiszorg #mooimoment', 'homecare', 'mooimoment'),
  t('De sleutelkastjes bij cliënten in {stad} worden deze maand vervangen. Let op de nieuwe codes in het dossier. #thuiszorg #veiligheid', 'homecare', 'info'),
  t('Een cliënt in {stad} gaf me vandaag zelfgekweekte tomaten mee. Zo lief. #mooimoment #thuiszorg', 'homecare', 'mooimoment', { image: 'moestuin' }),

  // Questions
  t('Weet iemand waar ik het formulier voor de reiskostenvergoeding kan vinden? #vraag #reiskosten', 'any', 'werkvraag', { weight: 1.5 }),
  t('Wie heeft er ervaring met het ECD op de tablet? Mijn rapportage wordt niet opgeslagen. #vraag #ecd', 'care', 'werkvraag', { weight: 1.5 }),
  t('Wil iemand {dag} ruilen? Ik heb een vroege dienst en zou graag een late hebben. #rooster #ruilen', 'care', 'rooster', { weight: 1.5 }),
  t('Hoe vraag ik een scholing aan via het leerplein? Ik wil de training palliatieve zorg volgen. #vraag #scholing', 'care', 'werkvraag'),
  t('Heeft iemand nog een oplader voor de scanner van de medicijnkar? Die van ons is kapot. #vraag', 'ward', 'werkvraag'),
  t('Weet iemand wanneer de nieuwe dienstkleding binnenkomt? #vraag #dienstkleding', 'care', 'werkvraag'),
  t('Kan iemand uitleggen hoe ik verlof aanvraag in het nieuwe roosterprogramma? #rooster #verlof', 'any', 'rooster'),
  t('Tips voor een goed boek over dementie voor familie? Een mantelzorger vroeg ernaar. #vraag #dementie', 'care', 'vraag'),
  t('Waar parkeer je het best bij {locatie} als de parkeerplaats vol is? #vraag #parkeren', 'any', 'vraag'),
  t('Is het restaurant van {locatie} in de vakantie gewoon open? #vraag', 'any', 'vraag'),
  t('Is er al meer bekend over de nieuwe cao? {@collega}, weet jij er iets van? #cao #salaris', 'any', 'vraag'),
  t('Ik zoek een collega die wil meedenken over een dagprogramma voor jonge mensen met dementie. Wie heeft daar ervaring mee? #vraag #dementie', 'care', 'vraag'),

  // BHV and safety
  t('Herinnering: {dag} om {tijd} uur is er een ontruimingsoefening op {locatie}. Bewoners worden vooraf ingelicht. #bhv #veiligheid', 'facility', 'bhv', { weight: 1.5 }),
  t('De BHV-herhalingstraining staat weer gepland. Inschrijven kan tot {datum} via het leerplein. #bhv', 'facility', 'bhv'),
  t('Weet jij waar de dichtstbijzijnde AED hangt op jouw afdeling? Kijk het even na, het kan levens redden. #bhv #aed', 'facility', 'bhv'),
  t('Goed gedaan tijdens de brandmelding van gisteren op {locatie}! Binnen vier minuten was alles veilig. #bhv #compliment', 'leaders', 'bhv'),
  t('We zoeken nieuwe BHV\'ers voor de avond- en nachtdiensten. Interesse? Meld je bij {@collega}. #bhv', 'facility', 'bhv'),

  // Flu shot
  t('De griepprik komt eraan! Op {dag} {datum} van 13.00 tot 16.00 uur kun je je laten vaccineren op {locatie}. Geen afspraak nodig. #griepprik #gezondheid', 'health', 'griepprik', { weight: 1.5 }),
  t('Heb je je griepprik al gehaald? Er zijn nog plekken op {dag}. Zo bescherm je jezelf en onze cliënten. #griepprik', 'health', 'griepprik'),
  t('Vragen over de griepprik? De bedrijfsarts beantwoordt ze {dag} tijdens het spreekuur van {tijd} uur. #griepprik', 'health', 'griepprik'),
  t('Al meer dan de helft van {afdeling} heeft de griepprik gehaald. Wie volgt? #griepprik', 'leaders', 'griepprik'),

  // Roster
  t('Het rooster voor de komende periode staat online. Ruilverzoeken graag vóór {datum} indienen. #rooster', 'planning', 'rooster', { weight: 1.5 }),
  t('Let op: door de feestdagen schuiven een paar diensten. Kijk je rooster nog even goed na. #rooster', 'planning', 'rooster'),
  t('Wie kan er {dag} een late dienst draaien op {afdeling}? Er is een collega ziek. #rooster #invallen', 'leaders', 'rooster', { weight: 1.5 }),
  t('Nieuw: in de app kun je nu zelf diensten ruilen, als de teamleider akkoord geeft. Handig! #rooster #app', 'planning', 'rooster'),
  t('Vakantieverlof voor de zomer graag uiterlijk {datum} aanvragen, dan kunnen we op tijd plannen. #rooster #verlof', 'planning', 'rooster'),

  // Salary
  t('Het salaris wordt deze maand op {datum} overgemaakt. Je loonstrook staat een paar dagen eerder in het personeelsportaal. #salaris', 'hr', 'info'),
  t('Goed nieuws: de cao-verhoging is verwerkt in het salaris van deze maand, inclusief de nabetaling. #salaris #cao', 'hr', 'info'),
  t('Vragen over je loonstrook? Het salarisspreekuur is {dag} om {tijd} uur bij P&O. #salaris', 'hr', 'vraag'),
  t('Denk aan het indienen van je declaraties vóór {datum}, dan gaan ze mee met het salaris van deze maand. #salaris #declaraties', 'hr', 'info'),
  t('Vanaf deze maand kun je je eindejaarsuitkering maandelijks laten uitbetalen. In het personeelsportaal lees je hoe. #salaris', 'hr', 'info'),

  // Celebrations
  t('Vandaag viert {@nieuw} het {jaar}-jarig jubileum bij {org}! Gefeliciteerd en bedankt voor je inzet. #jubileum #gefeliciteerd', 'leaders', 'viering', { image: 'taart', weight: 1.5 }),
  t('Geslaagd! {@nieuw} heeft het diploma Verzorgende IG gehaald. Wat zijn we trots! #gefeliciteerd #geslaagd', 'any', 'viering', { image: 'feest', weight: 1.5 }),
  t('Taart op {afdeling}: een heel jaar geen valincident met letsel! #valpreventie #feest', 'leaders', 'viering', { image: 'taart' }),
  t('Hoera, {@nieuw} is vandaag jarig! Er staat koffie met gebak in de teamkamer. #jarig', 'any', 'viering', { image: 'taart', weight: 1.5 }),
  t('Gefeliciteerd {@nieuw} met de geboorte van jullie dochter! Geniet van deze bijzondere tijd. #gefeliciteerd', 'any', 'viering'),
  t('Afscheid van {nieuwnaam} na {dienstjaren} jaar trouwe dienst. We gaan je missen! Vrijdag is er een borrel in het restaurant. #afscheid #pensioen', 'leaders', 'viering', { image: 'feest' }),
  t('Ons team heeft de publieksprijs van de verbeterdag gewonnen! Dank aan iedereen die heeft gestemd. #trots', 'leaders', 'viering', { image: 'feest' }),

  // Tips
  t('Tip: in het ECD zoek je met Ctrl+K direct een cliënt op. Scheelt een hoop klikken! #tip #ecd', 'quality', 'info', { weight: 1.2 }),
  t('De pocketkaart valpreventie hangt nu in elke medicijnkamer. Even doorlezen? #valpreventie #tip', 'quality', 'info'),
  t('Wist je dat je in {intranet} ook de menukaart van het restaurant kunt bekijken? Zoek op #menu. #tip', 'comms', 'info'),
  t('Tip van de zorgcoach: begin je overdracht met wat goed ging. Het maakt de sfeer meteen anders. #tip #overdracht', 'quality', 'info', { weight: 1.2 }),
  t('Vijf minuten ademhalen in je pauze helpt echt om even bij te komen. Probeer het eens! #tip #vitaliteit', 'quality', 'info'),
  t('Wist je dat je bij de servicedesk een leenlaptop kunt krijgen voor e-learnings? #tip #scholing', 'ict', 'info'),
  t('Steunkousen aantrekken? Met een aantrekhulp spaar je je rug én de huid van de cliënt. #tip #arbo', 'quality', 'info'),
  t('Drink genoeg water tijdens warme diensten, ook jij! Er staan nu waterkoelers op elke verdieping. #tip #hitte', 'health', 'info'),

  // Fall prevention
  t('Het is de week van de valpreventie. Doe mee met de quiz en win een lunch voor je team! #valpreventie', 'quality', 'aanmelden'),
  t('Goede schoenen, licht in de nacht en een opgeruimde kamer: drie eenvoudige stappen tegen vallen. #valpreventie', 'quality', 'info'),
  t('Op {afdeling} testen we sensormatten naast het bed. De eerste ervaringen zijn positief! #valpreventie #zorgtechnologie', 'ward', 'info'),
  t('Inloopsessie valpreventie voor mantelzorgers op {dag} om {tijd} uur bij {locatie}. Vertel het door! #valpreventie', 'quality', 'info'),

  // ICT
  t('Storing opgelost: het ECD is weer bereikbaar. Excuses voor het ongemak. #storing #ecd', 'ict', 'info', { weight: 1.2 }),
  t('Op {dag} tussen 22.00 en 23.00 uur doen we onderhoud aan het roosterprogramma. Het is dan even niet beschikbaar. #onderhoud #rooster', 'ict', 'rooster'),
  t('Let op: er gaan phishingmails rond die lijken te komen van P&O. Klik niet op links en meld het bij de servicedesk. #veiligheid #phishing', 'ict', 'info'),
  t('De afdelingscomputers op {locatie} krijgen {dag} een update. Laat ze na je dienst aan staan. #ict', 'ict', 'info'),
  t('Vanaf {datum} log je op de afdelingscomputer in met je pas en je pincode. #ict #inloggen', 'ict', 'info'),

  // Communications
  t('De resultaten van het medewerkersonderzoek zijn binnen: {procent}% van jullie is trots op het werk. Lees meer op de nieuwspagina. #medewerkersonderzoek', 'comms', 'info'),
  t('Zet het alvast in je agenda: de zomerbarbecue is op {datum} bij {locatie}. #personeelsfeest', 'comms', 'aanmelden', { image: 'feest' }),
  t('Op {dag} komt de bestuurder op bezoek bij {locatie}. Iets wat je kwijt wilt? Laat het hier weten. #bestuur #inspraak', 'comms', 'vraag'),
  t('Wij zoeken verhalen! Heb jij een mooi moment met een cliënt beleefd? Deel het met #mooimoment.', 'comms', 'info'),
  t('Ken je een collega die een compliment verdient? Noem diegene met #compliment en vertel waarom.', 'comms', 'info'),
  t('Open dag op {datum} bij {locatie}: help jij mee als gastvrouw of gastheer? Meld je bij {@collega}. #opendag #werkenbij', 'comms', 'aanmelden'),

  // Facility
  t('Het restaurant van {locatie} heeft een nieuwe menukaart, met elke dag een vegetarische keuze. #menu #restaurant', 'facility', 'info', { image: 'eten' }),
  t('De parkeerplaats van {locatie} wordt {dag} opnieuw geasfalteerd. Parkeer die dag aan de overkant. #parkeren', 'facility', 'info'),
  t('Gevonden bij de receptie van {locatie}: een sleutelbos en een blauwe jas. #gevonden', 'facility', 'info'),
  t('De nieuwe koffieautomaten staan er! Nu ook met havermelk. #koffie', 'facility', 'viering'),
  t('Vanaf {dag} scheiden we het afval op {locatie}. Let op de nieuwe bakken in de gangen. #duurzaamheid', 'facility', 'info'),

  // Beautiful moments
  t('Mooi moment vandaag: de meneer van kamer {kamer} zong zijn lievelingslied voor me. Daar doe je het voor. #mooimoment', 'ward', 'mooimoment', { weight: 1.5 }),
  t('Een bewoonster van {locatie} werd vandaag 100 jaar! Met de burgemeester en een enorme taart. #mooimoment', 'ward', 'viering', { image: 'taart' }),
  t('Wandeling met bewoners langs het water, in het zonnetje. Iedereen genoot. #mooimoment #buitenleven', 'care', 'mooimoment', { image: 'landschap', weight: 1.5 }),
];

export type GroupTopic =
  | 'team'
  | 'valpreventie'
  | 'bhv'
  | 'ambassadeurs'
  | 'or'
  | 'medicatie'
  | 'leerlingen'
  | 'teamleiders'
  | 'duurzaamheid'
  | 'fietsclub'
  | 'breiclub'
  | 'hardlopen'
  | 'kookclub'
  | 'fotoclub'
  | 'moestuin'
  | 'boekenclub'
  | 'zaalvoetbal';

const g = (text: string, reply: ReplyKind, extra?: Pick<PostTemplate, 'image'>): PostTemplate => t(text, 'any', reply, extra);

/** Posts inside groups; the author is always a member. */
export const GROUP_TEMPLATES: Record<GroupTopic, PostTemplate[]> = {
  team: [
    g('Overdracht voor de late dienst: kamer {kamer} krijgt vanmiddag bezoek van de fysiotherapeut. {teamtag}', 'info'),
    g('Wie neemt {dag} mijn vroege dienst over? Ik moet naar de tandarts. {teamtag} #rooster', 'rooster'),
    g('Teamoverleg {dag} om {tijd} uur in de teamkamer. Agenda: werkdruk, vakantieplanning en de nieuwe tilliften. {teamtag}', 'info'),
    g('Er staat nog soep in de koelkast van de teamkamer, pak gerust! {teamtag}', 'mooimoment'),
    g('Korte terugblik op de drukke nacht van gisteren: goed gehandeld allemaal. Dank jullie wel. {teamtag}', 'mooimoment'),
    g('Vergeet niet de e-learning medicatie af te ronden vóór {datum}. {teamtag} #scholing', 'info'),
    g('Nieuwe collega in ons team: welkom {@collega}! {teamtag} #welkom', 'welkom'),
    g('Teamuitje! Wat wordt het: bowlen, escaperoom of samen koken? Reageer hieronder. {teamtag}', 'aanmelden', { image: 'team' }),
    g('De sleutel van de medicijnkast ligt weer op de vaste plek. Graag daar laten. {teamtag}', 'info'),
    g('Wie heeft er zin om {dag} mee te helpen met het opruimen van de linnenkamer? {teamtag}', 'aanmelden'),
  ],
  valpreventie: [
    g('Verslag van ons overleg: we gaan de valregistratie per kwartaal bespreken in de teams. #valpreventie', 'info'),
    g('Wie wil er meedoen aan de pilot met heupbeschermers? #valpreventie', 'aanmelden'),
    g('De nieuwe checklist valrisico staat in het kwaliteitshandboek. Feedback welkom! #valpreventie', 'info'),
    g('Volgende bijeenkomst {dag} om {tijd} uur bij {locatie}. #valpreventie', 'info'),
  ],
  bhv: [
    g('BHV-ploeg: de portofoons zijn nagelopen, de laadstations staan nu bij de receptie. #bhv', 'bhv'),
    g('Evaluatie ontruimingsoefening {locatie}: de verzamelplaats was niet voor iedereen duidelijk. Actiepunt voor ons. #bhv', 'bhv'),
    g('Herhaling reanimatietraining op {datum}. Graag aanmelden bij {@collega}. #bhv #reanimatie', 'bhv'),
    g('Wie heeft er {dag} avonddienst en kan de BHV-portofoon overnemen? #bhv #rooster', 'rooster'),
  ],
  ambassadeurs: [
    g('Ambassadeursoverleg {dag} om {tijd} uur: hoe krijgen we meer collega\'s aan het posten? #ambassadeurs', 'info'),
    g('Idee: elke week een collega in beeld. Wie wil de eerste zijn? #ambassadeurs', 'aanmelden'),
    g('Materiaal voor het teamoverleg staat klaar: {intranet} in het kort, op één A4. #ambassadeurs', 'info'),
    g('Mooi om te zien: deze maand al {aantal} nieuwe collega\'s die hun eerste bericht plaatsten! #ambassadeurs', 'viering'),
  ],
  or: [
    g('De OR heeft ingestemd met het nieuwe roosterbeleid. Het verslag staat in de bijlage. #or #rooster', 'info'),
    g('Spreekuur van de OR op {dag} om {tijd} uur bij {locatie}. Kom langs met je vragen! #or', 'vraag'),
    g('Vooroverleg over de begroting {dag}. Punten graag vóór {datum} aanleveren. #or', 'info'),
  ],
  medicatie: [
    g('Nieuwe werkinstructie dubbele controle bij insuline staat online. #medicatieveiligheid', 'info'),
    g('Meld incidenten rond medicatie altijd via het MIC-formulier, ook als het goed afliep. Zo leren we ervan. #medicatieveiligheid #mic', 'info'),
    g('Wie heeft ervaring met de nieuwe medicijnrol van de apotheek? #medicatieveiligheid', 'vraag'),
  ],
  leerlingen: [
    g('Stagiairs: de terugkomdag is op {datum}. Vergeet je portfolio niet! #leerlingen #stage', 'info'),
    g('Welkom aan de nieuwe groep BBL-leerlingen! Vragen? Stel ze gerust hier. #leerlingen #welkom', 'welkom'),
    g('Tip voor je praktijkopdracht: vraag je werkbegeleider om een kort feedbackgesprek na elke dienst. #leerlingen', 'info'),
  ],
  teamleiders: [
    g('Graag vóór {datum} de verzuimcijfers van je team aanleveren. #teamleiders', 'info'),
    g('Intervisie {dag} om {tijd} uur. Onderwerp: lastige gesprekken over werkdruk. #teamleiders', 'info'),
    g('Wie heeft er een goede opzet voor een teamdag die ik mag lenen? #teamleiders', 'vraag'),
  ],
  duurzaamheid: [
    g('Wist je dat we vorig jaar {aantal}% minder handschoenen gebruikten? Goed bezig! #duurzaamheid', 'viering'),
    g('Via de werkgever kun je nu voordelig een e-bike leasen. #duurzaamheid #fiets', 'info', { image: 'fiets' }),
    g('Volgende actie: de koffiebekers gaan eruit, iedereen krijgt een eigen mok. #duurzaamheid', 'info'),
  ],
  fietsclub: [
    g('Zaterdag om {tijd} uur vertrekken we bij {locatie} voor een rondje van 60 km. Wie rijdt er mee? #fietsclub', 'aanmelden', { image: 'fiets' }),
    g('Mooie tocht vandaag, met koffie en appeltaart halverwege. #fietsclub', 'mooimoment', { image: 'fiets' }),
    g('Wie heeft er een reservebinnenband te leen? Ik reed vanochtend lek. #fietsclub', 'vraag'),
    g('Zondag de toertocht van {stad}: we rijden de 80 km. Aanmelden bij {@collega}. #fietsclub', 'info', { image: 'landschap' }),
  ],
  breiclub: [
    g('Onze sjaals voor de bewoners zijn af! Dank aan alle breisters en breiers. #breiclub', 'viering', { image: 'wol' }),
    g('Volgende breiavond is {dag} om {tijd} uur in het restaurant van {locatie}. Neem je eigen naalden mee. #breiclub', 'info'),
    g('Wie heeft er nog restjes wol? We breien dekentjes voor de kraamafdeling. #breiclub', 'vraag', { image: 'wol' }),
  ],
  hardlopen: [
    g('Training {dag} om {tijd} uur: intervallen. Verzamelen bij de hoofdingang. #hardlopen', 'info', { image: 'hardlopen' }),
    g('Wie loopt er mee met de zorgloop op {datum}? Inschrijven via {@collega}. #hardlopen', 'aanmelden'),
    g('Nieuw persoonlijk record op de 5 km! Dank voor de aanmoediging. #hardlopen', 'viering', { image: 'hardlopen' }),
  ],
  kookclub: [
    g('Recept van de maand: stamppot boerenkool met geroosterde pompoen. #kookclub #recept', 'info', { image: 'eten' }),
    g('Kookavond {dag}: we maken Surinaamse roti. Nog drie plekken vrij! #kookclub', 'aanmelden', { image: 'eten' }),
    g('Wie heeft een goed recept voor een grote groep? Volgende week is er een teamlunch. #kookclub #recept', 'vraag'),
  ],
  fotoclub: [
    g('Thema deze maand: licht. Deel je mooiste foto hieronder! #fotoclub', 'info', { image: 'landschap' }),
    g('Ochtendmist boven de weilanden, genomen vanaf de parkeerplaats van {locatie}. #fotoclub', 'mooimoment', { image: 'landschap' }),
  ],
  moestuin: [
    g('De eerste courgettes zijn geoogst! Ze gaan mee naar de kookactiviteit van de bewoners. #moestuin', 'viering', { image: 'moestuin' }),
    g('Wie wil in de vakantie water geven? Het schema hangt bij de ingang. #moestuin', 'aanmelden'),
  ],
  boekenclub: [
    g('Deze maand lezen we een roman over een wijkverpleegkundige op het platteland. Bespreking op {datum}. #boekenclub', 'info'),
    g('Tips voor het volgende boek? Graag iets luchtigs voor de zomer. #boekenclub', 'vraag'),
  ],
  zaalvoetbal: [
    g('Woensdag zaalvoetbal in de sporthal van {stad}, we zoeken nog twee spelers! #zaalvoetbal', 'aanmelden'),
    g('Gewonnen met 6-4! Volgende week de return. #zaalvoetbal', 'viering'),
  ],
};

/** Announcements Carla pins to the top of the timeline. */
export const PINNED_TEMPLATES: PostTemplate[] = [
  t('Nieuw in {intranet}: op de afdelingscomputer log je nu in met je pas, of met je personeelsnummer en pincode. Lees hoe het werkt en stel je vragen hieronder. #samen #inloggen', 'comms', 'vraag'),
  t('De griepprik is er weer. De komende weken kun je je op alle locaties laten vaccineren; de data staan in de agenda. Doe je mee? #griepprik', 'comms', 'griepprik'),
  t('Belangrijk: vanaf {datum} gelden nieuwe afspraken over het ruilen van diensten. Lees ze rustig door en stel je vragen hieronder. #rooster', 'comms', 'rooster'),
];

/** Short replies; `{@auteur}` mentions the post's author and `{@collega}` someone else. */
export const REPLIES: Record<ReplyKind | 'algemeen' | 'noemen', string[]> = {
  welkom: [
    'Welkom!',
    'Welkom bij het team! 😊',
    'Van harte welkom, veel succes!',
    'Welkom, tot snel op de afdeling.',
    'Leuk dat je er bent!',
    'Welkom! Als je vragen hebt, loop gerust even binnen.',
    'Welkom en een goede start gewenst.',
  ],
  viering: [
    'Gefeliciteerd!',
    'Van harte gefeliciteerd! 🎉',
    'Wat een mijlpaal, proficiat!',
    'Knap gedaan!',
    'Gefeliciteerd, goed gedaan!',
    'Geniet ervan!',
    'Wat mooi, gefeliciteerd!',
    'Hoera! 🎂',
  ],
  vraag: [
    'Goede vraag, ik ben ook benieuwd.',
    '{@collega} weet hier vast meer van.',
    'Ik kijk even voor je.',
    '{@auteur} ik stuur je een berichtje.',
    'Goed punt!',
    'Bij ons is dat ook een dingetje.',
  ],
  werkvraag: [
    'Volgens mij staat het in het personeelsportaal onder Formulieren.',
    'Vraag het even bij de servicedesk, die weten het vast.',
    'Ik kan het je morgen laten zien.',
    'Bij ons hangt er een instructie van in de teamkamer, ik maak even een foto.',
    '{@auteur} ik stuur je een berichtje.',
    '{@collega} weet hier alles van!',
    'Ik had hetzelfde probleem. Opnieuw inloggen hielp bij mij.',
    'Goede vraag, ik wil het ook weten.',
  ],
  aanmelden: [
    'Ik ben erbij!',
    'Leuk, zet me op de lijst.',
    'Helaas, ik moet werken.',
    'Wat is het verzamelpunt?',
    'Mag ik een collega meenemen?',
    'Ik doe mee! 🙋',
    '{@collega} is dit niet iets voor jou?',
  ],
  rooster: [
    'Ik kan wel ruilen, stuur me even een bericht.',
    'Dank voor de herinnering!',
    'Mijn verlof is al aangevraagd 👍',
    'Komt de planning ook in de app?',
    '{@auteur} ik kan die dienst wel overnemen.',
    'Helaas, ik werk die dag al.',
  ],
  griepprik: ['Gehaald! 💪', 'Ik kom donderdag.', 'Kan het ook op een andere locatie?', 'Dank voor het regelen!', 'Staat in mijn agenda.'],
  bhv: ['Goed dat dit geoefend wordt.', 'Ik meld me aan!', 'Waar is de verzamelplaats ook alweer?', 'Top gedaan allemaal!', 'Duidelijk, dank je.'],
  mooimoment: ['Wat mooi ❤️', 'Daar doen we het voor!', 'Prachtig, dank voor het delen.', 'Kippenvel!', 'Wat fijn om te lezen.', 'Zo herkenbaar!'],
  info: [
    'Dank voor de info!',
    'Goed om te weten.',
    'Duidelijk, dank je wel.',
    'Ik geef het door aan mijn team.',
    'Staat dit ook in de nieuwsbrief?',
    'Fijn dat dit geregeld is.',
  ],
  algemeen: [
    'Dank voor het delen!',
    'Top!',
    'Helemaal mee eens.',
    'Mooi zo 👏',
    'Super, goed geregeld!',
    'Wat leuk!',
    'Goed initiatief!',
    'Ik ben er ook bij!',
    'Hier kunnen we wat mee.',
  ],
  noemen: ['{@auteur} dank je, ik kijk ernaar.', '{@auteur} goed idee!', 'Ik noem even {@collega}, die weet hier meer van.', '{@collega} is dit iets voor ons?'],
};
