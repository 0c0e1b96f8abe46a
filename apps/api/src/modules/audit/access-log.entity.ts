import { Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, IntColumn, RefColumn, StringColumn } from '../../db/columns';

/**
 * The account's access log (NEN 7513): append-only, hash-chained per account.
 * Holds who did what and on which basis, never content.
 */
@Entity('access_log')
@Index(['accountId', 'seq'], { unique: true })
export class AccessLogEntity {
  @IdColumn() id: string;
  @RefColumn() accountId: string;
  /** 1, 2, 3 … per account; a gap or a changed row breaks the chain. */
  @IntColumn() seq: number;
  @InstantColumn() at: Date;
  @RefColumn({ nullable: true }) actorUserId: string | null;
  @RefColumn({ nullable: true }) actorProviderId: string | null;
  /** The person or integration as named at the time. */
  @StringColumn(200) actorName: string;
  /** E.g. DOSSIER_OPENED, LEVEL_CHANGED; see AccessAction. */
  @StringColumn(40) action: string;
  @StringColumn(300, { nullable: true }) detail: string | null;
  /** The rights basis, e.g. the actor's level or "provider link". */
  @StringColumn(40) basis: string;
  @StringColumn(64) prevHash: string;
  @StringColumn(64) hash: string;
}

/**
 * The head of each account's chain (last seq and hash), written in the same transaction as the
 * entry. It detects a removed last entry, and its row lock serialises concurrent appends on MySQL.
 */
@Entity('access_log_heads')
export class AccessLogHeadEntity {
  @IdColumn() accountId: string;
  @IntColumn() seq: number;
  @StringColumn(64) hash: string;
}
