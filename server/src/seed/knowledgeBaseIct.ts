import { bullets, page, pageLink, steps, table, type KbOrganisation, type KbPageText, type KbSectionText } from './knowledgeBaseTexts.js';

/** ICT en systemen: accounts, passwords, devices, printers, applications, security. */

function accountPages(o: KbOrganisation): KbPageText[] {
  return [
    {
      title: 'Wachtwoord vergeten of wijzigen',
      body: page(
        'Je wachtwoord geeft toegang tot je e-mail, het ECD, het HR-portaal en het intranet. Je kunt het zelf opnieuw instellen.',
        '## Wachtwoord vergeten',
        steps(['Ga op de inlogpagina naar Wachtwoord vergeten.', 'Vul je personeelsnummer in.', 'Je krijgt een code per sms op je geregistreerde telefoonnummer.', 'Kies een nieuw wachtwoord.']),
        '## Eisen aan je wachtwoord',
        bullets(['minstens 12 tekens; een zin van vier woorden werkt goed', 'niet hetzelfde als je vorige 5 wachtwoorden', 'niet je naam of personeelsnummer']),
        'Lukt het niet, bel dan de ICT-servicedesk. Geef je wachtwoord nooit aan iemand anders, ook niet aan de servicedesk.',
      ),
    },
    {
      title: 'Inloggen met tweestapsverificatie (MFA)',
      body: page(
        'Van buiten het netwerk log je in met tweestapsverificatie: je wachtwoord plus een code uit de authenticator-app op je telefoon.',
        '## Instellen',
        steps(['Installeer de authenticator-app op je telefoon.', 'Log in op een computer van het werk en ga naar Mijn account, Beveiliging.', 'Scan de QR-code met de app.', 'Vul ter controle de code uit de app in.']),
        '## Nieuwe telefoon?',
        'Zet de app over voordat je je oude telefoon inlevert. Ben je te laat, bel dan de servicedesk om je account opnieuw te koppelen.',
      ),
    },
    {
      title: 'Inloggen op een gedeelde pc met je pas',
      body: page(
        `Op de ward-pc’s log je in door je pas tegen de paslezer te houden. Bij de eerste keer op een dag typ je ook je pincode. Zo is ${o.intranetName} in een paar seconden open.`,
        bullets(['na 2 minuten zonder gebruik vergrendelt de pc vanzelf', 'houd je pas opnieuw tegen de lezer om verder te gaan', 'een collega kan inloggen met haar eigen pas; jouw gegevens verdwijnen dan van het scherm']),
        '## Pincode vergeten of geblokkeerd?',
        'Na 5 verkeerde pogingen is je pincode een kwartier geblokkeerd. Stel een nieuwe pincode in via Mijn account op een werkplek-pc of bel de servicedesk.',
      ),
    },
    {
      title: 'Je pas kwijt of kapot',
      body: page(
        'Je pas opent deuren en logt je in op gedeelde pc’s. Ben je hem kwijt, meld dat dan meteen, zodat niemand anders hem kan gebruiken.',
        steps(['Bel de receptie of de servicedesk en laat de pas blokkeren.', 'Vraag een nieuwe pas aan bij de receptie van je locatie; neem je identiteitsbewijs mee.', 'Tot je nieuwe pas klaar is, log je in met je personeelsnummer en pincode.']),
        'Een nieuwe pas kost niets. Bij de derde pas in een jaar vragen we een bijdrage van 10 euro.',
      ),
    },
    {
      title: 'Account voor een nieuwe collega',
      body: page(
        'Een account voor een nieuwe collega wordt automatisch aangemaakt zodra P&O het contract heeft verwerkt.',
        bullets(['de collega krijgt op haar privé-e-mailadres een link om haar wachtwoord in te stellen', 'rechten in het ECD vraagt de leidinggevende aan via het servicedeskportaal', 'doe dit minstens een week voor de eerste werkdag']),
      ),
    },
  ];
}

function devicePages(o: KbOrganisation): KbPageText[] {
  return [
    {
      title: 'Printer toevoegen',
      body: page(
        'Op elke locatie staan multifunctionele printers. Je print naar één printerwachtrij en haalt je afdruk op bij elke printer door je pas tegen de lezer te houden.',
        steps(['Open Instellingen, Printers op je computer.', 'Kies Printer toevoegen en selecteer Volg-mij-print.', 'Print je document; het wacht tot je het ophaalt.', 'Houd bij een printer je pas tegen de lezer en kies je afdruk.']),
        'Niet opgehaalde afdrukken worden na 24 uur verwijderd.',
      ),
    },
    {
      title: 'Printer werkt niet',
      body: page(
        'Komt je afdruk niet uit de printer? Loop deze stappen na voordat je de servicedesk belt.',
        steps(['Staat de printer aan en is er papier en toner? De toner bestel je via de facilitaire servicedesk.', 'Zie je je afdruk op het schermpje? Zo niet, print opnieuw naar Volg-mij-print.', 'Papierstoring: volg de animatie op het scherm van de printer.', 'Lukt het nog niet, meld dan een storing met het nummer op de sticker van de printer.']),
      ),
    },
    {
      title: 'Scannen naar je e-mail',
      body: page(
        'Met de printers kun je ook scannen. De scan komt als pdf in je mailbox.',
        steps(['Houd je pas tegen de lezer.', 'Kies Scannen naar mijn e-mail.', 'Leg je document in de invoer of op de glasplaat en druk op Start.']),
        'Scan geen cliëntgegevens naar je mail: zet die direct in het ECD met de scanfunctie daar.',
      ),
    },
    {
      title: 'Laptop of telefoon aanvragen',
      body: page(
        'Heb je voor je werk een laptop of telefoon nodig? Je leidinggevende vraagt die aan.',
        bullets(['wijkverpleegkundigen en teamleiders krijgen standaard een telefoon', 'een laptop is er voor wie regelmatig op meerdere locaties werkt', 'aanvragen via het servicedeskportaal, levering binnen 10 werkdagen']),
        'Apparaten van het werk zijn van de organisatie: gebruik ze zorgvuldig en lever ze in bij uit dienst gaan.',
      ),
    },
    {
      title: 'Werkmail op je telefoon',
      body: page(
        'Je kunt je werkmail en agenda op je eigen telefoon lezen, met de Outlook-app.',
        steps(['Installeer Outlook uit de app store.', 'Log in met je werkmailadres en wachtwoord en bevestig met je authenticator-app.', 'Accepteer het beveiligingsbeleid: de app krijgt een pincode.']),
        'Als je telefoon kwijt is, kunnen wij de werkgegevens op afstand wissen; je privégegevens blijven staan.',
      ),
    },
    {
      title: 'Thuiswerken en de VPN',
      body: page(
        'Werk je thuis op een laptop van het werk, dan maak je verbinding via de VPN. Zo kun je veilig bij de netwerkschijven en het ECD.',
        steps(['Maak verbinding met je eigen wifi.', 'Start de VPN-app en log in met je account en tweestapsverificatie.', 'Werk zoals op kantoor; sluit de VPN af als je klaar bent.']),
        'Werk nooit met cliëntgegevens op een openbaar wifinetwerk zonder VPN.',
      ),
    },
    {
      title: 'Vergaderen met Teams',
      body: page(
        'Voor online vergaderingen en chatten met collega’s gebruiken we Teams.',
        bullets(['een vergadering plan je vanuit je agenda met Teams-vergadering', 'deel je scherm alleen met de vensters die nodig zijn, zeker als er cliëntgegevens open staan', 'bespreek geen cliënten in een openbare ruimte met je headset af']),
      ),
    },
    {
      title: 'Wifi op de locaties',
      body: page(
        `Op alle locaties van ${o.name} zijn drie wifinetwerken.`,
        table(['Netwerk', 'Voor wie'], [['Zorg', 'apparaten van het werk; automatisch verbonden'], ['Personeel', 'je eigen telefoon, inloggen met je account'], ['Gasten', 'cliënten en bezoekers, zonder wachtwoord, met een dagelijkse limiet']]),
      ),
    },
    {
      title: 'Een storing melden bij de ICT-servicedesk',
      body: page(
        'Werkt iets niet? Meld het bij de ICT-servicedesk, dan kunnen we het oplossen en zien we of meer collega’s er last van hebben.',
        table(['Hoe', 'Wanneer'], [['servicedeskportaal', 'voor alles wat niet direct spoed heeft'], ['telefoon, toestel 4444', 'als je niet kunt werken, of bij spoed voor de zorg'], ['storingslijn buiten kantoortijd', 'bij uitval van het ECD of de alarmering']]),
        '## Wat vertel je?',
        bullets(['wat je deed en wat er gebeurde', 'de foutmelding (maak een foto)', 'het nummer van de pc of printer (sticker)']),
      ),
    },
  ];
}

function applicationPages(o: KbOrganisation): KbPageText[] {
  return [
    {
      title: 'Het ECD: het elektronisch cliëntdossier',
      body: page(
        'In het ECD staat alles over de zorg aan een cliënt: het zorgplan, rapportages, medicatie, metingen en afspraken.',
        '## Rapporteren',
        bullets(['rapporteer elke dienst over wat opvalt, in de SOAP-methode', 'schrijf feitelijk: wat zag, hoorde en deed je', 'gebruik geen afkortingen die alleen je team kent']),
        '## Inloggen',
        'Je logt in met je gewone account. Op gedeelde pc’s met je pas. Zie ook ' + pageLink('inloggen met je pas', 'Inloggen op een gedeelde pc met je pas') + '.',
      ),
    },
    {
      title: 'ECD werkt niet: storingsprocedure',
      body: page(
        'Valt het ECD uit, dan werk je verder met de papieren noodmap die op elke afdeling staat.',
        steps(['Bel de storingslijn om te horen hoe lang het duurt.', 'Gebruik de laatste uitdraai van de toedienlijsten uit de noodmap.', 'Rapporteer op papier en zet het later over in het ECD.', 'Zodra het ECD terug is: teken de gegeven medicatie alsnog af.']),
        'De noodmap wordt elke nacht automatisch bijgewerkt met nieuwe uitdraaien.',
      ),
    },
    {
      title: 'De roosterapp',
      body: page(
        'In de roosterapp zie je je rooster, geef je wensen op, ruil je diensten en pak je open diensten op.',
        bullets(['download de app uit de app store', 'inloggen met je personeelsnummer en wachtwoord', 'je krijgt een melding als je rooster wijzigt']),
        `Zie ook ${pageLink('Je rooster inzien', 'Je rooster inzien')} en ${pageLink('Diensten ruilen', 'Diensten ruilen')}.`,
      ),
    },
    {
      title: 'Het HR-portaal',
      body: page(
        'In het HR-portaal regel je je personeelszaken zelf.',
        bullets(['salarisstroken en jaaropgaven', 'verlof aanvragen en je saldo bekijken', 'declaraties indienen', 'je gegevens wijzigen', 'je contract en documenten']),
        'Je logt in met je gewone account; van buiten het netwerk met tweestapsverificatie.',
      ),
    },
    {
      title: `Het intranet ${o.intranetName}`,
      owner: 'comms',
      body: page(
        `${o.intranetName} is het intranet van ${o.name}: voor nieuws, groepen, berichten van collega’s en deze kennisbank, Weten en regelen.`,
        '## Wat vind je waar?',
        bullets(['Tijdlijn: nieuws en berichten van de organisatie en je groepen', 'Weten en regelen: informatie en protocollen, met de snelkoppelingen onder Snel regelen', 'Collega’s: wie is wie en hoe bereik je haar']),
        '## Zoeken',
        'Met de zoekbalk bovenaan vind je pagina’s, berichten, groepen en collega’s. Je mag typfouten maken en in gewone woorden vragen, zoals "hoe meld ik me ziek".',
      ),
    },
    {
      title: 'Een pagina op Weten en regelen wijzigen',
      owner: 'comms',
      body: page(
        'De pagina’s van Weten en regelen worden bijgehouden door redacteuren. Elke pagina heeft een eigenaar die zorgt dat hij klopt.',
        bullets(['staat er iets niet goed? Klik onderaan op Was dit nuttig? en laat een opmerking achter', 'de eigenaar krijgt een melding als de herzieningsdatum van een pagina is verstreken', 'redacteur worden? Meld je bij de afdeling Communicatie']),
      ),
    },
  ];
}

function securityPages(): KbPageText[] {
  return [
    {
      title: 'Phishing herkennen',
      body: page(
        'Phishing is een nepbericht dat je wil laten klikken of je wachtwoord laat invullen. Ze zien er steeds echter uit.',
        '## Let op',
        bullets(['haast: "je account wordt vandaag geblokkeerd"', 'een afzender die net niet klopt', 'een link die ergens anders heen gaat dan de tekst zegt', 'een vraag om je wachtwoord of een code: dat vragen wij nooit']),
        '## Heb je geklikt?',
        steps(['Wijzig direct je wachtwoord.', 'Meld het bij de servicedesk, ook als je twijfelt.', 'Verwijder het bericht.']),
      ),
    },
    {
      title: 'Een datalek melden',
      body: page(
        'Een datalek is elke situatie waarin persoonsgegevens bij iemand komen die ze niet mag hebben, of verloren gaan. Bijvoorbeeld een mail naar het verkeerde adres of een verloren usb-stick.',
        steps(['Meld het datalek direct, binnen een uur, bij de privacy officer via het meldformulier datalekken.', 'Vertel wat er gebeurd is, welke gegevens het betreft en hoeveel mensen.', 'Probeer de schade te beperken: vraag de ontvanger de mail te verwijderen.']),
        'De privacy officer beoordeelt of het lek binnen 72 uur bij de Autoriteit Persoonsgegevens gemeld moet worden.',
      ),
    },
    {
      title: 'Privacy en de AVG in de zorg',
      body: page(
        'Cliëntgegevens zijn bijzondere persoonsgegevens. Je mag ze alleen inzien en delen als dat nodig is voor de zorg die je geeft.',
        bullets(['kijk alleen in dossiers van cliënten voor wie je zorgt; we controleren dat met logging', 'bespreek cliënten niet in de lift, de kantine of op sociale media', 'deel gegevens met familie alleen als de cliënt of zijn vertegenwoordiger daar toestemming voor gaf']),
        `Zie ook ${pageLink('Een datalek melden', 'Een datalek melden')}.`,
      ),
    },
    {
      title: 'Sociale media en de zorg',
      body: page(
        'Je mag op sociale media vertellen over je werk, zolang je cliënten en collega’s respecteert.',
        bullets(['nooit foto’s of verhalen waarin een cliënt te herkennen is', 'geen vertrouwelijke informatie over de organisatie', 'spreek je niet namens de organisatie uit zonder afspraak met Communicatie']),
      ),
    },
    {
      title: 'Usb-sticks en bestanden delen',
      body: page(
        'Usb-sticks gaan gemakkelijk verloren. Gebruik ze daarom niet voor cliëntgegevens of vertrouwelijke bestanden.',
        bullets(['deel bestanden met collega’s via de gedeelde mappen of Teams', 'met externen deel je via een beveiligde deellink die na 14 dagen verloopt', 'een usb-stick van buiten steek je niet in een werkcomputer']),
      ),
    },
  ];
}

export function ictSection(o: KbOrganisation): KbSectionText {
  return {
    title: 'ICT en systemen',
    owner: 'ict',
    pages: [],
    sections: [
      { title: 'Account en inloggen', owner: 'ict', pages: accountPages(o) },
      { title: 'Apparaten en printen', owner: 'ict', pages: devicePages(o) },
      { title: 'Applicaties', owner: 'ict', pages: applicationPages(o) },
      { title: 'Informatiebeveiliging en privacy', owner: 'ict', pages: securityPages() },
    ],
  };
}
