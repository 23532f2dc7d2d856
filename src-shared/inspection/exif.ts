// When and where a photo was taken, from its EXIF (exifr: a kept, dependency-free reader of JPEG, PNG
// and WebP metadata). EXIF times carry no zone: without OffsetTimeOriginal they are read as China time.
// exifr loads with the first photo read, not with the case page.

export interface PhotoExif {
  /** UTC ISO time, or null. */
  takenAt: string | null;
  position: { lat: number; lng: number } | null;
}

const EXIF_TIME = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const OFFSET = /^[+-]\d{2}:\d{2}$/;

/** The EXIF time and GPS position of image bytes; nulls when absent or unreadable (never throws). */
export async function readExif(bytes: Uint8Array): Promise<PhotoExif> {
  let raw: Record<string, unknown> | undefined;
  try {
    const { default: exifr } = await import('exifr');
    raw = (await exifr.parse(bytes, { gps: true, reviveValues: false, pick: ['DateTimeOriginal', 'OffsetTimeOriginal', 'GPSLatitude', 'GPSLongitude', 'GPSLatitudeRef', 'GPSLongitudeRef'] })) as Record<string, unknown> | undefined;
  } catch {
    return { takenAt: null, position: null };
  }
  return { takenAt: takenAt(raw?.DateTimeOriginal, raw?.OffsetTimeOriginal), position: position(raw) };
}

function takenAt(value: unknown, offset: unknown): string | null {
  const m = typeof value === 'string' ? EXIF_TIME.exec(value.trim()) : null;
  if (!m) return null;
  const zone = typeof offset === 'string' && OFFSET.test(offset) ? offset : '+08:00';
  const at = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

function degrees(dms: unknown, ref: unknown, negative: string): number | null {
  if (!Array.isArray(dms) || dms.length !== 3 || !dms.every((x) => typeof x === 'number' && Number.isFinite(x))) return null;
  const [d, m, s] = dms as [number, number, number];
  const value = d + m / 60 + s / 3600;
  return ref === negative ? -value : value;
}

function position(raw: Record<string, unknown> | undefined): PhotoExif['position'] {
  if (!raw) return null;
  const lat = degrees(raw.GPSLatitude, raw.GPSLatitudeRef, 'S');
  const lng = degrees(raw.GPSLongitude, raw.GPSLongitudeRef, 'W');
  if (lat === null || lng === null || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  return { lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6 };
}
