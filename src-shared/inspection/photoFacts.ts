// What a photo is kept with besides its bytes: the time and place it was taken (EXIF, the device at the
// moment of a camera capture, else the file's own time), the name a camera capture gets, and the tenants
// a photo may be linked to (those of the kept ledgers and of the sub-meters, one entry per tenant).
import { normalizeText } from '../lists/normalize';
import type { Photo } from './evidence';
import type { PhotoExif } from './exif';

/** What this device knew when its camera took the photo: the time (UTC ISO) and its position, if any. */
export interface CameraCapture {
  takenAt: string;
  position: { lat: number; lng: number } | null;
}

const CST_OFFSET_MS = 8 * 3600 * 1000;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The time and position kept with a photo. The EXIF's own record wins (the camera that took it); then the
 * device's at the moment of an in-app capture (source 'device'); the time falls back to the file's
 * modification time (ms since the epoch, 0 when unknown), the position to none.
 */
export function photoFacts(exif: PhotoExif, lastModifiedMs: number, captured?: CameraCapture): Pick<Photo, 'takenAt' | 'position'> {
  const takenAt = exif.takenAt ?? captured?.takenAt ?? (lastModifiedMs > 0 ? new Date(lastModifiedMs).toISOString() : null);
  const position = exif.position ? { ...exif.position, source: 'exif' as const } : captured?.position ? { ...captured.position, source: 'device' as const } : null;
  return { takenAt, position };
}

/** A camera capture's file name in China time: 拍照-YYYYMMDD-HHmmss.jpg. */
export function cameraFileName(at: Date): string {
  const d = new Date(at.getTime() + CST_OFFSET_MS);
  return `拍照-${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}-${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}.jpg`;
}

/**
 * A device fix (degrees) as kept with a photo: rounded to 6 decimals (about 0.1 m, as EXIF positions are);
 * null when it is not a position on the earth.
 */
export function devicePosition(latitude: number, longitude: number): { lat: number; lng: number } | null {
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return { lat: Math.round(latitude * 1e6) / 1e6, lng: Math.round(longitude * 1e6) / 1e6 };
}

/**
 * The tenants a photo may be linked to: the kept ledgers' first, then the sub-meters', each once (names
 * equal after NFKC and space clean-up are one tenant, spelt as first met); blank names are left out.
 */
export function linkTenants(ledgerTenants: Iterable<string>, meterTenants: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  for (const list of [ledgerTenants, meterTenants]) {
    for (const name of list) {
      const key = normalizeText(name);
      if (key !== '' && !seen.has(key)) seen.set(key, name.trim());
    }
  }
  return [...seen.values()];
}
