import { bullets, page, pageLink, steps, table, type KbOrganisation, type KbPageText, type KbSectionText } from './knowledgeBaseTexts.js';

/** Rooster en planning, and the expense claims that follow from work. */

function rosterPages(o: KbOrganisation): KbPageText[] {
  return [
    {
      title: 'Je rooster inzien',
      body: page(
        'Je rooster staat in de roosterapp en in het HR-portaal. Op de ward-pc’s zie je het rooster van je team.',
        '## Waar vind ik mijn rooster?',
        bullets(['in de roosterapp op je telefoon: log in met je personeelsnummer en wachtwoord', `op ${o.intranetName} onder Snel regelen, Rooster`, 'in het HR-portaal onder Mijn rooster']),
        '## Wanneer komt het rooster uit?',
        'Het rooster komt 6 weken vooruit uit, telkens voor een periode van 4 weken. Daarna wijzigen we alleen in overleg met jou.',
        `Zie ook ${pageLink('Hoe het rooster tot stand komt', 'Hoe het rooster tot stand komt')}.`,
      ),
    },
    {
      title: 'Hoe het rooster tot stand komt',
      body: page(
        'Het rooster wordt gemaakt door de planner van je team, volgens de regels van de cao en de afspraken in je team.',
        '## De stappen',
        steps([
          'Tot 10 weken vooruit geef je je wensen en beschikbaarheid op.',
          'De planner maakt een conceptrooster en deelt het met het team.',
          'Je hebt een week om te reageren op het concept.',
          'Het definitieve rooster komt 6 weken voor de eerste dienst uit.',
        ]),
        '## Waar houdt de planner rekening mee?',
        bullets(['je contracturen over de periode', 'rusttijden en vrije weekenden', 'de bezetting die nodig is per dienst', 'vakantie en verlof dat al is goedgekeurd']),
        `Zie ook ${pageLink('Werktijden en rusttijden', 'Werktijden en rusttijden')}.`,
      ),
    },
    {
      title: 'Beschikbaarheid en roosterwensen opgeven',
      body: page(
        'Wil je op bepaalde dagen niet werken, of juist wel? Geef dat door als roosterwens in de roosterapp.',
        steps(['Open de roosterapp en kies Wensen.', 'Kies per dag: graag, liever niet, of niet beschikbaar.', 'Voeg bij niet beschikbaar een korte reden toe.', 'Verstuur je wensen uiterlijk 10 weken voor de periode.']),
        'Een wens is geen recht: de planner probeert eraan te voldoen, maar de bezetting gaat voor. Voor zekerheid vraag je verlof aan.',
      ),
    },
    {
      title: 'Diensten ruilen',
      body: page(
        'Wil je een dienst ruilen met een collega? Dat mag, als jullie allebei dezelfde deskundigheid hebben en de rusttijden kloppen.',
        steps(['Spreek de ruil af met je collega.', 'Een van jullie zet de ruil in de roosterapp onder Ruilen.', 'De ander bevestigt in de app.', 'De planner keurt de ruil goed; pas dan is hij definitief.']),
        '## Wanneer keurt de planner niet goed?',
        bullets(['als de ruil een van jullie over de maximale werktijd brengt', 'als er dan geen bevoegde collega is voor medicatie of BIG-handelingen', 'als de ruil binnen 24 uur voor de dienst valt: bel dan de dienstdoende leidinggevende']),
      ),
    },
    {
      title: 'Open diensten oppakken',
      body: page(
        'Staat er een dienst open, bijvoorbeeld door ziekte? Dan zie je die in de roosterapp onder Open diensten.',
        bullets(['reageer in de app; de planner kiest wie de dienst krijgt', 'je krijgt de uren als meeruren of, boven 36 uur per week, als overwerk', 'open diensten op andere afdelingen kun je pakken als je daar bent ingewerkt']),
        `Zie ook ${pageLink('Meeruren en overwerk', 'Meeruren en overwerk')}.`,
      ),
    },
    {
      title: 'Flexpool',
      body: page(
        `De flexpool van ${o.name} vult open diensten op alle locaties. Flexwerkers zijn ingewerkt op meerdere afdelingen.`,
        '## Werken in de flexpool',
        bullets(['je geeft per maand op wanneer je beschikbaar bent', 'je krijgt diensten aangeboden in de roosterapp', 'je reiskosten naar wisselende locaties worden per rit vergoed']),
        'Wil je in de flexpool, of er een paar uur bij? Mail de centrale planning.',
      ),
    },
    {
      title: 'Uren registreren en afsluiten',
      body: page(
        'Je gewerkte uren worden uit het rooster gehaald. Wijkt je dienst af (later klaar, korter gewerkt), dan pas je dat zelf aan.',
        steps(['Open de roosterapp en kies de dienst.', 'Pas begin- of eindtijd aan en geef de reden.', 'Je leidinggevende keurt de wijziging goed.', 'Aan het eind van de maand worden de uren afgesloten; daarna gaan ze naar de salarisadministratie.']),
        'Uren die na afsluiting worden aangepast, gaan een maand later mee.',
      ),
    },
    {
      title: 'Nachtdiensten',
      body: page(
        'Nachtdiensten lopen van 22.45 tot 7.15 uur. Voor nachtdiensten gelden extra regels.',
        bullets(['na een reeks nachtdiensten heb je minstens 46 uur rust', 'vanaf 55 jaar mag je vragen om geen nachtdiensten meer te draaien', 'je krijgt 44% ORT over de nachtelijke uren']),
        'Draai je veel nachten, dan kun je een gesprek aanvragen met de bedrijfsarts over slaap en gezondheid.',
      ),
    },
    {
      title: 'Feestdagen en het rooster',
      body: page(
        'Zorg gaat door op feestdagen. Daarom roosteren we eerlijk rond: wie met Kerst werkte, is met Oud en Nieuw vaker vrij.',
        table(['Feestdag', 'Toeslag'], [['Nieuwjaarsdag', '60%'], ['Pasen en Pinksteren', '60%'], ['Koningsdag', '60%'], ['Bevrijdingsdag (eens per 5 jaar vrij)', '60%'], ['Hemelvaartsdag', '60%'], ['Kerst', '60%']]),
        'Werk je op een feestdag die op je vrije dag valt, dan krijg je die uren niet extra terug; wel de toeslag.',
      ),
    },
    {
      title: 'Roosteren bij zwangerschap',
      body: page(
        'Ben je zwanger, dan houden we in het rooster rekening met je gezondheid.',
        bullets(['vanaf 20 weken draai je op verzoek geen nachtdiensten meer', 'je mag extra pauzes nemen', 'zware tillen zonder hulpmiddel doe je niet', 'bespreek met je leidinggevende welke aanpassingen je nodig hebt']),
      ),
    },
    {
      title: 'Mantelzorg en het rooster',
      body: page(
        'Zorg je naast je werk voor een naaste? Vertel het je leidinggevende: we zoeken samen naar een rooster dat past.',
        bullets(['vaste vrije dagen of vaste diensttijden in overleg', 'kortdurend of langdurend zorgverlof als het tijdelijk meer nodig is', 'een gesprek met de bedrijfsarts als het zwaar wordt']),
        `Zie ook ${pageLink('Kortdurend zorgverlof', 'Kortdurend zorgverlof')}.`,
      ),
    },
  ];
}

function claimPages(): KbPageText[] {
  return [
    {
      title: 'Declaraties indienen',
      body: page(
        'Heb je kosten gemaakt voor je werk, zoals een treinkaartje, parkeerkosten of een cursusboek? Die declareer je in het HR-portaal.',
        '## Zo dien je een declaratie in',
        steps(['Maak een foto of scan van het bonnetje of de factuur.', 'Open het HR-portaal en kies Declaraties, Nieuwe declaratie.', 'Kies de soort kosten, vul het bedrag in en voeg de foto toe.', 'Verstuur de declaratie; je leidinggevende keurt hem goed.']),
        '## Wanneer krijg ik het geld?',
        'Declaraties die vóór de 10e zijn goedgekeurd, worden met het salaris van die maand uitbetaald.',
        `Zie ook ${pageLink('Welke kosten kun je declareren?', 'Welke kosten kun je declareren?')}.`,
      ),
    },
    {
      title: 'Welke kosten kun je declareren?',
      body: page(
        'Je kunt kosten declareren die je maakt voor je werk en die niet al op een andere manier vergoed worden.',
        table(
          ['Kosten', 'Declareren?'],
          [
            ['reis naar een cursus of vergadering op een andere locatie', 'ja, per kilometer of openbaar vervoer'],
            ['parkeren bij een cliënt (wijkverpleging)', 'ja, met bewijs'],
            ['studieboeken van een verplichte opleiding', 'ja'],
            ['registratiekosten BIG en kwaliteitsregister', 'ja, één keer per registratieperiode'],
            ['lunch tijdens een gewone dienst', 'nee'],
            ['woon-werkverkeer', 'nee, dat gaat via de reiskostenvergoeding'],
          ],
        ),
        'Declareer binnen 3 maanden nadat je de kosten maakte; daarna vervalt het recht.',
      ),
    },
    {
      title: 'Declaratie afgekeurd of nog niet uitbetaald',
      body: page(
        'Is je declaratie afgekeurd of duurt het lang? Kijk eerst in het HR-portaal onder Declaraties naar de status.',
        bullets(['Afgekeurd: de reden staat erbij. Vaak ontbreekt het bonnetje of is het onleesbaar.', 'Wacht op goedkeuring: herinner je leidinggevende eraan.', 'Goedgekeurd na de 10e: het geld komt met het salaris van de maand erna.']),
      ),
    },
    {
      title: 'Studiekosten en terugbetaling',
      body: page(
        'Een opleiding die wij verplicht stellen, betalen we volledig, inclusief boeken en reistijd. Voor een opleiding die je zelf kiest, maken we samen afspraken.',
        '## Studieovereenkomst',
        bullets(['bij een opleiding van meer dan 2.500 euro teken je een studieovereenkomst', 'ga je binnen 2 jaar na de opleiding uit dienst, dan betaal je een deel terug', 'bij een verplichte opleiding geldt geen terugbetaling']),
        `Zie ook ${pageLink('Een opleiding aanvragen', 'Een opleiding aanvragen')}.`,
      ),
    },
  ];
}

export function planningSection(o: KbOrganisation): KbSectionText {
  return {
    title: 'Rooster en planning',
    owner: 'planning',
    pages: rosterPages(o),
    sections: [{ title: 'Declaraties', owner: 'finance', pages: claimPages() }],
  };
}
