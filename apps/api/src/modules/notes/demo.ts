import type { DemoStep } from '../../seed/demo';
import { newId } from '../../db/columns';
import { NoteEntity } from './note.entity';

const HOUR = 3600_000;

/** Three everyday notes in Sanne's account (demo data only; fictional numbers and addresses). */
export const seedDemoNotes: DemoStep = async (m, now, c) => {
  const notes: [typeof c.sanne, number, string, string][] = [
    [
      c.sanne,
      90,
      'Telefoonnummers',
      'Jeroen (broer): 06 8765 4321\nFatima: 06 1122 3344\nHuisartsenpost (avond, nacht, weekend): 088 555 0100\nBij een crisis: 112, of 113 Zelfmoordpreventie (0800-0113)',
    ],
    [
      c.sanne,
      60,
      'Huisarts',
      'Huisartsenpraktijk De Linde, dr. M. Bakker\nLindelaan 12, 1234 AB Amsterdam\nBellen voor een afspraak tussen 8:00 en 10:00: 020 555 0123\nHerhaalrecepten via de website van de praktijk.',
    ],
    [
      c.jeroen,
      20,
      'Apotheek',
      'Apotheek Centrum, Marktstraat 3\nOpen ma–vr 8:30–17:30, za 10:00–13:00\nHerhaalmedicatie ligt er twee werkdagen na de aanvraag klaar. Neem Sanne’s pas mee.',
    ],
  ];
  await m.insert(
    NoteEntity,
    notes.map(([author, hoursAgo, title, body]) => {
      const at = new Date(now.getTime() - hoursAgo * HOUR);
      return { id: newId(), accountId: c.account.id, authorUserId: author.id, title, body, createdAt: at, updatedAt: at };
    }),
  );
};
