import { RATE_UNIT_LABELS, type RateUnit } from "../partner.schema.js";

const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** "$45.00 per hour", "$1,200.00 lump sum". */
export function formatRate(rateCents: number, rateUnit: RateUnit): string {
  return `${dollars.format(rateCents / 100)} ${RATE_UNIT_LABELS[rateUnit]}`;
}

export function formatHours(hours: number): string {
  return `${hours.toLocaleString("en-US", { maximumFractionDigits: 2 })} h`;
}

/** "45" or "45.5" → 4550 cents; null when it is not an amount of money. */
export function centsFrom(text: string): number | null {
  const cleaned = text.replace(/[$,\s]/g, "");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

export const dollarsFrom = (cents: number) => (cents / 100).toFixed(2);

/** Decimal hours from a form field; NaN tells the server's check to name the field. */
export const hoursFrom = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));
