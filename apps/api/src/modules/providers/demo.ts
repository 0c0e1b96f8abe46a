import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { newId } from '../../db/columns';
import type { DemoCircle } from '../../seed/demo';
import { DossierItemEntity, type DossierKind } from '../dossier/dossier-item.entity';
import { createProvider } from './provider-key.service';
import { PatientRecordEntity } from './patient-record.entity';

const DAY = 24 * 60 * 60 * 1000;

interface DemoItem {
  externalId: string;
  kind: DossierKind;
  title: string;
  body: string;
  authorName: string;
  daysAgo: number;
  answers?: { question: string; answer: string }[];
}

const ITEMS: DemoItem[] = [
  {
    externalId: 'GGZV-RAP-0001',
    kind: 'CARE_REPORT',
    title: 'Intakegesprek',
    authorName: 'Marieke Bos, psycholoog',
    daysAgo: 38,
    body:
      'Sanne kwam voor een eerste gesprek. Ze vertelde dat ze zich de laatste maanden vaak somber en moe voelt en dat ze ' +
      'moeite heeft om haar werk vol te houden. Ze slaapt slecht en piekert veel, vooral in de avond.\n\n' +
      'We hebben besproken wat ze van de behandeling verwacht: weer meer rust in haar hoofd en beter kunnen slapen. ' +
      'Haar broer Jeroen is een belangrijke steun voor haar. We spreken af om de komende weken elke week een gesprek te hebben.',
  },
  {
    externalId: 'GGZV-RAP-0002',
    kind: 'CARE_REPORT',
    title: 'Gesprek: slaap en dagritme',
    authorName: 'Marieke Bos, psycholoog',
    daysAgo: 24,
    body:
      'We hebben het slaapdagboek van de afgelopen week samen bekeken. Sanne gaat op wisselende tijden naar bed en ligt ' +
      'dan lang wakker. We spraken af dat ze de komende twee weken rond dezelfde tijd opstaat, ook in het weekend, en ' +
      "'s avonds een uur voor het slapen haar telefoon weglegt.\n\nSanne gaf aan dat het prettig is om kleine, haalbare stappen te zetten.",
  },
  {
    externalId: 'GGZV-RAP-0003',
    kind: 'CARE_REPORT',
    title: 'Gesprek: piekeren',
    authorName: 'Marieke Bos, psycholoog',
    daysAgo: 17,
    body:
      'Het vaste opstaan lukt Sanne goed; ze merkt dat ze overdag iets meer energie heeft. Het piekeren is er nog wel. ' +
      'We hebben geoefend met een vast "piekerkwartier" aan het eind van de middag, waarin ze haar zorgen opschrijft.\n\n' +
      'Ze wil graag dat Jeroen een keer meekomt naar een gesprek. Dat plannen we na de evaluatie van het zorgplan.',
  },
  {
    externalId: 'GGZV-RAP-0004',
    kind: 'CARE_REPORT',
    title: 'Consult medicatie',
    authorName: 'dr. Ahmed Yilmaz, psychiater',
    daysAgo: 6,
    body:
      'Kennismaking en bespreking van de klachten. Sanne gebruikt op dit moment geen medicijnen en wil dat liever zo houden ' +
      'zolang de gesprekken helpen. Dat is een goede keuze. We hebben afgesproken dat we over zes weken samen opnieuw kijken ' +
      'hoe het gaat. Als de slaap dan nog niet verbeterd is, bespreken we de mogelijkheden.',
  },
  {
    externalId: 'GGZV-PLAN-0001',
    kind: 'CARE_PLAN',
    title: 'Zorgplan',
    authorName: 'Marieke Bos, psycholoog',
    daysAgo: 30,
    body:
      'Hulpvraag\nSanne wil weer beter slapen, minder piekeren en haar werk volhouden.\n\n' +
      'Doelen\n1. Binnen acht weken slaapt Sanne de meeste nachten minstens zes uur.\n' +
      '2. Sanne kent twee manieren om met piekergedachten om te gaan en gebruikt die.\n' +
      '3. Sanne werkt weer haar gewone uren, in overleg met haar werkgever.\n\n' +
      'Aanpak\nWekelijkse gesprekken met de psycholoog (cognitieve gedragstherapie), een slaapdagboek, en na zes weken ' +
      'een evaluatie met de psychiater.\n\nBetrokkenen\nJeroen (broer) mag na toestemming van Sanne meekomen naar een gesprek.\n\n' +
      'Evaluatie\nOver acht weken bespreken we samen of de doelen gehaald zijn.',
  },
  {
    externalId: 'GGZV-VL-0001',
    kind: 'QUESTIONNAIRE',
    title: 'Vragenlijst welbevinden',
    authorName: 'Sanne de Vries',
    daysAgo: 10,
    body: 'Korte vragenlijst over de afgelopen twee weken, ingevuld voor het gesprek.',
    answers: [
      { question: 'Hoe heeft u de afgelopen twee weken geslapen?', answer: 'Iets beter dan eerst, maar ik word nog vaak wakker.' },
      { question: 'Hoe vaak voelde u zich somber of neerslachtig?', answer: 'Een paar dagen per week.' },
      { question: 'Lukte het om uw dagelijkse dingen te doen?', answer: 'Meestal wel, werk kost nog veel energie.' },
      { question: 'Waar wilt u het in het volgende gesprek over hebben?', answer: 'Hoe ik mijn broer kan vertellen wat ik nodig heb.' },
    ],
  },
];

/** Sanne's care provider, her patient record linked to her account, and her dossier. No keys: create one with provider:key. */
export async function seedDemoProvider(m: EntityManager, now: Date, circle: DemoCircle): Promise<void> {
  const provider = await createProvider(m, now, {
    name: 'GGZ Voorbeeld',
    contactPhone: '020 123 45 67',
    contactEmail: 'secretariaat@ggz-voorbeeld.example',
  });
  const linkedAt = new Date(now.getTime() - 40 * DAY);
  const recordId = newId();
  await m.insert(PatientRecordEntity, {
    id: recordId,
    providerId: provider.id,
    externalId: 'GGZV-10234',
    firstName: circle.sanne.firstName,
    lastName: circle.sanne.lastName,
    birthDate: '1990-06-01',
    accountId: circle.account.id,
    linkedAt,
    unlinkedAt: null,
    createdAt: linkedAt,
    updatedAt: linkedAt,
  });
  for (const item of ITEMS) {
    const authoredAt = new Date(now.getTime() - item.daysAgo * DAY);
    const answers = item.answers ?? [];
    await m.insert(DossierItemEntity, {
      id: newId(),
      providerId: provider.id,
      patientRecordId: recordId,
      accountId: circle.account.id,
      externalId: item.externalId,
      kind: item.kind,
      title: item.title,
      body: item.body,
      authorName: item.authorName,
      authoredAt,
      updatedAt: authoredAt,
      version: 1,
      answers: JSON.stringify(answers),
      contentHash: createHash('sha256').update(JSON.stringify([recordId, item.kind, item.title, item.body, item.authorName, authoredAt.toISOString(), answers])).digest('hex'),
      retractedAt: null,
      createdAt: authoredAt,
    });
  }
}
