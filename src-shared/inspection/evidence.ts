// Evidence (证据): photos kept as their original bytes (a blob named by its SHA-256) with the time and,
// when known, the position they were taken at, a caption, and links to what they show (a meter, the
// posted tariff, a tenant's bill, a finding).
import { z } from 'zod';
import { cleanString } from '../text';

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** Largest photo kept (a phone's full-resolution JPEG is 3–12 MB); the hub takes blobs up to 32 MiB. */
export const PHOTO_MAX_BYTES = 25 * 1024 * 1024;
export const LINK_KINDS = ['meter', 'posting', 'tenant', 'finding', 'ledger'] as const;

export const evidenceLinkSchema = z.strictObject({
  kind: z.enum(LINK_KINDS),
  /** The record id (meter, posting, finding, ledger) or the tenant's name. */
  ref: cleanString().trim().min(1).max(200),
});
export type EvidenceLink = z.infer<typeof evidenceLinkSchema>;

export const photoSchema = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: cleanString().min(1).max(260),
  type: z.enum(PHOTO_TYPES),
  size: z.number().int().min(1).max(PHOTO_MAX_BYTES),
  /** When it was taken (EXIF, else the file's time), UTC; null when unknown. */
  takenAt: z.iso.datetime().nullable(),
  position: z.strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180), source: z.enum(['exif', 'device']) }).nullable(),
  caption: cleanString().max(500),
  links: z.array(evidenceLinkSchema).max(20),
});
export type Photo = z.infer<typeof photoSchema>;

export type PhotoProblem = 'empty' | 'too-large' | 'not-image' | 'unreadable';

/** What is wrong with a file offered as a photo before it is decoded (size and declared type); null when nothing. */
export function photoFileProblem(size: number, type: string): PhotoProblem | null {
  if (size === 0) return 'empty';
  if (size > PHOTO_MAX_BYTES) return 'too-large';
  if (!(PHOTO_TYPES as readonly string[]).includes(type)) return 'not-image';
  return null;
}

/** Whether the bytes start as the declared image type does (a renamed or truncated file is refused). */
export function looksLike(type: Photo['type'], bytes: Uint8Array): boolean {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (type === 'image/jpeg') return starts(0xff, 0xd8, 0xff);
  if (type === 'image/png') return starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
  return starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50;
}
