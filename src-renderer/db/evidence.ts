// Photos of a case: reading a file as evidence (type, bytes, EXIF time and position, a thumbnail made
// once), keeping it (the original bytes as a blob, then the record naming it) and showing thumbnails.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { photoFileProblem, looksLike, type EvidenceLink, type Photo, type PhotoProblem } from '../../src-shared/inspection/evidence';
import { readExif } from '../../src-shared/inspection/exif';
import { db } from './db';
import { storeBlob } from './syncState';
import { write } from './write';

const THUMB_EDGE = 320;

export class PhotoRefusal extends Error {
  constructor(readonly problem: PhotoProblem | 'quota', readonly file: string) {
    super(`${file}: ${problem}`);
  }
}

/**
 * Whether the browser's storage estimate leaves room for `bytes` more (the original and its copies in
 * the outbox's upload): refused up front rather than half-written. True when the browser gives no estimate.
 */
async function roomFor(bytes: number): Promise<boolean> {
  const estimate = await navigator.storage?.estimate?.().catch(() => null);
  if (!estimate?.quota || estimate.usage === undefined) return true;
  return estimate.usage + bytes <= estimate.quota;
}

/** A JPEG at most THUMB_EDGE on its long side; throws when the bytes are no decodable image. */
async function thumbnail(blob: Blob): Promise<{ bytes: Uint8Array; width: number; height: number }> {
  const bitmap = await createImageBitmap(blob);
  const scale = Math.min(1, THUMB_EDGE / Math.max(bitmap.width, bitmap.height));
  const [width, height] = [Math.max(1, Math.round(bitmap.width * scale)), Math.max(1, Math.round(bitmap.height * scale))];
  const canvas = new OffscreenCanvas(width, height);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const out = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
  return { bytes: new Uint8Array(await out.arrayBuffer()), width, height };
}

/**
 * Keeps a file as a photo of the case, or throws PhotoRefusal naming the problem (empty, too large, not an
 * image, unreadable); nothing is stored for a refused file.
 */
export async function addPhoto(caseId: string, file: File, links: EvidenceLink[], caption = ''): Promise<string> {
  const early = photoFileProblem(file.size, file.type);
  if (early) throw new PhotoRefusal(early, file.name);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!looksLike(file.type as Photo['type'], bytes)) throw new PhotoRefusal('unreadable', file.name);
  if (!(await roomFor(bytes.length * 2))) throw new PhotoRefusal('quota', file.name);
  const thumb = await thumbnail(file).catch(() => null);
  if (!thumb) throw new PhotoRefusal('unreadable', file.name);
  const exif = await readExif(bytes);
  const sha256 = await storeBlob(new Blob([bytes], { type: file.type }));
  await db.thumbs.put({ sha256, ...thumb });
  // The EXIF time, else the file's own time; the EXIF position (a laptop rarely knows its own offline).
  const takenAt = exif.takenAt ?? (file.lastModified ? new Date(file.lastModified).toISOString() : null);
  const position = exif.position ? { ...exif.position, source: 'exif' as const } : null;
  const photo: Photo = { sha256, name: file.name, type: file.type as Photo['type'], size: file.size, takenAt, position, caption: caption.trim(), links };
  return write.addRecord(caseId, 'photo', photo);
}

/** An object URL of a photo's thumbnail (made from the original once, if this device has none yet); null when it cannot be shown. */
export function useThumbUrl(sha256: string): string | null | undefined {
  const thumb = useLiveQuery(async () => (await db.thumbs.get(sha256)) ?? null, [sha256]);
  const [url, setUrl] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    if (thumb === undefined) return;
    if (thumb === null) {
      void makeThumb(sha256).then((made) => made || setUrl(null));
      return;
    }
    const made = URL.createObjectURL(new Blob([new Uint8Array(thumb.bytes)], { type: 'image/jpeg' }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [thumb, sha256]);
  return url;
}

/** Makes and keeps the thumbnail of a stored blob; false when the blob is not here or is no image. */
async function makeThumb(sha256: string): Promise<boolean> {
  const blob = await db.blobs.get(sha256);
  if (!blob) return false;
  const made = await thumbnail(new Blob([new Uint8Array(blob.bytes)], { type: blob.type })).catch(() => null);
  if (!made) return false;
  await db.thumbs.put({ sha256, ...made });
  return true;
}

/** The original bytes of a blob as an object URL, for the full view; null when this device lacks them. */
export async function originalUrl(sha256: string): Promise<string | null> {
  const blob = await db.blobs.get(sha256);
  return blob ? URL.createObjectURL(new Blob([new Uint8Array(blob.bytes)], { type: blob.type })) : null;
}
