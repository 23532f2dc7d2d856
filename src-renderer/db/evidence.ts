// Photos of a case: reading a file or a camera capture as evidence (type, bytes, time and position from
// EXIF or the device, a thumbnail made once), keeping it (the original bytes as a blob, then the record
// naming it) and showing thumbnails, those of a grid's visible rows read together.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { photoFileProblem, looksLike, type EvidenceLink, type Photo, type PhotoProblem } from '../../src-shared/inspection/evidence';
import { readExif } from '../../src-shared/inspection/exif';
import { photoFacts, type CameraCapture } from '../../src-shared/inspection/photoFacts';
import { db, type Thumb } from './db';
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
 * image, unreadable); nothing is stored for a refused file. `captured`: what the device knew when its
 * camera took it (the capture time, its position if granted).
 */
export async function addPhoto(caseId: string, file: File, links: EvidenceLink[], caption = '', captured?: CameraCapture): Promise<string> {
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
  const photo: Photo = { sha256, name: file.name, type: file.type as Photo['type'], size: file.size, ...photoFacts(exif, file.lastModified, captured), caption: caption.trim(), links };
  return write.addRecord(caseId, 'photo', photo);
}

/**
 * Object URLs of the thumbnails of `shas` (a grid's visible photos), read together in one query started
 * before the grid is painted; a thumbnail this device lacks is made from the original once. A photo absent
 * from the map is loading; null: it cannot be shown here (its original is not on this device). Thumbnails
 * never change (they are named by the original's hash), so nothing is watched. URLs of photos that leave
 * `shas` are revoked, and all on unmount.
 */
export function useThumbUrls(shas: readonly string[]): ReadonlyMap<string, string | null> {
  const key = shas.join(',');
  const made = useRef(new Map<string, string | null>());
  const wanted = useRef('');
  // Answers arriving after unmount make no URL (nothing would give it back).
  const mounted = useRef(true);
  const [urls, setUrls] = useState<ReadonlyMap<string, string | null>>(new Map());
  useLayoutEffect(() => {
    wanted.current = key;
    const list = key ? key.split(',') : [];
    const cache = made.current;
    // The map for what is wanted now; URLs of photos no longer shown are given back.
    const publish = () => {
      if (wanted.current !== key) return;
      const keep = new Set(list);
      for (const [sha256, url] of cache) {
        if (!keep.has(sha256)) {
          if (url) URL.revokeObjectURL(url);
          cache.delete(sha256);
        }
      }
      setUrls(new Map(list.flatMap((sha256) => (cache.has(sha256) ? [[sha256, cache.get(sha256)!] as const] : []))));
    };
    const toRead = list.filter((sha256) => !cache.has(sha256));
    if (toRead.length === 0) return publish();
    const keep = (sha256: string, thumb: Thumb | null | undefined) => {
      if (mounted.current && !cache.has(sha256)) cache.set(sha256, thumb ? URL.createObjectURL(new Blob([new Uint8Array(thumb.bytes)], { type: 'image/jpeg' })) : null);
    };
    void db.thumbs.bulkGet(toRead).then((rows) => {
      rows.forEach((row, i) => {
        const sha256 = toRead[i]!;
        if (row) keep(sha256, row);
        else void makeThumb(sha256).then((thumb) => {
          keep(sha256, thumb);
          publish();
        });
      });
      publish();
    });
  }, [key]);
  useEffect(() => {
    const cache = made.current;
    mounted.current = true;
    return () => {
      mounted.current = false;
      for (const url of cache.values()) if (url) URL.revokeObjectURL(url);
      cache.clear();
    };
  }, []);
  return urls;
}

/** Makes and keeps the thumbnail of a stored blob; null when the blob is not here or is no image. */
async function makeThumb(sha256: string): Promise<Thumb | null> {
  const blob = await db.blobs.get(sha256);
  if (!blob) return null;
  const made = await thumbnail(new Blob([new Uint8Array(blob.bytes)], { type: blob.type })).catch(() => null);
  if (!made) return null;
  const thumb = { sha256, ...made };
  await db.thumbs.put(thumb);
  return thumb;
}

/** The original bytes of a blob as an object URL, for the full view; null when this device lacks them. */
export async function originalUrl(sha256: string): Promise<string | null> {
  const blob = await db.blobs.get(sha256);
  return blob ? URL.createObjectURL(new Blob([new Uint8Array(blob.bytes)], { type: blob.type })) : null;
}
