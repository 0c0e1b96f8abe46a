import { Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, IntColumn, RefColumn, TextColumn } from '../../db/columns';

/**
 * A profile picture, re-encoded to a 256×256 WebP. Kept as base64 in a portable TEXT column
 * (64 KB on MySQL), which is why the encoder keeps the image at most 45 KB.
 */
@Entity('avatars')
export class AvatarEntity {
  @IdColumn() id: string;
  @Index() @RefColumn() userId: string;
  @InstantColumn() createdAt: Date;
  @IntColumn() byteLength: number;
  @TextColumn() dataBase64: string;
}
