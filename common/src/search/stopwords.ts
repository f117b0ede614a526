/**
 * Dutch words that carry no subject: articles, pronouns, prepositions, auxiliaries and question words.
 * They are left out of the index and of queries, so "hoe meld ik me ziek" searches for "meld" and
 * "ziek". Folded, as normalise() writes them.
 */
export const DUTCH_STOPWORDS: ReadonlySet<string> = new Set(
  `aan al alle alles als altijd ander andere ben bent bij daar dan dat de der deze die dit doch doe doen door
  dus een eens en er ge geen geweest had heb hebben heeft hem het hier hij hoe hoelang hoeveel hun iemand iets
  ik in is ja je jij jou jouw jullie kan kon kun kunnen kunt krijg krijgen maar me meer men met mij mijn mn moet
  moeten mag na naar niet niets nog nu of om omdat onder ons onze ook op over reeds te tegen toch toen tot u uit
  uw van veel voor waar waarom wanneer want waren was wat we welk welke werd wezen wie wij wil willen worden
  wordt zal ze zelf zich zij zijn zo zonder zou zn`.split(/\s+/),
);
