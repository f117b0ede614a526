/** Lower case without accents: what people search by, so "zoe" finds "Zoë" and "Zoe". */
export const searchName = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
