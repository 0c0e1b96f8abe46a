import type { EntityManager } from 'typeorm';
import { seriesEnd, validateDuration } from '@kring/domain';
import type { Context } from '../../core/context';
import { AppError, badInput } from '../../core/errors';
import { newId } from '../../db/columns';
import { AccountEntity } from '../accounts/account.entity';
import { activeAccountOf } from '../providers/patient-record.entity';
import { externalIdOf, findOwnRecord, idempotentWrite } from '../providers/patient.service';
import { requireProvider } from '../providers/provider.resolver';
import type { ProviderWriteResultType, WriteStatus } from '../providers/provider.type';
import { AppointmentEntity } from './appointment.entity';
import { helpersOf } from './calendar.query';
import { notifyHelpers } from './calendar.mail';
import type { ProviderAppointmentInput } from './calendar.type';

function text(value: string | null | undefined, max: number, field: string, required: boolean): string | null {
  const v = (value ?? '').trim();
  if (!v) {
    if (required) throw badInput('REQUIRED', 'Dit veld is verplicht.', field);
    return null;
  }
  if (v.length > max) throw badInput('TOO_LONG', `Maximaal ${max} tekens.`, field);
  return v;
}

function videoUrlOf(value: string | null | undefined): string | null {
  const v = text(value, 500, 'videoUrl', false);
  if (v === null) return null;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw badInput('INVALID_URL', 'Geen geldige link.', 'videoUrl');
  }
  if (url.protocol !== 'https:') throw badInput('INVALID_URL', 'Een videolink begint met https://.', 'videoUrl');
  return url.toString();
}

/**
 * A provider pushes an appointment for one of its own patients; idempotent by
 * external id (the same push twice is UNCHANGED). The patient record decides the
 * account; a record that is not linked to an account cannot take appointments yet.
 */
export async function providerUpsertAppointment(ctx: Context, input: ProviderAppointmentInput): Promise<ProviderWriteResultType> {
  const provider = requireProvider(ctx);
  const externalId = externalIdOf(input.externalId);
  const fields = {
    title: text(input.title, 200, 'title', true)!,
    startUtc: new Date(Math.floor(input.start.getTime() / 1000) * 1000),
    durationMinutes: input.durationMinutes,
    location: text(input.location, 300, 'location', false),
    practitionerName: text(input.practitionerName, 200, 'practitionerName', true),
    videoUrl: videoUrlOf(input.videoUrl),
  };
  if (Number.isNaN(fields.startUtc.getTime())) throw badInput('INVALID_DATE', 'Geen geldige begintijd.', 'start');
  const problem = validateDuration(input.durationMinutes);
  if (problem) throw badInput(problem, 'Kies een duur van 1 minuut tot 14 dagen.', 'durationMinutes');
  const now = ctx.clock.now();
  return idempotentWrite(() =>
    ctx.db.tx(async (m): Promise<{ id: string; status: WriteStatus }> => {
      const record = await findOwnRecord(m, provider.providerId, externalIdOf(input.externalPatientId, 'externalPatientId'));
      // Another provider's patient is unknown here (QUALITY.md 17).
      if (!record) throw new AppError('NOT_FOUND', 'Onbekende patiënt.', { field: 'externalPatientId' });
      const accountId = activeAccountOf(record);
      if (!accountId) throw new AppError('FORBIDDEN', 'Deze patiënt heeft (nog) geen actief account in Kring.', { reason: 'PATIENT_NOT_ACTIVATED' });
      const account = await m.findOneByOrFail(AccountEntity, { id: accountId });
      const existing = await m.findOneBy(AppointmentEntity, { providerId: provider.providerId, externalId });
      const lastEndUtc = seriesEnd({ startUtc: fields.startUtc, durationMinutes: fields.durationMinutes, zone: account.timeZone, rule: null });
      if (!existing) {
        const id = newId();
        await m.insert(AppointmentEntity, {
          id,
          accountId,
          source: 'PROVIDER',
          providerId: provider.providerId,
          externalId,
          ...fields,
          zone: account.timeZone,
          frequency: null,
          interval: null,
          untilDate: null,
          count: null,
          lastEndUtc,
          description: null,
          cancelledAt: null,
          createdByUserId: null,
          parentAppointmentId: null,
          originalStartUtc: null,
          sequence: 0,
          createdAt: now,
          updatedAt: now,
        });
        return { id, status: 'CREATED' };
      }
      const same =
        existing.accountId === accountId &&
        existing.title === fields.title &&
        existing.startUtc.getTime() === fields.startUtc.getTime() &&
        existing.durationMinutes === fields.durationMinutes &&
        existing.location === fields.location &&
        existing.practitionerName === fields.practitionerName &&
        existing.videoUrl === fields.videoUrl &&
        existing.cancelledAt === null;
      if (same) return { id: existing.id, status: 'UNCHANGED' };
      const timeChanged = existing.startUtc.getTime() !== fields.startUtc.getTime() || existing.durationMinutes !== fields.durationMinutes || existing.cancelledAt !== null;
      await m.update(AppointmentEntity, { id: existing.id }, { ...fields, accountId, zone: account.timeZone, lastEndUtc, cancelledAt: null, updatedAt: now, sequence: existing.sequence + 1 });
      if (timeChanged) await tellHelpers(m, ctx, now, existing.id, 'update');
      return { id: existing.id, status: 'UPDATED' };
    }),
  );
}

async function tellHelpers(m: EntityManager, ctx: Context, now: Date, id: string, notice: 'update' | 'cancel'): Promise<void> {
  const row = await m.findOneByOrFail(AppointmentEntity, { id });
  const helpers = (await helpersOf(m, [id])).get(id) ?? [];
  await notifyHelpers(m, ctx.env, now, notice, row, helpers);
}

/** The provider cancels: the appointment stays visible as cancelled, and the helpers asked along are told. */
export async function providerCancelAppointment(ctx: Context, externalIdInput: string): Promise<boolean> {
  const provider = requireProvider(ctx);
  const externalId = externalIdOf(externalIdInput);
  const now = ctx.clock.now();
  return ctx.db.tx(async (m) => {
    const row = await m.findOneBy(AppointmentEntity, { providerId: provider.providerId, externalId });
    if (!row) throw new AppError('NOT_FOUND');
    if (row.cancelledAt) return true;
    await m.update(AppointmentEntity, { id: row.id }, { cancelledAt: now, updatedAt: now, sequence: row.sequence + 1 });
    await tellHelpers(m, ctx, now, row.id, 'cancel');
    return true;
  });
}
