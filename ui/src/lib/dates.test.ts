import { describe, expect, it } from "vitest";
import { dateParts, formatDate, todayValue, typedDate } from "./dates";

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
