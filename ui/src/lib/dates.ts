// Dates as posts write them (2024-12-17T00:00:00.000Z, '2023-11-30', ...)
// and as the interface shows them. Only the written digits are read, never
// converted through a time zone, so a post dated the 17th never shows the 16th.

import type { Lang } from "./ipc";

const WRITTEN = /^\s*(\d{4})\D(\d{2})\D(\d{2})(?:[T ](\d{2})\D(\d{2}))?/;

export interface DateParts {
  /** YYYY-MM-DD, what a date input holds. */
  date: string;
  /** HH:mm, when the value has a time. */
  time: string | null;
}

export function dateParts(value: unknown): DateParts | null {
  if (typeof value !== "string") return null;
  const m = WRITTEN.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return null;
  return { date: `${y}-${mo}-${d}`, time: h === undefined ? null : `${h}:${mi}` };
}

/** The date of `value` in `lang`'s way of writing dates, or null when it is no date. */
export function formatDate(value: unknown, lang: Lang, style: "medium" | "long" = "medium"): string | null {
  const parts = dateParts(value);
  if (!parts) return null;
  const [y, m, d] = parts.date.split("-").map(Number);
  return new Intl.DateTimeFormat(lang, { dateStyle: style, timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** Today as a date input's value, in the author's own time zone. */
export function todayValue(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The text to send when the author picks a new day. The date input only shows
 * the day, so a time the post already had (other than midnight) is kept.
 */
export function typedDate(day: string, original: unknown): string {
  const time = dateParts(original)?.time;
  return time && time !== "00:00" ? `${day}T${time}` : day;
}
