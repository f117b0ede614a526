/**
 * Word lists for the demo organisations: Dutch names, places and job titles. Invented organisations;
 * any likeness to a real one is a coincidence of common Dutch words.
 */

export const FIRST_NAMES_F = [
  'Anouk', 'Annemiek', 'Astrid', 'Ayşe', 'Bianca', 'Brenda', 'Carolien', 'Charlotte', 'Chantal', 'Daphne',
  'Demi', 'Dewi', 'Diana', 'Els', 'Emma', 'Esther', 'Eline', 'Evelien', 'Fatima', 'Fleur',
  'Floor', 'Gerda', 'Hanneke', 'Hatice', 'Ilse', 'Ingrid', 'Iris', 'Janneke', 'Jasmijn', 'Jolanda',
  'Josien', 'Judith', 'Julia', 'Karin', 'Kim', 'Laura', 'Lieke', 'Linda', 'Lisa', 'Lotte',
  'Manon', 'Margriet', 'Maria', 'Marieke', 'Marloes', 'Marjolein', 'Mirjam', 'Monique', 'Naima', 'Nadia',
  'Nicole', 'Noor', 'Nora', 'Petra', 'Priya', 'Renate', 'Rianne', 'Rosa', 'Sanne', 'Samira',
  'Saskia', 'Sevgi', 'Shanti', 'Sophie', 'Sandra', 'Stephanie', 'Tamara', 'Tessa', 'Thirza', 'Wendy',
  'Willemijn', 'Yasmina', 'Yvonne', 'Zeynep', 'Gonny', 'Henny', 'Ria', 'Wilma', 'Joke', 'Tineke',
  'Mariëlle', 'Anneloes', 'Maaike', 'Femke', 'Roos', 'Britt', 'Naomi', 'Chayenne', 'Kirsten', 'Marit',
];

export const FIRST_NAMES_M = [
  'Ahmed', 'Arjen', 'Bart', 'Bas', 'Berend', 'Daan', 'Dennis', 'Erik', 'Emre', 'Frank',
  'Gerrit', 'Hans', 'Hendrik', 'Jeroen', 'Joost', 'Jan-Willem', 'Jasper', 'Jelle', 'Jorik', 'Koen',
  'Kevin', 'Lars', 'Luuk', 'Marco', 'Mark', 'Martijn', 'Mehmet', 'Mohamed', 'Niels', 'Pieter',
  'Ramon', 'Rik', 'Robin', 'Ruud', 'Sander', 'Sem', 'Stefan', 'Sven', 'Thijs', 'Thomas',
  'Tim', 'Tom', 'Vincent', 'Wouter', 'Youssef', 'Yusuf', 'Rachid', 'Henk', 'Wim', 'Kees',
];

export const LAST_NAMES = [
  'de Vries', 'Jansen', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot',
  'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits',
  'de Graaf', 'van der Meer', 'van der Linden', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen', 'van den Heuvel', 'van der Veen', 'van den Broek',
  'de Bruijn', 'de Bruin', 'van der Heijden', 'Schouten', 'van Beek', 'Willems', 'van Vliet', 'van de Ven', 'Hoekstra', 'Maas',
  'Verhoeven', 'Koster', 'van Dam', 'van der Wal', 'Prins', 'Blom', 'Huisman', 'Peeters', 'de Jonge', 'Kuipers',
  'van Veen', 'Post', 'Kuiper', 'Veenstra', 'Kramer', 'van den Brink', 'Scholten', 'van Wijk', 'Postma', 'Martens',
  'Vink', 'de Ruiter', 'Timmermans', 'Groen', 'Gerritsen', 'Jonker', 'van Loon', 'Boer', 'van der Velde', 'Willemsen',
  'Smeets', 'de Lange', 'de Vos', 'Bosch', 'van Dijk', 'Janssen', 'de Koning', 'van Dongen', 'Hofman', 'Wiersma',
  'Kamphuis', 'Nijhuis', 'Oosterhuis', 'Wolters', 'Lammers', 'Hulshof', 'ter Horst', 'ten Brinke', 'Brinkman', 'Schipper',
  'van Ommen', 'Bulut', 'Yilmaz', 'El Amrani', 'Bennani', 'Kaya', 'Nguyen', 'Pinas', 'Sedney', 'Kartosen',
  'Wong', 'Haddou', 'Demir', 'Öztürk', 'Ramdin', 'Baldew', 'Ouali', 'Çelik', 'Tahiri', 'Koç',
  'Veldman', 'Ros', 'van Essen', 'Mensink', 'Pol', 'Vroom', 'Hermans', 'Evers', 'Boersma', 'Zijlstra',
  'van Rijn', 'Sijbesma', 'Dijkman', 'Steenbergen', 'Bruggink', 'Lubbers', 'Klein Haneveld', 'Stam', 'Wever', 'Schuurman',
];

export interface Region {
  name: string;
  /** Towns of the region; the first is where the main location sits. */
  cities: string[];
}

export const REGIONS: Region[] = [
  {
    name: 'IJsselland',
    cities: ['Zwolle', 'Kampen', 'Deventer', 'Raalte', 'Dalfsen', 'Ommen', 'Hardenberg', 'Hattem', 'Heino', 'Olst', 'Wijhe', 'Genemuiden', 'Zwartsluis', 'Staphorst', 'Nieuwleusen', 'Steenwijk'],
  },
  {
    name: 'Twente',
    cities: ['Enschede', 'Hengelo', 'Almelo', 'Oldenzaal', 'Borne', 'Haaksbergen', 'Losser', 'Rijssen', 'Goor', 'Delden', 'Vriezenveen', 'Nijverdal', 'Tubbergen', 'Denekamp', 'Wierden', 'Markelo'],
  },
  {
    name: 'Meierij',
    cities: ['Den Bosch', 'Oss', 'Veghel', 'Uden', 'Boxtel', 'Vught', 'Rosmalen', 'Schijndel', 'Sint-Michielsgestel', 'Berlicum', 'Heeswijk-Dinther', 'Nistelrode', 'Oisterwijk', 'Sint-Oedenrode', 'Erp', 'Heesch'],
  },
  {
    name: 'Friesland',
    cities: ['Leeuwarden', 'Sneek', 'Heerenveen', 'Drachten', 'Harlingen', 'Franeker', 'Dokkum', 'Joure', 'Bolsward', 'Wolvega', 'Lemmer', 'Burgum', 'Gorredijk', 'Akkrum', 'Grou', 'Workum'],
  },
  {
    name: 'Gelderse Vallei',
    cities: ['Ede', 'Barneveld', 'Wageningen', 'Veenendaal', 'Scherpenzeel', 'Lunteren', 'Bennekom', 'Renkum', 'Voorthuizen', 'Nijkerk', 'Putten', 'Ermelo', 'Harderwijk', 'Otterlo', 'Woudenberg', 'Rhenen'],
  },
];

/** Names of houses, used for locations and small-scale living wards. */
export const HOUSE_NAMES = [
  'De Es', 'De Linde', 'Het Anker', 'De Wingerd', 'De Eik', 'Den Oosterhof', 'De Zonnehoek', 'De Hoven', 'De Veste', 'Het Hoge Veld',
  'De Vechtoever', 'De Akker', 'De Beuk', 'De Berk', 'De Kastanje', 'De Wilg', 'Het Palet', 'De Brink', 'De Molenhoek', 'De Horst',
  'Het Lichtpunt', 'De Bongerd', 'Het Kompas', 'De Ooievaar', 'De Kievit', 'De Reiger', 'De Zwaluw', 'De Hooiberg', 'De Klaproos', 'De Korenbloem',
  'De Hazelaar', 'De Wiekslag', 'Het Zonnehuis', 'De Waterlelie', 'De Weide', 'Het Gasthuis', 'Sint Jozef', 'Sint Anna', 'Sint Elisabeth', 'De Lindenhof',
  'De Vijverhof', 'De Rozenhof', 'De Parkhof', 'Het Hofje', 'De Tuinen', 'Het Veldhuis', 'De Marke', 'De Hofstede', 'De Gaarde', 'Het Hooghuis',
  'De Spil', 'De Schakel', 'De Meander', 'Het Overhuis', 'De Esdoorn', 'De Heemhof', 'De Boomgaard', 'Het Wiekenhuis', 'De Kloosterhof', 'De Dijkhof',
];

export const WARD_HOUSES = [
  'Zonnebloem', 'Klaproos', 'Vergeet-mij-niet', 'Lavendel', 'Madelief', 'Goudsbloem', 'Korenbloem', 'Anjer', 'Tulp', 'Narcis',
  'Hyacint', 'Iris', 'Orchidee', 'Roos', 'Viooltje', 'Sneeuwklokje', 'Krokus', 'Lelie', 'Hortensia', 'Heide',
  'Meidoorn', 'Vlier', 'Jasmijn', 'Kamperfoelie', 'Boterbloem', 'Margriet', 'Akelei', 'Dahlia', 'Pioen', 'Salie',
];

export const WARD_TYPES = ['psychogeriatrie', 'somatiek', 'kleinschalig wonen', 'revalidatie', 'kortdurende zorg', 'palliatieve zorg', 'verpleeghuiszorg', 'Korsakov'];

/** Wards at the main location, on numbered floors; the first two always exist (Anna and Bram work there). */
export const MAIN_SPECIALISMS = [
  'Geriatrie', 'Revalidatie', 'Cardiologie', 'Longziekten', 'Neurologie', 'Chirurgie', 'Orthopedie', 'Oncologie',
  'Kortdurende zorg', 'Palliatieve zorg', 'Psychogeriatrie', 'Dagbehandeling', 'Geriatrische revalidatie', 'Nefrologie', 'Maag-, darm- en leverziekten', 'Observatie',
];

export const CITY_PARTS = ['Zuid', 'Noord', 'Oost', 'West', 'Centrum', 'Buitengebied', 'Noordoost', 'Zuidwest', 'Noordwest', 'Zuidoost', 'Binnenstad', 'Dorp'];

export interface OrganisationName {
  name: string;
  intranetName: string;
}

export const ORGANISATION_NAMES: OrganisationName[] = [
  { name: 'Zorggroep De Linde', intranetName: 'LINDE' },
  { name: 'Zorgcombinatie Het Anker', intranetName: 'ANKER' },
  { name: 'Stichting De Wingerd', intranetName: 'WINGERD' },
  { name: 'Zorgpartners Vechtdal', intranetName: 'VECHTDAL' },
  { name: 'Zorggroep Zonnehoek', intranetName: 'ZON' },
  { name: 'Sint Jozef Zorg', intranetName: 'JOZEF' },
  { name: 'Zorgcentra De Marke', intranetName: 'MARKE' },
  { name: 'Zorggroep Het Kompas', intranetName: 'KOMPAS' },
  { name: 'Stichting Hofstede Zorg', intranetName: 'HOFSTEDE' },
  { name: 'Zorgkring De Meander', intranetName: 'MEANDER' },
  { name: 'Zorggroep De Bongerd', intranetName: 'BONGERD' },
  { name: 'Thuis & Zorg De Schakel', intranetName: 'SCHAKEL' },
];

export const DEMO_ORGANISATION: OrganisationName = { name: 'Zorggroep Het Baken', intranetName: 'BAKEN' };

export interface Palette {
  /** Buttons on white with white text: contrast with white at least 4.5:1 (WCAG AA). */
  primary: string;
  accent: string;
}

export const PALETTES: Palette[] = [
  { primary: '#0B5E73', accent: '#F2A93B' },
  { primary: '#1F5F3F', accent: '#E8B64C' },
  { primary: '#6A1B4D', accent: '#F4B6C2' },
  { primary: '#1D4E89', accent: '#7FC8F8' },
  { primary: '#8A2C0F', accent: '#F6C28B' },
  { primary: '#37474F', accent: '#4DD0E1' },
  { primary: '#4A3C8C', accent: '#FFD166' },
  { primary: '#0E6655', accent: '#A3E4D7' },
  { primary: '#9C1C3B', accent: '#FFB4A2' },
  { primary: '#2E5A1C', accent: '#C5E063' },
];

export const DEMO_PALETTE: Palette = { primary: '#0B5E73', accent: '#F2A93B' };

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 0xff) + 0.7152 * channel((n >> 8) & 0xff) + 0.0722 * channel(n & 0xff);
}

export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Job titles with relative frequency, per kind of department. */
export type JobMix = readonly (readonly [string, number])[];

export const JOBS_MAIN_WARD: JobMix = [
  ['Verpleegkundige', 36], ['Verzorgende IG', 24], ['Helpende', 7], ['Leerling-verpleegkundige', 6], ['Zorgassistent', 6],
  ['Voedingsassistent', 3], ['Afdelingssecretaris', 2], ['Fysiotherapeut', 2], ['Ergotherapeut', 1], ['Verpleegkundig specialist', 1],
];

export const JOBS_NURSING_HOME: JobMix = [
  ['Verzorgende IG', 34], ['Helpende', 17], ['Verpleegkundige', 12], ['Zorgassistent', 8], ['Activiteitenbegeleider', 6],
  ['Leerling-verzorgende', 6], ['Gastvrouw', 4], ['Huiskamerbegeleider', 5], ['Specialist ouderengeneeskunde', 1], ['Psycholoog', 1],
];

export const JOBS_HOMECARE: JobMix = [
  ['Verzorgende IG', 34], ['Wijkverpleegkundige', 15], ['Verpleegkundige', 12], ['Helpende', 12], ['Huishoudelijk medewerker', 12],
  ['Leerling-verzorgende', 6], ['Casemanager dementie', 3], ['Planner', 2],
];

export const JOBS_FACILITY: JobMix = [
  ['Medewerker facilitair', 20], ['Medewerker schoonmaak', 16], ['Medewerker restaurant', 10], ['Kok', 5], ['Receptionist', 6],
  ['Medewerker logistiek', 5], ['Technisch medewerker', 5], ['Medewerker linnenkamer', 3],
];

export const JOBS_OTHER: JobMix = [['Activiteitenbegeleider', 6], ['Begeleider dagbesteding', 8], ['Vrijwilligerscoördinator', 1]];

/** Central departments: name, kind, minimum organisation size, staffing weight, jobs, leader title. */
export interface CentralDepartment {
  key: string;
  name: string;
  kind: 'staff' | 'facility' | 'other';
  minEmployees: number;
  weight: number;
  jobs: JobMix;
  leader: string;
}

export const CENTRAL_DEPARTMENTS: CentralDepartment[] = [
  { key: 'hr', name: 'P&O', kind: 'staff', minEmployees: 0, weight: 3, leader: 'Manager P&O', jobs: [['P&O-adviseur', 5], ['Salarisadministrateur', 3], ['Recruiter', 2], ['Medewerker P&O', 3], ['Verzuimconsulent', 1]] },
  { key: 'comms', name: 'Communicatie', kind: 'staff', minEmployees: 0, weight: 1.5, leader: 'Manager Communicatie', jobs: [['Communicatieadviseur', 4], ['Medewerker communicatie', 2], ['Contentredacteur', 1]] },
  { key: 'ict', name: 'ICT en Applicatiebeheer', kind: 'staff', minEmployees: 0, weight: 3, leader: 'Manager ICT', jobs: [['Applicatiebeheerder', 4], ['Servicedeskmedewerker', 4], ['Systeembeheerder', 2], ['Informatieadviseur', 1]] },
  { key: 'quality', name: 'Kwaliteit en Opleiding', kind: 'staff', minEmployees: 0, weight: 2.5, leader: 'Manager Kwaliteit', jobs: [['Kwaliteitsadviseur', 3], ['Praktijkopleider', 3], ['Zorgcoach', 2], ['Opleidingsadviseur', 1]] },
  { key: 'finance', name: 'Financiën en Control', kind: 'staff', minEmployees: 200, weight: 2, leader: 'Controller', jobs: [['Financieel medewerker', 4], ['Medewerker zorgadministratie', 3], ['Business controller', 1]] },
  { key: 'planning', name: 'Planning en Roostering', kind: 'staff', minEmployees: 200, weight: 2, leader: 'Coördinator planning', jobs: [['Planner', 3], ['Roosteraar', 3], ['Medewerker personeelsplanning', 1]] },
  { key: 'board', name: 'Bestuursbureau', kind: 'staff', minEmployees: 500, weight: 1.2, leader: 'Bestuurssecretaris', jobs: [['Managementassistent', 3], ['Beleidsadviseur', 2], ['Juridisch adviseur', 1]] },
  { key: 'facility', name: 'Facilitair bedrijf', kind: 'facility', minEmployees: 0, weight: 5, leader: 'Manager facilitair', jobs: JOBS_FACILITY },
  { key: 'kitchen', name: 'Restaurant en keuken', kind: 'facility', minEmployees: 200, weight: 3, leader: 'Chef-kok', jobs: [['Kok', 3], ['Medewerker restaurant', 5], ['Zelfstandig werkend kok', 1]] },
  { key: 'technical', name: 'Technische dienst', kind: 'facility', minEmployees: 500, weight: 2, leader: 'Coördinator technische dienst', jobs: [['Technisch medewerker', 5], ['Medewerker onderhoud', 2]] },
  { key: 'volunteers', name: 'Vrijwilligerscentrale', kind: 'other', minEmployees: 300, weight: 0.6, leader: 'Coördinator vrijwilligers', jobs: [['Vrijwilligerscoördinator', 2], ['Medewerker welzijn', 2]] },
];
