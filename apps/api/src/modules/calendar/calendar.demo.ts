import type { EntityManager } from 'typeorm';
import { addLocalDays, instantFromLocal, localParts, seriesEnd } from '@kring/domain';
import { newId } from '../../db/columns';
import type { DemoCircle } from '../../seed/demo';
import { PatientRecordEntity } from '../providers/patient-record.entity';
import { ProviderEntity } from '../providers/provider.entity';
import { AppointmentEntity, AppointmentHelperEntity } from './appointment.entity';

type Row = Omit<AppointmentEntity, 'id' | 'createdAt' | 'updatedAt' | 'sequence' | 'lastEndUtc'>;

/**
 * Demo calendar for Sanne: provider appointments from her linked provider (GGZ
 * Voorbeeld, when the providers step linked one) in the coming weeks, weekly
 * tennis on Wednesday 10:00 with Jeroen coming along, and coffee with Fatima.
 */
export async function seedDemoCalendar(m: EntityManager, now: Date, circle: DemoCircle): Promise<void> {
  const zone = circle.account.timeZone;
  const today = localParts(now, zone);
  const day = (offset: number) => addLocalDays(today.date, offset);
  // The next Wednesday (or today when it is one).
  const toWednesday = (3 - today.weekday + 7) % 7;
  const insert = async (r: Row) => {
    const id = newId();
    const rule = r.frequency ? { frequency: r.frequency, interval: r.interval ?? 1, untilDate: r.untilDate, count: r.count } : null;
    await m.insert(AppointmentEntity, {
      ...r,
      id,
      sequence: 0,
      lastEndUtc: seriesEnd({ startUtc: r.startUtc, durationMinutes: r.durationMinutes, zone: r.zone, rule }),
      createdAt: now,
      updatedAt: now,
    });
    return id;
  };
  const base = {
    accountId: circle.account.id,
    zone,
    frequency: null,
    interval: null,
    untilDate: null,
    count: null,
    location: null,
    description: null,
    practitionerName: null,
    videoUrl: null,
    cancelledAt: null,
    parentAppointmentId: null,
    originalStartUtc: null,
    providerId: null,
    externalId: null,
  } as const;

  const tennis = await insert({
    ...base,
    source: 'PRIVATE',
    title: 'Tennis',
    startUtc: instantFromLocal(day(toWednesday - 14), '10:00', zone),
    durationMinutes: 90,
    frequency: 'WEEKLY',
    interval: 1,
    location: 'Tennispark De Kring',
    createdByUserId: circle.sanne.id,
  });
  await m.insert(AppointmentHelperEntity, { id: newId(), appointmentId: tennis, userId: circle.jeroen.id });
  await insert({
    ...base,
    source: 'PRIVATE',
    title: 'Koffie met Fatima',
    startUtc: instantFromLocal(day(2), '15:00', zone),
    durationMinutes: 60,
    location: 'Café De Zon',
    createdByUserId: circle.sanne.id,
  });

  const record = await m.findOneBy(PatientRecordEntity, { accountId: circle.account.id });
  const provider = record ? await m.findOneBy(ProviderEntity, { id: record.providerId }) : null;
  if (!record || !provider) return;
  const visits: [number, string, string, string | null][] = [
    [3, '09:30', 'Gesprek met uw behandelaar', null],
    [10, '09:30', 'Gesprek met uw behandelaar', 'https://video.example.nl/ggz-voorbeeld/demo'],
    [17, '14:00', 'Groepstraining', null],
    [24, '09:30', 'Evaluatie behandelplan', null],
  ];
  for (const [offset, time, title, videoUrl] of visits) {
    await insert({
      ...base,
      source: 'PROVIDER',
      providerId: provider.id,
      externalId: `demo-afspraak-${offset}`,
      title,
      startUtc: instantFromLocal(day(offset), time, zone),
      durationMinutes: 45,
      location: videoUrl ? null : 'GGZ Voorbeeld, Stationsplein 1, Utrecht',
      practitionerName: 'Dr. A. Bakker',
      videoUrl,
      createdByUserId: null,
    });
  }
}
