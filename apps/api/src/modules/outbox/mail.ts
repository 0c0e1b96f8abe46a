/**
 * One layout for every e-mail Kring sends. E-mails carry no health content
 * (DESIGN.md, "What leaves Kring"): just what happened, for whom, and a link.
 */
export interface MailContent {
  subject: string;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Small print under the action, e.g. "Deze link is 7 dagen geldig." */
  footnote?: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function renderMail(c: MailContent): { subject: string; text: string; html: string } {
  const text = [
    c.heading,
    '',
    ...c.paragraphs.flatMap((p) => [p, '']),
    ...(c.action ? [`${c.action.label}: ${c.action.url}`, ''] : []),
    ...(c.footnote ? [c.footnote, ''] : []),
    '— Kring',
  ].join('\n');
  const html = `<!doctype html><html lang="nl"><body style="font-family:system-ui,sans-serif;color:#1f2933;max-width:560px;margin:auto;padding:24px">
<h1 style="font-size:20px;color:#1d4e89">${escapeHtml(c.heading)}</h1>
${c.paragraphs.map((p) => `<p style="line-height:1.5">${escapeHtml(p)}</p>`).join('\n')}
${c.action ? `<p><a href="${escapeHtml(c.action.url)}" style="display:inline-block;background:#1d4e89;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(c.action.label)}</a></p>` : ''}
${c.footnote ? `<p style="font-size:13px;color:#52606d">${escapeHtml(c.footnote)}</p>` : ''}
<p style="font-size:13px;color:#52606d">— Kring</p></body></html>`;
  return { subject: c.subject, text, html };
}
