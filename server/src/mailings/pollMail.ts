import { escapeHtml, type MailText } from './markdownMail.js';
import type { MailPoll } from './render.js';

const votes = (n: number) => (n === 1 ? '1 stem' : `${n} stemmen`);

/**
 * A poll in a mailing: its question and each option as a link into the intranet, where the vote is
 * cast (the mail takes none: a link a mail scanner opens must not vote). Every option opens the same
 * poll; the link carries the recipient's token, so a click counts as a visit from the mailing. The
 * question and labels are plain text, escaped here; counts only when the poll shows them to everyone.
 */
export function pollMail(poll: MailPoll, href: string, colours: { accent: string; primary: string }): MailText {
  const how = poll.multiple ? 'Je mag meer dan één antwoord kiezen.' : 'Kies één antwoord.';
  const count = (v: number | null) => (v === null ? '' : ` (${votes(v)})`);
  const options = poll.options
    .map(
      (o) =>
        `<li style="margin:0 0 8px 0;list-style:none;"><a href="${escapeHtml(href)}" style="display:block;border:2px solid ${colours.primary};color:${colours.primary};text-decoration:none;font-size:16px;padding:12px 16px;border-radius:6px;">` +
        `${escapeHtml(o.label)}${escapeHtml(count(o.votes))}</a></li>`,
    )
    .join('');
  const tally =
    poll.voters === null ? '' : poll.voters === 0 ? 'Nog niemand heeft gestemd.' : `Tot nu toe ${poll.voters === 1 ? 'heeft 1 persoon' : `hebben ${poll.voters} mensen`} gestemd.`;
  const html =
    `<div style="border-top:4px solid ${colours.accent};padding:16px 0 8px 0;margin-top:16px;">` +
    `<p style="margin:0 0 4px 0;color:#555555;font-size:14px;">Peiling · ${escapeHtml(how)}</p>` +
    `<h2 style="margin:0 0 12px 0;font-size:20px;line-height:1.3;">${escapeHtml(poll.question)}</h2>` +
    `<ul style="margin:0 0 8px 0;padding:0;">${options}</ul>` +
    (tally ? `<p style="margin:0 0 4px 0;color:#555555;font-size:14px;">${escapeHtml(tally)}</p>` : '') +
    `<p style="margin:0;color:#555555;font-size:14px;">Stemmen doe je op het intranet.</p></div>`;
  const text = [
    '----------------------------------------',
    `Peiling: ${poll.question}`,
    how,
    '',
    ...poll.options.map((o) => `- ${o.label}${count(o.votes)}: ${href}`),
    ...(tally ? ['', tally] : []),
    '',
    'Stemmen doe je op het intranet.',
  ].join('\n');
  return { html, text };
}
