// Times are stored as UTC ISO strings and shown in China Standard Time (UTC+8, no daylight saving).

const CST_OFFSET_MS = 8 * 3600 * 1000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** 'YYYY-MM-DD HH:mm:ss' in China time for a UTC ISO instant; '' for an unparsable one. */
export function formatChinaTime(isoUtc: string, withSeconds = true): string {
  const ms = Date.parse(isoUtc);
  if (Number.isNaN(ms)) return '';
  const d = new Date(ms + CST_OFFSET_MS);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` + (withSeconds ? `:${pad(d.getUTCSeconds())}` : '');
  return `${date} ${time}`;
}

/**
 * The China-time date of an instant for a file name: 'YYYYMMDD', or 'YYYYMMDDHHmm' with the time. A file
 * saved at 00:50 in Beijing (16:50 UTC the day before) carries the Beijing day.
 */
export function chinaFileStamp(at: Date, withTime = false): string {
  const digits = formatChinaTime(at.toISOString(), false).replace(/\D/g, '');
  return withTime ? digits : digits.slice(0, 8);
}
