//! Dates as sites write them in front matter. A pattern uses `YYYY`, `MM`,
//! `DD`, `HH`, `mm`, `ss` and `SSS` (milliseconds); every other character is
//! written as it is, so `YYYY-MM-DDTHH:mm:ss.SSSZ` gives
//! `2024-12-17T00:00:00.000Z`. Times are UTC.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

const TOKENS: [(&str, usize); 7] = [
    ("YYYY", 4),
    ("MM", 2),
    ("DD", 2),
    ("HH", 2),
    ("mm", 2),
    ("ss", 2),
    ("SSS", 3),
];

/// Writes `when` in `pattern`.
pub fn format(when: NaiveDateTime, pattern: &str) -> String {
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(c) = rest.chars().next() {
        match TOKENS.iter().find(|(token, _)| rest.starts_with(token)) {
            Some((token, _)) => {
                out.push_str(&field(when, token));
                rest = &rest[token.len()..];
            }
            None => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

fn field(when: NaiveDateTime, token: &str) -> String {
    match token {
        "YYYY" => format!("{:04}", when.year()),
        "MM" => format!("{:02}", when.month()),
        "DD" => format!("{:02}", when.day()),
        "HH" => format!("{:02}", when.hour()),
        "mm" => format!("{:02}", when.minute()),
        "ss" => format!("{:02}", when.second()),
        _ => format!("{:03}", when.nanosecond() / 1_000_000 % 1000),
    }
}

/// Guesses the pattern an existing date was written in, from its runs of
/// digits: `2019-12-31` gives `YYYY-MM-DD`. `None` when the value is not a
/// date in year-month-day order.
pub fn pattern_of(existing: &str) -> Option<String> {
    let mut pattern = String::new();
    let mut tokens = TOKENS.iter();
    let mut chars = existing.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_ascii_digit() {
            let mut end = start + 1;
            while let Some(&(i, d)) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = i + 1;
                chars.next();
            }
            let (token, width) = tokens.next()?;
            if end - start != *width {
                return None;
            }
            pattern.push_str(token);
        } else {
            pattern.push(c);
        }
    }
    pattern
        .starts_with("YYYY")
        .then_some(pattern)
        .filter(|p| p.contains("DD"))
}

/// Reads a date typed by a person or found in front matter: `2025-01-31`,
/// `2025-01-31T10:00`, `2025-01-31 10:00:00`, `2024-12-17T00:00:00.000Z`.
pub fn parse(text: &str) -> Option<NaiveDateTime> {
    let t = text.trim().trim_end_matches('Z').replace(' ', "T");
    if let Ok(d) = NaiveDate::parse_from_str(&t, "%Y-%m-%d") {
        return d.and_hms_opt(0, 0, 0);
    }
    ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(&t, f).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, m: u32, d: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_milli_opt(9, 5, 7, 42)
            .unwrap()
    }

    #[test]
    fn formats_the_sites_patterns() {
        assert_eq!(
            format(at(2024, 12, 17), "YYYY-MM-DDTHH:mm:ss.SSSZ"),
            "2024-12-17T09:05:07.042Z"
        );
        assert_eq!(format(at(2019, 1, 2), "YYYY-MM-DD"), "2019-01-02");
        assert_eq!(
            format(at(2019, 1, 2), "DD/MM/YYYY à HH:mm"),
            "02/01/2019 à 09:05"
        );
    }

    #[test]
    fn guesses_patterns_from_values() {
        assert_eq!(
            pattern_of("2024-12-17T00:00:00.000Z").as_deref(),
            Some("YYYY-MM-DDTHH:mm:ss.SSSZ")
        );
        assert_eq!(pattern_of("2019-12-31").as_deref(), Some("YYYY-MM-DD"));
        assert_eq!(pattern_of("31 décembre 2019"), None);
        assert_eq!(pattern_of("2019-1-31"), None);
        assert_eq!(pattern_of("2024"), None);
    }

    #[test]
    fn parses_what_people_type() {
        assert_eq!(
            parse("2025-01-31").unwrap().to_string(),
            "2025-01-31 00:00:00"
        );
        assert_eq!(
            parse("2025-01-31 10:30").unwrap().to_string(),
            "2025-01-31 10:30:00"
        );
        assert_eq!(
            parse("2024-12-17T00:00:00.000Z").unwrap().to_string(),
            "2024-12-17 00:00:00"
        );
        assert_eq!(parse("2025-02-30"), None);
        assert_eq!(parse("demain"), None);
    }
}
