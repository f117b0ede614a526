import { bullets, page, pageLink, type KbOrganisation, type KbPageText, type KbSectionText } from './knowledgeBaseTexts.js';

/** Begrippenlijst: the words and abbreviations of care work, one page each. */

interface Term {
  term: string;
  meaning: string;
  where: string[];
  /** Title of a page that says more. */
  more?: string;
}

const TERMS: Term[] = [
  { term: 'ADL', meaning: 'Algemene dagelijkse levensverrichtingen: wassen, aankleden, eten, naar het toilet gaan en je verplaatsen.', where: ['in het zorgplan, bij wat een cliënt zelf kan', 'bij de indicatie voor zorg'] },
  { term: 'AED', meaning: 'Automatische externe defibrillator: een apparaat dat met een stroomstoot een hartritmestoornis kan stoppen. Het apparaat geeft zelf gesproken aanwijzingen.', where: ['op elke locatie, bij de ingang of de liften'], more: 'Reanimatie en AED' },
  { term: 'Anamnese', meaning: 'Het gesprek bij opname waarin je de voorgeschiedenis, gewoonten en wensen van een cliënt uitvraagt.', where: ['in het ECD, bij de opname'] },
  { term: 'Arbo', meaning: 'Arbeidsomstandigheden: alles wat te maken heeft met veilig en gezond werken.', where: ['bij de arbocoördinator en de RI&E'], more: 'Arbo en veilig werken' },
  { term: 'AVG', meaning: 'Algemene verordening gegevensbescherming: de Europese privacywet. Ze regelt hoe we met persoonsgegevens omgaan.', where: ['bij alles wat met cliëntgegevens te maken heeft'], more: 'Privacy en de AVG in de zorg' },
  { term: 'BBL en BOL', meaning: 'Twee manieren van leren in het mbo. Bij de BBL (beroepsbegeleidende leerweg) werk je en ga je één dag per week naar school; bij de BOL (beroepsopleidende leerweg) ga je naar school en loop je stage.', where: ['bij leerlingen en stagiairs op de afdeling'], more: 'Leerlingen en stagiairs begeleiden' },
  { term: 'BHV', meaning: 'Bedrijfshulpverlening: collega’s die eerste hulp verlenen, een beginnende brand blussen en een ontruiming leiden.', where: ['op elke locatie, met een BHV-ploegleider per dienst'], more: 'Bedrijfshulpverlening (BHV)' },
  { term: 'BIG-register', meaning: 'Het register van beroepen in de individuele gezondheidszorg, zoals verpleegkundigen en artsen. Alleen wie geregistreerd is, mag de beschermde titel voeren.', where: ['bij indiensttreding en herregistratie'], more: 'BIG-registratie' },
  { term: 'Braden-schaal', meaning: 'Een vragenlijst waarmee je het risico op decubitus inschat, op zes punten zoals beweeglijkheid, vochtigheid van de huid en voeding.', where: ['bij opname en bij veranderingen in de gezondheid'], more: 'Decubitus voorkomen' },
  { term: 'BRMO', meaning: 'Bijzonder resistente micro-organismen: bacteriën waartegen veel antibiotica niet werken.', where: ['bij contactisolatie'], more: 'BRMO en MRSA' },
  { term: 'Cao VVT', meaning: 'De collectieve arbeidsovereenkomst voor verpleeg- en verzorgingshuizen, thuiszorg en jeugdgezondheidszorg. Daarin staan onze arbeidsvoorwaarden.', where: ['bij salaris, verlof en werktijden'], more: 'De cao VVT' },
  { term: 'Casemanager dementie', meaning: 'Een verpleegkundige die mensen met dementie en hun mantelzorgers thuis begeleidt, van de diagnose tot een eventuele opname.', where: ['in de wijkverpleging'] },
  { term: 'Cliëntenraad', meaning: 'Een raad van cliënten en familie die de belangen van cliënten behartigt en adviseert over beleid.', where: ['op elke locatie en centraal'], more: 'Cliëntenraad' },
  { term: 'Contactisolatie', meaning: 'Maatregelen om te voorkomen dat een bacterie via aanraking wordt overgedragen: schort, handschoenen en eigen materialen voor de cliënt.', where: ['bij BRMO, MRSA en scabiës'], more: 'Isolatiemaatregelen' },
  { term: 'Decubitus', meaning: 'Een doorligwond: schade aan huid en weefsel door langdurige druk, vaak op stuit, hielen of heupen.', where: ['bij bedlegerige cliënten'], more: 'Decubitus voorkomen' },
  { term: 'Delier', meaning: 'Een plotselinge verwardheid met een lichamelijke oorzaak, zoals een infectie of uitdroging. Een delier is een spoedgeval.', where: ['bij ouderen na een infectie, operatie of medicatiewijziging'], more: 'Delier herkennen' },
  { term: 'Dubbele controle', meaning: 'Een tweede bevoegde collega controleert risicovolle medicatie voordat je die toedient.', where: ['bij insuline, opiaten en medicatie via een pomp'], more: 'Dubbele controle bij risicovolle medicatie' },
  { term: 'ECD', meaning: 'Elektronisch cliëntdossier: het digitale dossier met het zorgplan, rapportages en medicatie van een cliënt.', where: ['elke dienst, voor rapporteren en aftekenen'], more: 'Het ECD: het elektronisch cliëntdossier' },
  { term: 'Eerstverantwoordelijk verzorgende (EVV)', meaning: 'De verzorgende of verpleegkundige die voor een paar cliënten het zorgplan bijhoudt en aanspreekpunt is voor de familie.', where: ['in elk team'], more: 'Het zorgplan' },
  { term: 'Ergocoach', meaning: 'Een collega die is opgeleid om teams te helpen bij fysieke belasting, zoals tillen en het gebruik van hulpmiddelen.', where: ['op elke afdeling met zware zorg'] },
  { term: 'FWG', meaning: 'Functiewaardering gezondheidszorg: het systeem waarmee functies in de zorg worden ingedeeld in salarisschalen.', where: ['in je contract, bij je schaal'], more: 'Salarisschalen en inschaling' },
  { term: 'Handalcohol', meaning: 'Een desinfectiemiddel voor je handen, op basis van alcohol. Het doodt de meeste micro-organismen in 30 seconden.', where: ['bij elke kamer en in je zak'], more: 'Handhygiëne' },
  { term: 'Indicatie', meaning: 'Het besluit over hoeveel en welke zorg een cliënt krijgt. In de langdurige zorg stelt het CIZ de indicatie, in de wijkverpleging de wijkverpleegkundige.', where: ['bij opname en bij de start van thuiszorg'] },
  { term: 'IGJ', meaning: 'Inspectie Gezondheidszorg en Jeugd: de toezichthouder op de kwaliteit en veiligheid van de zorg.', where: ['bij calamiteiten en inspectiebezoeken'], more: 'Calamiteiten' },
  { term: 'Intramurale zorg', meaning: 'Zorg binnen de muren van een instelling, zoals een verpleeghuis. Het tegenovergestelde is extramurale zorg: zorg thuis.', where: ['in gesprekken over wonen en zorg'] },
  { term: 'Kwaliteitsregister', meaning: 'Het register waarin verpleegkundigen en verzorgenden bijhouden welke scholing ze volgen.', where: ['bij je jaargesprek en scholing'], more: 'Kwaliteitsregister V&V' },
  { term: 'Mantelzorger', meaning: 'Iemand die langdurig en onbetaald zorgt voor een naaste, zoals een partner, ouder of kind.', where: ['bij de familie van cliënten, en misschien bij jezelf'], more: 'Mantelzorg en het rooster' },
  { term: 'MDO', meaning: 'Multidisciplinair overleg: een overleg over een cliënt met alle betrokken disciplines, zoals de arts, de EVV, de fysiotherapeut en de psycholoog.', where: ['bij de evaluatie van het zorgplan'] },
  { term: 'MIC', meaning: 'Melding incident cliënt: de melding van iets dat bij de zorg aan een cliënt mis ging of bijna mis ging.', where: ['in het ECD'], more: 'Een incident melden (MIC)' },
  { term: 'MIM', meaning: 'Melding incident medewerker: de melding van iets dat een medewerker tijdens het werk overkwam.', where: ['in het servicedeskportaal'], more: 'Een incident melden (MIM)' },
  { term: 'MRSA', meaning: 'Meticilline-resistente Staphylococcus aureus: een bacterie waartegen veel antibiotica niet werken.', where: ['bij contactisolatie'], more: 'BRMO en MRSA' },
  { term: 'Niet-reanimeerverklaring', meaning: 'Een schriftelijke verklaring waarin iemand aangeeft niet gereanimeerd te willen worden.', where: ['in het ECD, bij de wilsverklaringen'], more: 'Reanimatie en AED' },
  { term: 'Norovirus', meaning: 'Een virus dat plotseling braken en diarree geeft en zich snel verspreidt.', where: ['bij uitbraken op afdelingen, vaak in de winter'], more: 'Norovirus: braken en diarree' },
  { term: 'ORT', meaning: 'Onregelmatigheidstoeslag: de toeslag op je uurloon voor werk op avonden, nachten, weekenden en feestdagen.', where: ['op je salarisstrook'], more: 'Toeslag onregelmatige diensten (ORT)' },
  { term: 'Palliatieve zorg', meaning: 'Zorg voor mensen die niet meer beter worden, gericht op de kwaliteit van leven.', where: ['bij cliënten in de laatste levensfase'], more: 'Palliatieve zorg' },
  { term: 'PBM', meaning: 'Persoonlijke beschermingsmiddelen: handschoenen, schorten, mondneusmaskers en spatbrillen.', where: ['bij isolatie en bij contact met lichaamsvocht'], more: 'Persoonlijke beschermingsmiddelen' },
  { term: 'PEG-sonde', meaning: 'Een voedingssonde die via de buikwand rechtstreeks in de maag loopt.', where: ['bij cliënten die langdurig niet kunnen slikken'], more: 'Medicatie via de sonde' },
  { term: 'PFZW', meaning: 'Pensioenfonds Zorg en Welzijn: het pensioenfonds waar je pensioen opbouwt.', where: ['op je salarisstrook, bij de pensioenpremie'], more: 'Pensioen bij PFZW' },
  { term: 'PLB', meaning: 'Persoonlijk levensfasebudget: extra uren die je per jaar opbouwt, om op te nemen of te sparen.', where: ['in het HR-portaal, bij je verlofsaldo'], more: 'Persoonlijk levensfasebudget (PLB)' },
  { term: 'Poortwachter', meaning: 'De Wet verbetering poortwachter: de regels voor werkgever en werknemer bij langdurige ziekte.', where: ['bij verzuimbegeleiding'], more: 'Verzuimbegeleiding en de bedrijfsarts' },
  { term: 'Prikaccident', meaning: 'Een verwonding met een gebruikte naald of scherp voorwerp, of een spat bloed in ogen of mond.', where: ['bij injecteren en bloedprikken'], more: 'Prikaccident' },
  { term: 'RI&E', meaning: 'Risico-inventarisatie en -evaluatie: het overzicht van de risico’s voor de gezondheid en veiligheid van medewerkers, met een plan van aanpak.', where: ['bij de arbocoördinator'], more: 'Arbo en veilig werken' },
  { term: 'Scabiës', meaning: 'Schurft: een jeukende huidaandoening door mijten die onder de huid leven.', where: ['bij contactisolatie'], more: 'Scabiës (schurft)' },
  { term: 'SNAQ', meaning: 'Short Nutritional Assessment Questionnaire: een korte vragenlijst om ondervoeding op te sporen.', where: ['bij opname'], more: 'Ondervoeding signaleren' },
  { term: 'SOAP', meaning: 'Een manier van rapporteren: Subjectief (wat de cliënt zegt), Objectief (wat je ziet of meet), Analyse en Plan.', where: ['in de rapportages in het ECD'], more: 'Het ECD: het elektronisch cliëntdossier' },
  { term: 'Specifiek ziekenhuisafval', meaning: 'Afval dat besmettelijk kan zijn, zoals naalden en grote hoeveelheden bloed. Het gaat in speciale vaten.', where: ['bij het afval scheiden op de afdeling'], more: 'Afval scheiden in de zorg' },
  { term: 'Thuiszorg', meaning: 'Zorg bij mensen thuis: verpleging, verzorging en huishoudelijke hulp.', where: ['bij de wijkteams'] },
  { term: 'Toedienlijst', meaning: 'De lijst van medicatie die een cliënt krijgt, met tijdstip en dosis. Je tekent erop af wat je gaf.', where: ['in het ECD'], more: 'Medicatie toedienen' },
  { term: 'VOG', meaning: 'Verklaring omtrent het gedrag: een verklaring van de overheid dat je gedrag in het verleden geen bezwaar is voor werk in de zorg.', where: ['bij indiensttreding'], more: 'Een verklaring omtrent het gedrag (VOG)' },
  { term: 'Voorbehouden handeling', meaning: 'Een handeling met risico, zoals injecteren of katheteriseren, die alleen bevoegde en bekwame zorgverleners mogen doen.', where: ['in je bekwaamheidsdossier'], more: 'Voorbehouden en risicovolle handelingen' },
  { term: 'Wijkverpleging', meaning: 'Verpleging en verzorging thuis, georganiseerd in teams per wijk.', where: ['bij de wijkteams'], more: 'Kilometers voor cliëntbezoek' },
  { term: 'WIA', meaning: 'Wet werk en inkomen naar arbeidsvermogen: de uitkering na twee jaar ziekte als je niet meer (volledig) kunt werken.', where: ['bij langdurige ziekte'], more: 'Arbeidsongeschiktheid en WIA' },
  { term: 'Wlz', meaning: 'Wet langdurige zorg: de wet voor mensen die blijvend 24 uur per dag zorg of toezicht nodig hebben, zoals in een verpleeghuis.', where: ['bij de indicatie voor wonen met zorg'] },
  { term: 'Wzd', meaning: 'Wet zorg en dwang: de wet over onvrijwillige zorg voor mensen met dementie of een verstandelijke beperking.', where: ['bij vrijheidsbeperkende maatregelen'], more: 'Vrijheidsbeperkende maatregelen' },
  { term: 'Zvw', meaning: 'Zorgverzekeringswet: de wet waaronder de wijkverpleging valt. De zorg wordt betaald door de zorgverzekeraar.', where: ['in de wijkverpleging'] },
  { term: 'Zorgplan', meaning: 'Het plan met de doelen, afspraken en risico’s van de zorg aan een cliënt.', where: ['in het ECD'], more: 'Het zorgplan' },
  { term: 'Zorgleefplan', meaning: 'Een zorgplan dat niet alleen over de zorg gaat, maar over het hele leven van de cliënt: wonen, welzijn, participatie en gezondheid.', where: ['in de ouderenzorg'], more: 'Het zorgplan' },
  { term: 'Baxterrol', meaning: 'Een rol zakjes van de apotheek met per innamemoment de medicatie van één cliënt.', where: ['bij de medicatieronde'], more: 'Baxterrol en medicatierol' },
  { term: 'Opiatenregister', meaning: 'Het register waarin elke uitgifte van opiaten wordt bijgehouden.', where: ['bij de opiatenkast'], more: 'Opiaten en de Opiumwet' },
  { term: 'Hypo', meaning: 'Een te lage bloedsuiker, lager dan 4 mmol/l, bij mensen met diabetes.', where: ['bij cliënten die insuline gebruiken'], more: 'Hypo: te lage bloedsuiker' },
  { term: 'Tillift', meaning: 'Een hulpmiddel om cliënten veilig te verplaatsen, bijvoorbeeld van bed naar stoel.', where: ['op afdelingen met zware zorg'], more: 'Hulpmiddelen: tilliften, rolstoelen en bedden' },
  { term: 'Flexpool', meaning: 'Een groep collega’s die op verschillende afdelingen en locaties open diensten vult.', where: ['in de roosterapp, bij open diensten'], more: 'Flexpool' },
  { term: 'Volg-mij-print', meaning: 'De manier van printen waarbij je afdruk wacht tot je hem met je pas ophaalt bij een printer naar keuze.', where: ['bij elke printer'], more: 'Printer toevoegen' },
  { term: 'Tweestapsverificatie', meaning: 'Inloggen met iets wat je weet (je wachtwoord) en iets wat je hebt (de code uit de app op je telefoon).', where: ['bij inloggen van buiten het netwerk'], more: 'Inloggen met tweestapsverificatie (MFA)' },
  { term: 'Phishing', meaning: 'Een nepbericht dat je probeert te laten klikken of je gegevens te laten invullen.', where: ['in je mailbox en per sms'], more: 'Phishing herkennen' },
  { term: 'Datalek', meaning: 'Een situatie waarin persoonsgegevens bij iemand komen die ze niet mag hebben, of verloren gaan.', where: ['bij een verkeerd verstuurde mail of een verloren apparaat'], more: 'Een datalek melden' },
  { term: 'Ondernemingsraad (OR)', meaning: 'De gekozen vertegenwoordiging van de medewerkers, die meepraat over belangrijke besluiten.', where: ['bij reorganisaties en roosterbeleid'], more: 'Ondernemingsraad' },
  { term: 'Vertrouwenspersoon', meaning: 'Iemand bij wie je in vertrouwen terecht kunt over ongewenst gedrag op het werk.', where: ['bij P&O'], more: 'Vertrouwenspersoon' },
  { term: 'Calamiteit', meaning: 'Een incident met ernstig letsel of de dood van een cliënt, dat we melden bij de IGJ.', where: ['bij de kwaliteitsafdeling'], more: 'Calamiteiten' },
];

export function glossarySection(o: KbOrganisation): KbSectionText {
  const pages = TERMS.map(
    (t): KbPageText => ({
      title: `Begrip: ${t.term}`,
      body: page(t.meaning, '## Waar kom je het tegen?', bullets(t.where), t.more && `Meer lezen: ${pageLink(t.more, t.more)}.`),
    }),
  );
  return {
    title: 'Begrippenlijst',
    owner: 'quality',
    pages: [
      {
        title: 'Begrippen en afkortingen',
        owner: 'comms',
        body: page(
          `In de zorg gebruiken we veel afkortingen en vakwoorden. Op deze pagina’s leggen we ze uit, zoals we ze bij ${o.name} gebruiken.`,
          bullets(TERMS.map((t) => pageLink(t.term, `Begrip: ${t.term}`))),
        ),
      },
      ...pages,
    ],
  };
}
