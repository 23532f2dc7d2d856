// The value of an <input type="datetime-local"> for an instant, in the device's own zone (what it shows).
export function localInputTime(at: Date): string {
  const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
