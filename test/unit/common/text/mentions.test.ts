import { describe, expect, it } from 'vitest';
import { handleFromName, parseMentionHandles } from '../../../../common/src/text/mentions.js';

describe('mentions in a post', () => {
  it('finds handles, not e-mail addresses', () => {
    expect(parseMentionHandles('Dank @anna.devries en @bram.jansen! Mail naar p&o@zorg.nl')).toEqual(['anna.devries', 'bram.jansen']);
  });
  it('drops a full stop that ends the sentence', () => {
    expect(parseMentionHandles('Vraag het @eva.visser.')).toEqual(['eva.visser']);
  });
  it('makes handles from Dutch names with tussenvoegsels and accents', () => {
    expect(handleFromName('Anna de Vries')).toBe('anna.devries');
    expect(handleFromName('Chloë van der Berg')).toBe('chloe.vanderberg');
    expect(handleFromName('Daan')).toBe('daan');
  });
});
