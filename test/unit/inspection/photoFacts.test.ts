// What a photo is kept with: its time and place (EXIF, the device at a camera capture, the file), the name of
// a camera capture, and the tenants it may be linked to.
import { describe, expect, it } from 'vitest';
import { photoSchema } from '../../../src-shared/inspection/evidence';
import { cameraFileName, devicePosition, linkTenants, photoFacts } from '../../../src-shared/inspection/photoFacts';

const noExif = { takenAt: null, position: null };
const exif = { takenAt: '2026-03-02T02:15:00.000Z', position: { lat: 26.0745, lng: 119.2965 } };
const capture = { takenAt: '2026-03-05T01:02:03.456Z', position: { lat: 26.1, lng: 119.3 } };

describe('the time and place kept with a photo', () => {
  it('takes the EXIF time and position, marked as EXIF, over the capture and the file time', () => {
    expect(photoFacts(exif, Date.UTC(2026, 0, 1), capture)).toEqual({ takenAt: '2026-03-02T02:15:00.000Z', position: { lat: 26.0745, lng: 119.2965, source: 'exif' } });
  });

  it('takes the capture time and the device position for a camera shot (no EXIF in a canvas JPEG)', () => {
    expect(photoFacts(noExif, Date.UTC(2026, 2, 5, 1, 2, 3), capture)).toEqual({ takenAt: '2026-03-05T01:02:03.456Z', position: { lat: 26.1, lng: 119.3, source: 'device' } });
    expect(photoFacts(noExif, 0, { ...capture, position: null })).toEqual({ takenAt: '2026-03-05T01:02:03.456Z', position: null });
  });

  it('falls back to the file time, and to nothing', () => {
    expect(photoFacts(noExif, Date.UTC(2026, 2, 2, 2, 15))).toEqual({ takenAt: '2026-03-02T02:15:00.000Z', position: null });
    expect(photoFacts(noExif, 0)).toEqual({ takenAt: null, position: null });
  });

  it('keeps what the photo schema accepts', () => {
    const photo = { sha256: 'a'.repeat(64), name: cameraFileName(new Date('2026-03-05T01:02:03Z')), type: 'image/jpeg', size: 1, caption: '', links: [], ...photoFacts(noExif, 0, capture) };
    expect(photoSchema.parse(photo)).toEqual(photo);
  });
});

describe('a camera shot is named for its moment in China time', () => {
  it('拍照-YYYYMMDD-HHmmss.jpg, UTC+8 across midnight and the year end', () => {
    expect(cameraFileName(new Date('2026-03-05T01:02:03.999Z'))).toBe('拍照-20260305-090203.jpg');
    expect(cameraFileName(new Date('2026-03-05T16:00:00Z'))).toBe('拍照-20260306-000000.jpg');
    expect(cameraFileName(new Date('2025-12-31T15:59:59Z'))).toBe('拍照-20251231-235959.jpg');
    expect(cameraFileName(new Date('2025-12-31T16:00:00Z'))).toBe('拍照-20260101-000000.jpg');
  });
});

describe("the device's position", () => {
  it('is rounded to 6 decimals', () => {
    expect(devicePosition(26.07450049, 119.29654951)).toEqual({ lat: 26.0745, lng: 119.29655 });
    expect(devicePosition(-33.8688197, -151.2092957)).toEqual({ lat: -33.86882, lng: -151.209296 });
  });

  it('is none when off the earth or not a number', () => {
    expect(devicePosition(90, 180)).toEqual({ lat: 90, lng: 180 });
    expect(devicePosition(90.000001, 0)).toBeNull();
    expect(devicePosition(0, -180.5)).toBeNull();
    expect(devicePosition(Number.NaN, 0)).toBeNull();
  });
});

describe('the tenants a photo may be linked to', () => {
  it('lists the ledgers’ tenants, then the sub-meters’, each once as first spelt; blanks left out', () => {
    expect(linkTenants(['一楼奶茶店', '二楼书店', ' 一楼奶茶店　', '二楼书店'], ['', '三楼ＫＴＶ', '二楼书店', '三楼KTV', '  '])).toEqual(['一楼奶茶店', '二楼书店', '三楼ＫＴＶ']);
  });

  it('offers the sub-meters’ tenants before any ledger is imported', () => {
    expect(linkTenants([], ['二楼奶茶店', '星巴克咖啡'])).toEqual(['二楼奶茶店', '星巴克咖啡']);
  });
});
