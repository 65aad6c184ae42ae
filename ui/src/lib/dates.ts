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

/**
 * The date field writes and reads days in the interface language's order,
 * never the system's (the webview's native date input followed the system,
 * and showed 12/02/2026 for 2 December in the French interface).
 *
 * French writes jj/mm/aaaa. English writes ISO's YYYY-MM-DD: « 12/02/2026 »
 * is December to an American reader and February to a British one, and the
 * year-first form is the one nobody misreads. For the same reason English
 * refuses a slashed date rather than guess its order, while both languages
 * take the ISO form.
 */
const ISO_DAY = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const FRENCH_DAY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

/** A day held by the form (YYYY-MM-DD) as the date field shows it; anything else is shown as it is. */
export function formatDay(value: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m || lang === "en") return value;
  const [, y, mo, d] = m;
  return `${d}/${mo}/${y}`;
}

/**
 * What the author typed in the date field, as the form holds a day
 * (YYYY-MM-DD): "" when the field is empty, null when it is no day of the
 * calendar in `lang`'s order (« 31/02/2026 », « demain »).
 */
export function parseDay(text: string, lang: Lang): string | null {
  const typed = text.trim();
  if (typed === "") return "";
  const iso = ISO_DAY.exec(typed);
  const french = lang === "fr" ? FRENCH_DAY.exec(typed) : null;
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : french ? [french[3], french[2], french[1]] : [];
  if (!y || !m || !d) return null;
  const day = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  // Date.UTC rolls 31 February over into March: such a day does not exist.
  if (day.getUTCFullYear() !== Number(y) || day.getUTCMonth() !== Number(m) - 1 || day.getUTCDate() !== Number(d)) {
    return null;
  }
  return `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
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
