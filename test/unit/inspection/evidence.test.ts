// Photos as evidence: what is refused before decoding, and the time and place read from EXIF.
import { describe, expect, it } from 'vitest';
import { looksLike, photoFileProblem, photoSchema, PHOTO_MAX_BYTES } from '../../../src-shared/inspection/evidence';
import { readExif } from '../../../src-shared/inspection/exif';
import { mediaOf } from '../../../src-shared/sync/records';
import { BARE_JPEG, withExif } from '../../fixtures/photos';

describe('a file offered as a photo', () => {
  it('is refused when empty, over 25 MB or not a JPEG, PNG or WebP', () => {
    expect(photoFileProblem(0, 'image/jpeg')).toBe('empty');
    expect(photoFileProblem(PHOTO_MAX_BYTES, 'image/jpeg')).toBeNull();
    expect(photoFileProblem(PHOTO_MAX_BYTES + 1, 'image/jpeg')).toBe('too-large');
    expect(photoFileProblem(50 * 1024 * 1024, 'image/png')).toBe('too-large');
    expect(photoFileProblem(1000, 'application/pdf')).toBe('not-image');
    expect(photoFileProblem(1000, 'image/webp')).toBeNull();
  });

  it('must start as its type does: a renamed or truncated file is not taken', () => {
    expect(looksLike('image/jpeg', BARE_JPEG)).toBe(true);
    expect(looksLike('image/png', BARE_JPEG)).toBe(false);
    expect(looksLike('image/png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(true);
    expect(looksLike('image/webp', new TextEncoder().encode('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '))).toBe(true);
    expect(looksLike('image/jpeg', new Uint8Array([0xff, 0xd8]))).toBe(false);
  });
});

describe('EXIF of a photo', () => {
  it('reads the time as China time when no offset is written, and the GPS position in decimal degrees', async () => {
    const bytes = withExif(BARE_JPEG, { dateTimeOriginal: '2026:03:02 10:15:00', lat: 26.0745, lng: 119.2965 });
    expect(await readExif(bytes)).toEqual({ takenAt: '2026-03-02T02:15:00.000Z', position: { lat: 26.0745, lng: 119.2965 } });
  });

  it('south and west are negative; a photo without EXIF has neither', async () => {
    expect((await readExif(withExif(BARE_JPEG, { lat: -33.8688, lng: -70.6483 }))).position).toEqual({ lat: -33.8688, lng: -70.6483 });
    expect(await readExif(BARE_JPEG)).toEqual({ takenAt: null, position: null });
    expect(await readExif(new Uint8Array([1, 2, 3]))).toEqual({ takenAt: null, position: null });
  });
});

describe('a photo record', () => {
  const photo = { sha256: 'b'.repeat(64), name: '总表.jpg', type: 'image/jpeg' as const, size: 2048, takenAt: '2026-03-02T02:15:00.000Z', position: null, caption: '总表表盘', links: [{ kind: 'meter' as const, ref: '0195d0a0-0000-7000-8000-000000000001' }] };

  it('names its original bytes among the media the hub must receive', () => {
    expect(photoSchema.parse(photo)).toEqual(photo);
    expect(mediaOf({ kind: 'photo', data: photo, signature: null })).toEqual(['b'.repeat(64)]);
  });
});
