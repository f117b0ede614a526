import { describe, expect, it } from 'vitest';
import { parseHashtags } from '../../../../common/src/text/hashtags.js';
import { parseMentionHandles } from '../../../../common/src/text/mentions.js';
import { pageText, parseInline, parseMarkdown, parsePageMarkdown, plainText, safeHref, type Block, type Inline } from '../../../../common/src/text/markdown.js';

function links(blocks: Block[] | Inline[]): string[] {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.type === 'link') found.push(n.href as string);
      Object.values(n).forEach(walk);
    }
  };
  walk(blocks);
  return found;
}

function plain(inlines: Inline[]): string {
  return inlines
    .map((t) => {
      switch (t.type) {
        case 'text':
          return t.text;
        case 'hashtag':
        case 'mention':
          return t.text;
        case 'break':
          return '\n';
        default:
          return plain(t.children);
      }
    })
    .join('');
}

describe('markdown subset', () => {
  it('splits paragraphs on blank lines and keeps single line breaks', () => {
    expect(parseMarkdown('Goedemorgen\nallemaal\n\nTot straks')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'Goedemorgen' }, { type: 'break' }, { type: 'text', text: 'allemaal' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'Tot straks' }] },
    ]);
  });

  it('reads bold and italic, also nested', () => {
    expect(parseInline('**Let op** en *graag* **heel *snel***')).toEqual([
      { type: 'bold', children: [{ type: 'text', text: 'Let op' }] },
      { type: 'text', text: ' en ' },
      { type: 'italic', children: [{ type: 'text', text: 'graag' }] },
      { type: 'text', text: ' ' },
      { type: 'bold', children: [{ type: 'text', text: 'heel ' }, { type: 'italic', children: [{ type: 'text', text: 'snel' }] }] },
    ]);
  });

  it('leaves a lone star and a multiplication alone', () => {
    expect(plain(parseInline('2 * 3 = 6 en * los'))).toBe('2 * 3 = 6 en * los');
    expect(parseInline('2 * 3 = 6').every((t) => t.type === 'text')).toBe(true);
  });

  it('makes bullet lists from lines starting with a dash or star', () => {
    expect(parseMarkdown('Meenemen:\n- pasje\n* sleutels\n\nKlaar.')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'Meenemen:' }] },
      { type: 'list', items: [[{ type: 'text', text: 'pasje' }], [{ type: 'text', text: 'sleutels' }]] },
      { type: 'paragraph', children: [{ type: 'text', text: 'Klaar.' }] },
    ]);
  });

  it('makes links from [text](https://…) and from bare URLs without trailing punctuation', () => {
    expect(parseInline('Zie [het rooster](https://jet.example.nl/rooster).')).toEqual([
      { type: 'text', text: 'Zie ' },
      { type: 'link', href: 'https://jet.example.nl/rooster', children: [{ type: 'text', text: 'het rooster' }] },
      { type: 'text', text: '.' },
    ]);
    expect(links(parseInline('Kijk op https://zorg.example.nl/a?b=1, of (https://x.nl/wiki/Foo_(bar)).'))).toEqual([
      'https://zorg.example.nl/a?b=1',
      'https://x.nl/wiki/Foo_(bar)',
    ]);
  });

  it('allows mailto links', () => {
    expect(links(parseInline('[Mail de coach](mailto:coach@zorg.nl)'))).toEqual(['mailto:coach@zorg.nl']);
  });

  it('makes hashtags and mentions their own tokens, in line with the server parsers', () => {
    const body = 'Dank @anna.devries. voor de #BHV-training en #Café! Kamer #3, a#b, mail@x.nl';
    const tokens = parseInline(body);
    expect(tokens.filter((t) => t.type === 'hashtag').map((t) => (t as { tag: string }).tag)).toEqual(parseHashtags(body));
    expect(tokens.filter((t) => t.type === 'mention').map((t) => (t as { handle: string }).handle)).toEqual(parseMentionHandles(body));
    expect(plain(tokens)).toBe(body);
  });

  it('gives a one-line preview without the markup', () => {
    expect(plainText('**Let op:** de [lift](https://x.nl) is stuk\n- neem de trap\n- bel #tdienst')).toBe(
      'Let op: de lift is stuk neem de trap, bel #tdienst',
    );
  });

  it('does not turn tags inside a link text into tokens', () => {
    expect(parseInline('[#bhv bij @anna](https://x.nl)')).toEqual([
      { type: 'link', href: 'https://x.nl', children: [{ type: 'text', text: '#bhv bij @anna' }] },
    ]);
  });
});

describe('markdown subset refuses HTML and script', () => {
  const attacks = [
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '<a href="javascript:alert(1)">klik</a>',
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x]( javascript:alert(1))',
    '[x](java\tscript:alert(1))',
    '[x](java&#x73;cript:alert(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](vbscript:msgbox(1))',
    '[x](//evil.example/x)',
    '[x](https:javascript:alert(1))',
    'javascript:alert(1)',
    '[[x](javascript:alert(1))](https://ok.nl)',
    '[https://ok.nl](javascript:alert(1))',
    '[x](https://ok.nl"onmouseover="alert(1))',
    'https://ok.nl/<script>alert(1)</script>',
  ];

  it.each(attacks)('%s keeps every character as text and links only to http(s)', (attack) => {
    const blocks = parseMarkdown(attack);
    for (const href of links(blocks)) expect(href).toMatch(/^https?:\/\/[^\s<>"]+$/);
    const text = blocks.map((b) => (b.type === 'paragraph' ? plain(b.children) : '')).join('');
    expect(text).toBe(attack);
  });

  it('keeps tag-looking text literally', () => {
    expect(parseMarkdown('<img src=x onerror=alert(1)>')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: '<img src=x onerror=alert(1)>' }] },
    ]);
    expect(parseInline('<script>alert(1)</script>')).toEqual([{ type: 'text', text: '<script>alert(1)</script>' }]);
  });

  it('turns a javascript: link into plain text, whatever its case', () => {
    expect(parseInline('[x](JaVaScRiPt:alert(1))')).toEqual([{ type: 'text', text: '[x](JaVaScRiPt:alert(1))' }]);
    expect(links(parseInline('[[x](javascript:alert(1))](https://ok.nl)'))).toEqual(['https://ok.nl']);
    expect(parseInline('**[x](javascript:alert(1))**')).toEqual([
      { type: 'bold', children: [{ type: 'text', text: '[x](javascript:alert(1))' }] },
    ]);
  });

  it('accepts only plain http(s) and mailto hrefs', () => {
    expect(safeHref('https://ok.nl/a')).toBe('https://ok.nl/a');
    expect(safeHref('HTTP://ok.nl')).toBe('HTTP://ok.nl');
    expect(safeHref('mailto:a@b.nl')).toBe('mailto:a@b.nl');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', 'https://', 'https://a b', 'https://a\u0000b', 'mailto:x']) {
      expect(safeHref(bad)).toBeNull();
    }
  });

  it('stays fast on pathological input', () => {
    const started = performance.now();
    parseMarkdown('*'.repeat(5000) + '['.repeat(5000) + '](('.repeat(1000));
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('markdown of knowledge-base pages', () => {
  const PAGE_ID = '01900000-0000-7000-8000-0000000000aa';

  it('reads # and ## as headings, and leaves ### and #hashtag as text', () => {
    expect(parsePageMarkdown('# Salaris\n\n## Betaaldata\n### Klein\n#geenkop')).toEqual([
      { type: 'heading', level: 1, children: [{ type: 'text', text: 'Salaris' }] },
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Betaaldata' }] },
      { type: 'paragraph', children: [{ type: 'text', text: '### Klein' }, { type: 'break' }, { type: 'text', text: '#geenkop' }] },
    ]);
  });

  it('makes numbered lists that keep their first number, apart from bullet lists', () => {
    expect(parsePageMarkdown('3. Bel de dienstdoende arts\n4) Noteer de tijd\n- los punt')).toEqual([
      { type: 'orderedList', start: 3, items: [[{ type: 'text', text: 'Bel de dienstdoende arts' }], [{ type: 'text', text: 'Noteer de tijd' }]] },
      { type: 'list', items: [[{ type: 'text', text: 'los punt' }]] },
    ]);
  });

  it('reads a table under a |---| rule, with every row as wide as its header', () => {
    expect(parsePageMarkdown('| Maand | Datum |\n|---|:---:|\n| januari | **23** |\n| februari |\n\nNa de tabel')).toEqual([
      {
        type: 'table',
        header: [[{ type: 'text', text: 'Maand' }], [{ type: 'text', text: 'Datum' }]],
        rows: [
          [[{ type: 'text', text: 'januari' }], [{ type: 'bold', children: [{ type: 'text', text: '23' }] }]],
          [[{ type: 'text', text: 'februari' }], []],
        ],
      },
      { type: 'paragraph', children: [{ type: 'text', text: 'Na de tabel' }] },
    ]);
  });

  it('keeps pipe lines without a rule under them as text', () => {
    expect(parsePageMarkdown('| a | b |\n| c | d |')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: '| a | b |' }, { type: 'break' }, { type: 'text', text: '| c | d |' }] },
    ]);
  });

  it('links to another page with [tekst](page:<id>) and keeps web links safe', () => {
    expect(parsePageMarkdown(`Zie [verlof](page:${PAGE_ID}) en [x](javascript:alert(1))`)).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Zie ' },
          { type: 'pageLink', pageId: PAGE_ID, children: [{ type: 'text', text: 'verlof' }] },
          { type: 'text', text: ' en [x](javascript:alert(1))' },
        ],
      },
    ]);
  });

  it('keeps posts as they were: no headings, numbered lists, tables or page links there', () => {
    const source = `# Hallo\n1. een\n| a |\n|---|\n[p](page:${PAGE_ID})`;
    const blocks = parseMarkdown(source);
    expect(blocks.map((b) => b.type)).toEqual(['paragraph']);
    expect(JSON.stringify(blocks)).not.toContain('pageLink');
    expect(plainText(source)).toBe(`# Hallo 1. een | a | |---| [p](page:${PAGE_ID})`);
  });

  it('gives a page\'s headings apart from its body text, for search', () => {
    expect(pageText('# Ziekmelden\nBel **vóór 7.00 uur**.\n\n## Herstel\n1. Meld je beter\n\n| Wie | Wat |\n|---|---|\n| jij | bellen |')).toEqual({
      headings: ['Ziekmelden', 'Herstel'],
      body: 'Bel vóór 7.00 uur.\nMeld je beter\nWie Wat\njij bellen',
    });
  });
});
