import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '../../core/scalars';
import type { ProviderEntity } from './provider.entity';

@ObjectType('Provider')
export class ProviderType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => String, { nullable: true, description: 'Where clients go for a missing or expired letter (the secretariat).' })
  contactPhone: string | null;
  @Field(() => String, { nullable: true }) contactEmail: string | null;
}

export const toProviderType = (p: ProviderEntity): ProviderType => ({
  id: p.id,
  name: p.name,
  contactPhone: p.contactPhone,
  contactEmail: p.contactEmail,
});

@ObjectType('ProviderLink')
export class ProviderLinkType {
  @Field(() => ID) id: string;
  /** Resolved by ProviderLinkResolver.provider through the per-request loader. */
  providerId: string;
  @Field() linkedAt: Date;
}

export const WriteStatusEnum = { CREATED: 'CREATED', UPDATED: 'UPDATED', UNCHANGED: 'UNCHANGED' } as const;
export type WriteStatus = keyof typeof WriteStatusEnum;
registerEnumType(WriteStatusEnum, { name: 'WriteStatus' });

/** Shared by every provider write (patients, appointments, dossier items). */
@ObjectType('ProviderWriteResult', { description: "What a provider's write did, so that integrations can reconcile." })
export class ProviderWriteResultType {
  @Field(() => ID) id: string;
  @Field(() => WriteStatusEnum) status: WriteStatus;
}

@ObjectType('PatientStatus')
export class PatientStatusType {
  @Field() externalId: string;
  @Field({ description: 'True when an account is active for this record.' }) activated: boolean;
  @Field(() => Date, { nullable: true }) letterExpiresAt: Date | null;
}

@InputType('ProviderPatientInput')
export class ProviderPatientInput {
  @Field() externalId: string;
  @Field() firstName: string;
  @Field() lastName: string;
  @Field(() => LocalDateScalar) birthDate: string;
}
