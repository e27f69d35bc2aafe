/** Every stored timestamp is UTC ISO-8601 with milliseconds, so text order is time order. */
export function nowUtc(): string {
  return new Date().toISOString();
}

export function addMinutes(isoUtc: string, minutes: number): string {
  return new Date(Date.parse(isoUtc) + minutes * 60_000).toISOString();
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone.includes("/") || zone === "UTC";
  } catch {
    return false;
  }
}

/** Shows a UTC instant as wall-clock time in an agency's IANA time zone. */
export function formatInZone(isoUtc: string, timeZone: string, locale = "en-US"): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(isoUtc));
}
