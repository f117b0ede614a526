// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MailPreview } from '../../../../renderer/src/features/mailings/MailPreview.js';
import { useAppState } from '../../../../renderer/src/app/sessionStore.js';
import '../../../../renderer/src/ui/i18n/i18n.js';

afterEach(cleanup);

const HOSTILE_HTML = [
  '<!DOCTYPE html><html><head><style>body{background:url(https://tracker.example/p.gif)}</style></head>',
  '<body style="margin:0;background:#f4f4f4;">',
  '<h1 style="font-size:24px;">Nieuws</h1>',
  '<script>window.__pwned = 1</script>',
  '<img src="x" onerror="window.__pwned = 2">',
  '<img src="https://tracker.example/pixel.gif" width="1" height="1">',
  '<img src="cid:logo@samen" alt="" width="40">',
  '<p onclick="window.__pwned = 3" style="color:#333;background-image:url(https://tracker.example/b.gif)">Tekst &lt;b&gt;blijft&lt;/b&gt; tekst</p>',
  '<a href="javascript:window.__pwned=4">klik</a> <a href="https://zorg.example/info" style="color:#0b6e6e;">goed</a>',
  '<iframe src="https://evil.example"></iframe><svg><script>window.__pwned=5</script></svg>',
  '</body></html>',
].join('');

const mailRoot = () => screen.getByRole('document', { name: 'E-mail' }).shadowRoot!;

describe('the preview of a mailing', () => {
  it('shows the mail with its styles, and nothing in it can run, track or take the app elsewhere', () => {
    useAppState.setState({ theme: { organisationName: 'Zorggroep', intranetName: 'BAKEN', primaryColor: '#0b6e6e', accentColor: '#f0a030', logoUrl: '/images/logo' } });
    render(<MailPreview preview={{ subject: 'Nieuws', html: HOSTILE_HTML, text: 'Nieuws\n\nTekst' }} />);
    const root = mailRoot();
    expect(root.querySelector('h1')?.textContent).toBe('Nieuws');
    expect((root.querySelector('h1') as HTMLElement).style.fontSize).toBe('24px');
    expect(root.textContent).toContain('Tekst <b>blijft</b> tekst');
    expect(root.querySelectorAll('script, iframe, svg, style')).toHaveLength(0);
    expect(root.querySelectorAll('[onerror], [onclick]')).toHaveLength(0);
    // Only the organisation's own logo shows; no remote image, no style that loads one.
    expect([...root.querySelectorAll('img')].map((i) => i.getAttribute('src'))).toEqual(['/images/logo']);
    expect(root.querySelector('p')?.getAttribute('style') ?? '').not.toContain('url(');
    const links = [...root.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([null, 'https://zorg.example/info']);
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    links[1]!.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('switches to the plain text and to a phone’s width', () => {
    render(<MailPreview preview={{ subject: 'Nieuws', html: '<p>Hallo</p>', text: 'Hallo <script>x</script>\nLees en reageer: https://zorg.example' }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Telefoon' }));
    expect(document.querySelector('.mail-frame-phone')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Platte tekst' }));
    expect(screen.getByText(/Lees en reageer/).tagName).toBe('PRE');
    expect(screen.getByText(/Hallo <script>x<\/script>/)).toBeTruthy();
    expect(document.querySelector('script')).toBeNull();
  });
});
