import type { DemoStep } from '../../seed/demo';
import { newId } from '../../db/columns';
import { MessageEntity } from './message.entity';

const HOUR = 3600_000;

/** A few messages of both audiences in Sanne's circle (demo data only). */
export const seedDemoMessages: DemoStep = async (m, now, c) => {
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR);
  const rows: [typeof c.sanne, 'ALL_CONNECTIONS' | 'TRUST_GROUP', number, string][] = [
    [c.sanne, 'ALL_CONNECTIONS', 74, 'Hoi allemaal, fijn dat jullie meekijken in Kring. Mijn afspraken staan nu in de agenda, dan hoef ik niet alles drie keer te vertellen.'],
    [c.fatima, 'ALL_CONNECTIONS', 50, 'Ik kan donderdag mee naar de afspraak. Zal ik je om kwart over negen ophalen?'],
    [c.sanne, 'ALL_CONNECTIONS', 49, 'Graag! Kwart over negen is goed, ik sta beneden.'],
    [c.jeroen, 'TRUST_GROUP', 30, 'Hoe ging het gesprek over het nieuwe zorgplan? Als je wilt lezen we het zaterdag samen door.'],
    [c.sanne, 'TRUST_GROUP', 28, 'Goed, maar het was veel. Zaterdag samen doorlezen is fijn. Ik zet koffie.'],
    [c.jeroen, 'ALL_CONNECTIONS', 6, 'Ik heb de medicijnen bij de apotheek opgehaald, ze liggen in de keukenla.'],
  ];
  await m.insert(
    MessageEntity,
    rows.map(([author, audience, hoursAgo, body]) => ({
      id: newId(),
      accountId: c.account.id,
      authorUserId: author.id,
      audience,
      body,
      sentAt: at(hoursAgo),
      deletedAt: null,
    })),
  );
};
