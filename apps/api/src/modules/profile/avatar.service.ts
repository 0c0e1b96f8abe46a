import sharp from 'sharp';
import type { EntityManager } from 'typeorm';
import { newId } from '../../db/columns';
import { UserEntity } from '../accounts/user.entity';
import { AvatarEntity } from './avatar.entity';

export const AVATAR_MAX_UPLOAD = 5 * 1024 * 1024;
export const AVATAR_SIZE = 256;
/** Base64 of this many bytes still fits a 64 KB TEXT column on MySQL. */
export const AVATAR_MAX_STORED = 45 * 1024;
/** Refuse decompression bombs: a 5 MB file may not unpack to more than this many pixels. */
const MAX_INPUT_PIXELS = 50_000_000;
const ACCEPTED = new Set(['jpeg', 'png', 'webp']);

export type AvatarProblem = 'UNSUPPORTED_IMAGE' | 'TOO_LARGE';

/**
 * Re-encodes an upload to a 256×256 WebP. The format is read from the bytes, never from the
 * Content-Type; metadata (EXIF, GPS) is dropped by the re-encoding.
 */
export async function encodeAvatar(input: Buffer): Promise<Buffer | AvatarProblem> {
  if (input.length > AVATAR_MAX_UPLOAD) return 'TOO_LARGE';
  let format: string | undefined;
  try {
    format = (await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata()).format;
  } catch {
    return 'UNSUPPORTED_IMAGE';
  }
  if (!format || !ACCEPTED.has(format)) return 'UNSUPPORTED_IMAGE';
  try {
    for (const quality of [80, 65, 50, 35]) {
      const out = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
        .rotate()
        .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: 'cover', position: 'attention' })
        .webp({ quality })
        .toBuffer();
      if (out.length <= AVATAR_MAX_STORED) return out;
    }
  } catch {
    return 'UNSUPPORTED_IMAGE';
  }
  return 'TOO_LARGE';
}

/** Stores a new picture under a new id (so cached copies of the old one are never served for it). */
export async function replaceAvatar(m: EntityManager, now: Date, userId: string, webp: Buffer): Promise<string> {
  const id = newId();
  await m.delete(AvatarEntity, { userId });
  await m.insert(AvatarEntity, { id, userId, createdAt: now, byteLength: webp.length, dataBase64: webp.toString('base64') });
  await m.update(UserEntity, { id: userId }, { avatarId: id });
  return id;
}

export async function removeAvatar(m: EntityManager, userId: string): Promise<void> {
  await m.delete(AvatarEntity, { userId });
  await m.update(UserEntity, { id: userId }, { avatarId: null });
}
