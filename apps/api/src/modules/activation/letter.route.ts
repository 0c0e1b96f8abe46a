import type { Route } from '../../http/routes';
import { sendJson } from '../../http/routes';
import { resolvePrincipal } from '../../http/principal';
import { letterState, normalizeLetterCode } from '@kring/domain';
import { PatientRecordEntity } from '../providers/patient-record.entity';
import { ProviderEntity } from '../providers/provider.entity';
import { ActivationLetterEntity } from './activation-letter.entity';
import { renderLetterPdf } from './letter-pdf';
import { openLetterToken } from './letter-token';
import { hashLetterCode } from './letter.service';

/**
 * GET /letters/<id>.pdf?t=<token> with the provider's API key: the printable letter,
 * only for the provider that issued it and only while the letter and its link are valid.
 */
export const letterPdfRoute: Route = {
  method: 'GET',
  pattern: /^\/letters\/([0-9a-f-]{36})\.pdf$/,
  async handle(req, res, match, services) {
    const principal = await resolvePrincipal(services, req.headers.authorization);
    if (!principal.provider) return sendJson(res, 401, { error: 'UNAUTHENTICATED' });
    const letterId = match[1]!;
    const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('t') ?? '';
    const m = services.db.manager;
    const letter = await m.findOneBy(ActivationLetterEntity, { id: letterId });
    const record = letter ? await m.findOneBy(PatientRecordEntity, { id: letter.patientRecordId }) : null;
    // Another provider's letter is answered exactly like one that does not exist.
    if (!letter || !record || record.providerId !== principal.provider.providerId) return sendJson(res, 404, { error: 'NOT_FOUND' });
    const now = services.clock.now();
    const code = normalizeLetterCode(openLetterToken(letter.pdfKey, letter.id, token, now.getTime()) ?? '');
    const state = letterState(
      { usedAt: letter.usedAt?.getTime() ?? null, voidedAt: letter.voidedAt?.getTime() ?? null, expiresAt: letter.expiresAt.getTime() },
      now.getTime(),
    );
    if (!code || hashLetterCode(code) !== letter.codeHash || state !== 'VALID') return sendJson(res, 410, { error: 'GONE' });
    const provider = await m.findOneByOrFail(ProviderEntity, { id: record.providerId });
    const pdf = await renderLetterPdf({
      patientName: `${record.firstName} ${record.lastName}`,
      code,
      expiresAt: letter.expiresAt,
      activateUrl: `${services.env.PUBLIC_WEB_URL}/activeren`,
      provider,
    });
    res.writeHead(200, {
      'content-type': 'application/pdf',
      'content-length': pdf.length,
      'content-disposition': `inline; filename="kring-brief-${letter.id.slice(0, 8)}.pdf"`,
      'cache-control': 'no-store',
    });
    res.end(pdf);
  },
};
