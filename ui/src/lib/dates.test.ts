import { describe, expect, it } from "vitest";
import { dateParts, formatDate, formatDay, parseDay, todayValue, typedDate } from "./dates";

describe("dateParts", () => {
  it("reads the written digits, whatever the format", () => {
    expect(dateParts("2024-12-17T00:00:00.000Z")).toEqual({ date: "2024-12-17", time: "00:00" });
    expect(dateParts("2023-11-30")).toEqual({ date: "2023-11-30", time: null });
    expect(dateParts("2025-01-31 10:30")).toEqual({ date: "2025-01-31", time: "10:30" });
    expect(dateParts("2025/01/31")).toEqual({ date: "2025-01-31", time: null });
  });

  it("refuses what is no date", () => {
    expect(dateParts("décembre 2023")).toBeNull();
    expect(dateParts("2023-13-01")).toBeNull();
    expect(dateParts(20231201)).toBeNull();
    expect(dateParts(null)).toBeNull();
  });
});

describe("formatDate", () => {
  it("writes the date in the language's way, on the day written (no time zone shift)", () => {
    expect(formatDate("2024-12-17T00:00:00.000Z", "fr", "long")).toBe("17 décembre 2024");
    expect(formatDate("2024-12-17T23:30:00.000Z", "en", "long")).toBe("December 17, 2024");
    expect(formatDate("2024-12-01", "fr")).toMatch(/^1(er)? déc\.? 2024$/);
  });

  it("gives null for no date", () => {
    expect(formatDate(null, "fr")).toBeNull();
    expect(formatDate("soon", "en")).toBeNull();
  });
});

describe("todayValue", () => {
  it("is the local day as a date input wants it", () => {
    expect(todayValue(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
  });
});

describe("typedDate", () => {
  it("sends the day alone when the post had no time, or midnight", () => {
    expect(typedDate("2025-02-01", "2024-12-17T00:00:00.000Z")).toBe("2025-02-01");
    expect(typedDate("2025-02-01", "2023-11-30")).toBe("2025-02-01");
    expect(typedDate("2025-02-01", undefined)).toBe("2025-02-01");
  });

  it("keeps a time the post had", () => {
    expect(typedDate("2025-02-01", "2024-12-17T09:45:00.000Z")).toBe("2025-02-01T09:45");
  });
});

describe("formatDay", () => {
  it("writes the day in the interface language's order", () => {
    expect(formatDay("2026-12-02", "fr")).toBe("02/12/2026");
    expect(formatDay("2026-12-02", "en")).toBe("2026-12-02");
  });

  it("shows anything else as it is", () => {
    expect(formatDay("", "fr")).toBe("");
    expect(formatDay("bientôt", "fr")).toBe("bientôt");
  });
});

describe("parseDay", () => {
  it("reads a French day, with or without leading zeros, and the ISO form", () => {
    expect(parseDay("2/12/2026", "fr")).toBe("2026-12-02");
    expect(parseDay("02/12/2026", "fr")).toBe("2026-12-02");
    expect(parseDay(" 2.12.2026 ", "fr")).toBe("2026-12-02");
    expect(parseDay("2-12-2026", "fr")).toBe("2026-12-02");
    expect(parseDay("2026-12-02", "fr")).toBe("2026-12-02");
  });

  it("reads the ISO form in English, and refuses a slashed day rather than guess its order", () => {
    expect(parseDay("2026-12-02", "en")).toBe("2026-12-02");
    expect(parseDay("2026-2-5", "en")).toBe("2026-02-05");
    expect(parseDay("12/02/2026", "en")).toBeNull();
    expect(parseDay("2/12/2026", "en")).toBeNull();
  });

  it("gives an empty text for an empty field", () => {
    expect(parseDay("", "fr")).toBe("");
    expect(parseDay("   ", "en")).toBe("");
  });

  it("refuses what is no day of the calendar", () => {
    expect(parseDay("31/02/2026", "fr")).toBeNull();
    expect(parseDay("29/02/2025", "fr")).toBeNull();
    expect(parseDay("29/02/2024", "fr")).toBe("2024-02-29");
    expect(parseDay("12/13/2026", "fr")).toBeNull();
    expect(parseDay("2/12/26", "fr")).toBeNull();
    expect(parseDay("demain", "fr")).toBeNull();
    expect(parseDay("2026-12-02T10:00", "en")).toBeNull();
  });

  it("gives back what formatDay wrote, in both languages", () => {
    for (const lang of ["fr", "en"] as const) expect(parseDay(formatDay("2026-01-31", lang), lang)).toBe("2026-01-31");
  });
});
