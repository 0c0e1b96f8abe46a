import { Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, StringColumn } from '../../db/columns';

/** A care provider (an organisation) that feeds accounts through the API with its keys. */
@Entity('providers')
export class ProviderEntity {
  @IdColumn() id: string;
  @StringColumn(200) name: string;
  /** The secretariat, for a missing or expired letter. */
  @StringColumn(50, { nullable: true }) contactPhone: string | null;
  @StringColumn(254, { nullable: true }) contactEmail: string | null;
  @InstantColumn() createdAt: Date;
}

/** An API key of a provider: shown once, stored as a SHA-256 hash; several per provider so they can be rotated. */
@Entity('provider_api_keys')
export class ProviderApiKeyEntity {
  @IdColumn() id: string;
  @Index() @RefColumn() providerId: string;
  /** The first characters of the key (kp_ + 8), to recognise and revoke it; not enough to use it. */
  @Index() @StringColumn(16) prefix: string;
  @Index({ unique: true }) @StringColumn(64) keyHash: string;
  @InstantColumn() createdAt: Date;
  @InstantColumn({ nullable: true }) revokedAt: Date | null;
}
