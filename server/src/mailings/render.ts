import { randomBytes } from 'node:crypto';
import { escapeHtml, pageMail, postMail, type MailLinks } from './markdownMail.js';
import { pollMail } from './pollMail.js';

/** What a mailing is made of, as it stands at the moment it is rendered. */
export interface MailContent {
  subject: string;
  intro: string;
  mandatory: boolean;
  posts: { id: string; authorName: string; createdAt: string; body: string; imageCount: number }[];
  pages: { id: string; title: string; body: string }[];
  poll: MailPoll | null;
  organisation: { name: string; intranetName: string; primaryColor: string; accentColor: string; hasLogo: boolean };
  /** Where this server is reached, for links (no trailing slash). */
  baseUrl: string;
}

/** A poll as a mailing shows it; `votes` and `voters` are null unless everyone may see the counts. */
export interface MailPoll {
  id: string;
  question: string;
  multiple: boolean;
  options: { label: string; votes: number | null }[];
  voters: number | null;
}

/**
 * The rendered mailing with `marker` wherever a recipient's own token goes (her links into the
 * intranet and her unsubscribe link), so 20 000 messages cost one render and a string replace each.
 * The marker is random per render: no text in a post can foresee it.
 */
export interface MailTemplate {
  subject: string;
  html: string;
  text: string;
  marker: string;
}

export const LOGO_CID = 'logo@samen';
const PAGE_BLOCKS = 4;
const FALLBACK = { primary: '#1F5F8B', accent: '#F2A900' };
const HEX = /^#[0-9a-fA-F]{6}$/;

export const visitUrl = (baseUrl: string, token: string, target: string) => `${baseUrl}/v1/mail/visit/${token}?to=${target}`;
export const unsubscribeUrl = (baseUrl: string, token: string) => `${baseUrl}/v1/mail/unsubscribe/${token}`;

const dateFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });

export function renderMailing(content: MailContent): MailTemplate {
  const marker = `tk${randomBytes(12).toString('hex')}`;
  const base = content.baseUrl;
  const links: MailLinks = { page: (id) => visitUrl(base, marker, `page:${id}`) };
  // Colours go into style attributes: only a plain #rrggbb is trusted there.
  const primary = HEX.test(content.organisation.primaryColor) ? content.organisation.primaryColor : FALLBACK.primary;
  const accent = HEX.test(content.organisation.accentColor) ? content.organisation.accentColor : FALLBACK.accent;
  const org = content.organisation;
  const intro = postMail(content.intro, links);

  const htmlParts: string[] = [];
  const textParts: string[] = [`${org.intranetName} — ${org.name}`, '', content.subject, ''];
  if (content.intro.trim()) {
    htmlParts.push(`<div style="font-size:16px;line-height:1.5;">${intro.html}</div>`);
    textParts.push(intro.text, '');
  }
  const button = (href: string, label: string) =>
    `<a href="${escapeHtml(href)}" style="display:inline-block;background:${primary};color:#ffffff;text-decoration:none;font-weight:bold;padding:12px 20px;border-radius:6px;font-size:16px;">${escapeHtml(label)}</a>`;
  for (const post of content.posts) {
    const body = postMail(post.body, links);
    const href = visitUrl(base, marker, `post:${post.id}`);
    const when = dateFormat.format(new Date(post.createdAt));
    const photos = post.imageCount > 0 ? `Met ${post.imageCount === 1 ? 'een foto' : `${post.imageCount} foto’s`}: bekijk ${post.imageCount === 1 ? 'hem' : 'ze'} in ${org.intranetName}.` : '';
    htmlParts.push(
      `<div style="border-top:4px solid ${accent};padding:16px 0 8px 0;margin-top:16px;">` +
        `<p style="margin:0 0 8px 0;color:#555555;font-size:14px;">${escapeHtml(post.authorName)} · ${escapeHtml(when)}</p>` +
        `<div style="font-size:16px;line-height:1.5;">${body.html}</div>` +
        (photos ? `<p style="margin:0 0 12px 0;color:#555555;font-size:14px;">${escapeHtml(photos)}</p>` : '') +
        `<p style="margin:8px 0 0 0;">${button(href, `Lees en reageer in ${org.intranetName}`)}</p></div>`,
    );
    textParts.push('----------------------------------------', `${post.authorName} · ${when}`, '', body.text, ...(photos ? ['', photos] : []), '', `Lees en reageer: ${href}`, '');
  }
  for (const page of content.pages) {
    const body = pageMail(page.body, links, PAGE_BLOCKS);
    const href = visitUrl(base, marker, `page:${page.id}`);
    htmlParts.push(
      `<div style="border-top:4px solid ${accent};padding:16px 0 8px 0;margin-top:16px;">` +
        `<h2 style="margin:0 0 8px 0;font-size:20px;">${escapeHtml(page.title)}</h2>` +
        `<div style="font-size:16px;line-height:1.5;">${body.html}</div>` +
        `<p style="margin:8px 0 0 0;">${button(href, body.more ? 'Lees de hele pagina' : `Open in ${org.intranetName}`)}</p></div>`,
    );
    textParts.push('----------------------------------------', page.title, '', body.text, '', `${body.more ? 'Lees de hele pagina' : 'Open de pagina'}: ${href}`, '');
  }

  if (content.poll) {
    const poll = pollMail(content.poll, visitUrl(base, marker, `poll:${content.poll.id}`), { accent, primary });
    htmlParts.push(poll.html);
    textParts.push(poll.text, '');
  }

  const footer = content.mandatory
    ? `Dit is een verplichte mailing van ${org.name}: die krijgt iedereen voor wie hij bedoeld is, ook wie zich voor mailings heeft afgemeld.`
    : `Je krijgt deze mailing omdat je bij ${org.name} werkt.`;
  const unsubscribe = content.mandatory ? null : unsubscribeUrl(base, marker);
  textParts.push('----------------------------------------', footer, ...(unsubscribe ? [`Geen mailings meer ontvangen? Meld je af: ${unsubscribe}`] : []));

  const logo = org.hasLogo ? `<img src="cid:${LOGO_CID}" alt="" width="40" height="40" style="display:block;border:0;width:40px;height:40px;border-radius:6px;">` : '';
  const html =
    '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">' +
    `<title>${escapeHtml(content.subject)}</title></head>` +
    '<body style="margin:0;padding:0;background:#f4f4f4;font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;">' +
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f4;"><tr><td align="center" style="padding:16px 8px;">' +
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:8px;">' +
    `<tr><td style="background:${primary};color:#ffffff;padding:16px 20px;border-radius:8px 8px 0 0;">` +
    `<table role="presentation" cellpadding="0" cellspacing="0"><tr>${logo ? `<td style="padding-right:12px;">${logo}</td>` : ''}` +
    `<td style="font-size:20px;font-weight:bold;">${escapeHtml(org.intranetName)}<div style="font-size:14px;font-weight:normal;">${escapeHtml(org.name)}</div></td></tr></table></td></tr>` +
    `<tr><td style="padding:20px;word-break:break-word;overflow-wrap:anywhere;"><h1 style="margin:0 0 16px 0;font-size:24px;line-height:1.3;">${escapeHtml(content.subject)}</h1>${htmlParts.join('')}</td></tr>` +
    `<tr><td style="padding:16px 20px;border-top:1px solid #e0e0e0;color:#555555;font-size:13px;line-height:1.5;">${escapeHtml(footer)}` +
    (unsubscribe ? `<br><a href="${escapeHtml(unsubscribe)}" style="color:#555555;">Geen mailings meer ontvangen? Meld je af.</a>` : '') +
    '</td></tr></table></td></tr></table></body></html>';

  return { subject: content.subject, html, text: textParts.join('\n'), marker };
}

/** One recipient's copy: her token where the marker is. */
export function personalise(template: Pick<MailTemplate, 'html' | 'text' | 'marker'>, token: string): { html: string; text: string } {
  return { html: template.html.split(template.marker).join(token), text: template.text.split(template.marker).join(token) };
}
