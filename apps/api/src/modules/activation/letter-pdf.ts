import PDFDocument from 'pdfkit';
import { formatLetterCode } from '@kring/domain';

export interface LetterContent {
  patientName: string;
  code: string;
  expiresAt: Date;
  activateUrl: string;
  provider: { name: string; contactPhone: string | null; contactEmail: string | null };
}

const dateNl = (d: Date) =>
  new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' }).format(d);

/** The activation letter, in plain Dutch, as a one-page A4 PDF (standard fonts only, so it stays small). */
export function renderLetterPdf(c: LetterContent): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 64,
      info: { Title: 'Uw toegang tot Kring', Author: c.provider.name, Producer: 'Kring', Creator: 'Kring' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    doc.font('Helvetica-Bold').fontSize(11).text(c.provider.name);
    doc.moveDown(2);
    doc.font('Helvetica-Bold').fontSize(18).text('Uw toegang tot Kring');
    doc.moveDown();
    doc.font('Helvetica').fontSize(11);
    doc.text(`Beste ${c.patientName},`);
    doc.moveDown();
    doc.text(
      `${c.provider.name} werkt met Kring. Kring is een persoonlijke gezondheidsomgeving: een beveiligde website waarin u ` +
        'uw afspraken en uw dossier (zorgrapportages, zorgplannen en vragenlijsten) kunt bekijken. U bepaalt zelf wie uit uw ' +
        'omgeving, zoals familie of een mantelzorger, met u mag meekijken en wat zij mogen zien.',
    );
    doc.moveDown();
    doc.text('Met de code hieronder en uw geboortedatum maakt u uw account aan. Ga daarvoor naar:');
    doc.moveDown(0.5);
    doc.font('Helvetica-Bold').text(c.activateUrl);
    doc.moveDown();
    doc.font('Helvetica').text('Uw persoonlijke code:');
    doc.moveDown(0.5);
    doc.font('Courier-Bold').fontSize(20).text(formatLetterCode(c.code), { characterSpacing: 1 });
    doc.moveDown(0.5);
    doc.font('Helvetica').fontSize(11).text(`Deze code is geldig tot en met ${dateNl(c.expiresAt)} en kan maar één keer worden gebruikt.`);
    doc.moveDown();
    doc.text(
      'Bewaar deze brief op een veilige plek en geef de code niet aan anderen. Helpt iemand u, of regelt u dit voor iemand ' +
        'anders (bijvoorbeeld als ouder of wettelijk vertegenwoordiger)? Kies dan bij het activeren "voor iemand anders".',
    );
    doc.moveDown();
    const contact = [c.provider.contactPhone && `telefoon ${c.provider.contactPhone}`, c.provider.contactEmail && `e-mail ${c.provider.contactEmail}`]
      .filter(Boolean)
      .join(', ');
    doc.text(
      `Is de code verlopen, kwijt of werkt hij niet? Neem dan contact op met het secretariaat van ${c.provider.name}` +
        (contact ? ` (${contact}).` : '.') +
        ' Zij sturen u een nieuwe brief.',
    );
    doc.moveDown(2);
    doc.text('Met vriendelijke groet,');
    doc.text(c.provider.name);
    doc.end();
  });
}
