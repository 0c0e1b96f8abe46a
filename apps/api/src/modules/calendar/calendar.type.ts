import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { RecurrenceFrequency } from '@kring/domain';
import { LocalDateScalar } from '../../core/scalars';
import { AccountType, PersonType } from '../accounts/account.type';
import { ProviderType } from '../providers/provider.type';
import type { AppointmentSource } from './appointment.entity';

export const RecurrenceFrequencyEnum = { DAILY: 'DAILY', WEEKLY: 'WEEKLY', MONTHLY: 'MONTHLY', YEARLY: 'YEARLY' } as const;
registerEnumType(RecurrenceFrequencyEnum, { name: 'RecurrenceFrequency' });
export const AppointmentSourceEnum = { PROVIDER: 'PROVIDER', PRIVATE: 'PRIVATE' } as const;
registerEnumType(AppointmentSourceEnum, { name: 'AppointmentSource' });
export const OccurrenceScopeEnum = {
  THIS_OCCURRENCE: 'THIS_OCCURRENCE',
  THIS_AND_FOLLOWING: 'THIS_AND_FOLLOWING',
  ALL_OCCURRENCES: 'ALL_OCCURRENCES',
} as const;
export type OccurrenceScope = keyof typeof OccurrenceScopeEnum;
registerEnumType(OccurrenceScopeEnum, { name: 'OccurrenceScope' });

@ObjectType('Recurrence')
export class RecurrenceType {
  @Field(() => RecurrenceFrequencyEnum) frequency: RecurrenceFrequency;
  @Field(() => Int) interval: number;
  @Field(() => LocalDateScalar, { nullable: true, description: "Last day (inclusive, in the account's zone) on which it may occur" })
  untilDate: string | null;
  @Field(() => Int, { nullable: true }) count: number | null;
  @Field({ description: 'RFC 5545 RRULE, e.g. FREQ=WEEKLY;INTERVAL=1' }) rrule: string;
}

/*
 * Appointment and Occurrence carry every field as plain data, filled in bulk by the
 * calendar service (constant queries per operation, no guard per list row).
 */
@ObjectType('Appointment')
export class AppointmentType {
  @Field(() => ID) id: string;
  @Field(() => AppointmentSourceEnum) source: AppointmentSource;
  @Field() title: string;
  @Field({ description: 'First (or only) start' }) start: Date;
  @Field(() => Int) durationMinutes: number;
  @Field(() => String, { nullable: true }) location: string | null;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => RecurrenceType, { nullable: true }) recurrence: RecurrenceType | null;
  @Field(() => [PersonType], { description: "Connections invited to help ('wie komt je helpen?')." }) helpers: PersonType[];
  @Field(() => String, { nullable: true, description: 'For PROVIDER appointments: the practitioner, the care provider, a video link.' })
  practitionerName: string | null;
  @Field(() => ProviderType, { nullable: true }) provider: ProviderType | null;
  @Field(() => String, { nullable: true }) videoUrl: string | null;
  @Field({ description: 'A provider appointment the provider cancelled stays visible as cancelled.' }) cancelled: boolean;
  @Field() canEdit: boolean;
}

@ObjectType('Occurrence')
export class OccurrenceType {
  @Field(() => AccountType) account: AccountType;
  @Field(() => AppointmentType, { description: 'The series, or the changed single occurrence' }) appointment: AppointmentType;
  @Field() start: Date;
  @Field() end: Date;
  @Field({
    description:
      'Where the series put this occurrence before any change (RFC 5545 RECURRENCE-ID); use it to change or cancel one occurrence.',
  })
  originalStart: Date;
}

@InputType('RecurrenceInput')
export class RecurrenceInput {
  @Field(() => RecurrenceFrequencyEnum) frequency: RecurrenceFrequency;
  @Field(() => Int, { defaultValue: 1 }) interval: number;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Inclusive last day; at most one of untilDate and count.' })
  untilDate?: string | null;
  @Field(() => Int, { nullable: true }) count?: number | null;
}

@InputType('AppointmentInput')
export class AppointmentInput {
  @Field() title: string;
  @Field() start: Date;
  @Field(() => Int) durationMinutes: number;
  @Field(() => String, { nullable: true }) location?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => RecurrenceInput, { nullable: true }) recurrence?: RecurrenceInput | null;
  @Field(() => [ID], { nullable: true, description: 'Person ids (from Account.members)' }) helperIds?: string[] | null;
}

@InputType('ProviderAppointmentInput')
export class ProviderAppointmentInput {
  @Field() externalId: string;
  @Field() externalPatientId: string;
  @Field() title: string;
  @Field() start: Date;
  @Field(() => Int) durationMinutes: number;
  @Field(() => String, { nullable: true }) location?: string | null;
  @Field() practitionerName: string;
  @Field(() => String, { nullable: true }) videoUrl?: string | null;
}
