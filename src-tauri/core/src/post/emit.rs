//! Writing one value as YAML text that reads back as exactly that value.
//!
//! Each written value is checked by reading it back with serde_yaml; when a
//! preferred style does not round-trip, the double-quoted style (which can
//! say anything) is used instead. Lines are never folded.

use serde_yaml::{Mapping, Value};

/// How a field's current value is written, so that a new value can be
/// written the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    /// `|` block, with the content's indentation.
    Literal(usize),
    /// `>` block, with the content's indentation.
    Folded(usize),
    FlowSequence,
    FlowMapping,
    /// Nothing after the colon: a nested block or an empty value.
    Block,
}

/// Reads the style from what follows `key:` on its line, and from the
/// indentation of the lines after it.
pub fn style_of(inline: &str, nested_indent: Option<usize>, entry_indent: usize) -> Style {
    let inline = inline.trim_start();
    let block_indent = nested_indent.unwrap_or(entry_indent + 2);
    match inline.as_bytes().first() {
        None | Some(b'#') => Style::Block,
        Some(b'"') => Style::DoubleQuoted,
        Some(b'\'') => Style::SingleQuoted,
        Some(b'|') => Style::Literal(block_indent),
        Some(b'>') => Style::Folded(block_indent),
        Some(b'[') => Style::FlowSequence,
        Some(b'{') => Style::FlowMapping,
        _ => Style::Plain,
    }
}

/// Everything that goes after `key:` for `value`, starting with a space or a
/// line break, with no final line ending. `indent` is the key's indentation.
pub fn value_text(value: &Value, style: Option<Style>, indent: usize, eol: &str) -> Option<String> {
    let candidate = match value {
        Value::String(s) => string_text(s, style, indent, eol),
        Value::Sequence(items) if items.is_empty() => " []".to_string(),
        Value::Mapping(map) if map.is_empty() => " {}".to_string(),
        Value::Sequence(_) | Value::Mapping(_)
            if matches!(style, Some(Style::FlowSequence | Style::FlowMapping)) =>
        {
            format!(" {}", flow(value)?)
        }
        Value::Sequence(items) => {
            let pad = " ".repeat(indent + 2);
            let mut out = String::new();
            for item in items {
                let text = match item {
                    Value::Sequence(_) | Value::Mapping(_) => format!(" {}", flow(item)?),
                    scalar => value_text(scalar, None, indent + 2, eol)?,
                };
                out.push_str(&format!("{eol}{pad}-{text}"));
            }
            out
        }
        Value::Mapping(map) => block_mapping(map, indent + 2, eol)?,
        Value::Null => String::new(),
        Value::Bool(_) | Value::Number(_) => format!(" {}", flow(value)?),
        Value::Tagged(_) => return None,
    };
    reads_back_as(&candidate, value).then_some(candidate)
}

/// A string in `style` when that style can hold it, else double-quoted.
fn string_text(s: &str, style: Option<Style>, indent: usize, eol: &str) -> String {
    let preferred = match style {
        Some(Style::SingleQuoted) => single_quoted(s),
        Some(Style::DoubleQuoted) => None,
        Some(Style::Literal(content_indent)) => literal(s, content_indent, eol),
        Some(Style::Folded(content_indent)) if !s.contains('\n') => {
            literal(s, content_indent, eol).map(|t| t.replacen('|', ">", 1))
        }
        _ if s.contains('\n') => literal(s, indent + 2, eol),
        _ => plain(s).map(str::to_string),
    };
    let value = Value::String(s.to_string());
    match preferred.map(|p| format!(" {p}")) {
        Some(text) if reads_back_as(&text, &value) => text,
        _ => format!(" {}", double_quoted(s)),
    }
}

/// A plain scalar, when the string can be one and no YAML reader (1.1 or
/// 1.2) would take it for something else.
pub fn plain(s: &str) -> Option<&str> {
    let first = s.chars().next()?;
    let unsafe_start = "-?:,[]{}#&*!|>'\"%@`".contains(first) || first.is_whitespace();
    let unsafe_inside = s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':')
        || s.ends_with(char::is_whitespace)
        || s.chars().any(|c| {
            c.is_control() || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}')
        });
    (!unsafe_start && !unsafe_inside && !looks_like_another_type(s)).then_some(s)
}

/// True for words and numbers that some YAML reader reads as a boolean,
/// null, number or date: `no`, `on`, `~`, `1.10`, `2024-01-05`, `12:30`.
fn looks_like_another_type(s: &str) -> bool {
    const WORDS: [&str; 15] = [
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", ".inf", "-.inf", "+.inf",
        ".nan", "=",
    ];
    let lower = s.to_ascii_lowercase();
    if WORDS.contains(&lower.as_str()) {
        return true;
    }
    let body = lower.trim_start_matches(['+', '-']);
    body.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && body
            .chars()
            .all(|c| c.is_ascii_hexdigit() || "xo._:+-tz ".contains(c))
}

fn single_quoted(s: &str) -> Option<String> {
    let printable = !s
        .chars()
        .any(|c| c.is_control() || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}'));
    printable.then(|| format!("'{}'", s.replace('\'', "''")))
}

/// The double-quoted form, which can hold any string on one line.
pub fn double_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            '\u{feff}' => out.push_str("\\uFEFF"),
            c if (c as u32) < 0x20 || (0x7f..=0x9f).contains(&(c as u32)) => {
                out.push_str(&format!("\\x{:02X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A `|` block: chomping says how many line endings end the value, and an
/// indentation indicator is added when the first line starts with a space.
fn literal(s: &str, content_indent: usize, eol: &str) -> Option<String> {
    if s.contains('\r') || s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return None;
    }
    let body = s.trim_end_matches('\n');
    let trailing = s.len() - body.len();
    let chomp = match trailing {
        0 => "-",
        1 => "",
        _ => "+",
    };
    let first = body.lines().find(|l| !l.is_empty()).unwrap_or("");
    let indicator = if first.starts_with(' ') {
        content_indent.to_string()
    } else {
        String::new()
    };
    let pad = " ".repeat(content_indent);
    let mut out = format!("|{indicator}{chomp}");
    for line in body.split('\n') {
        out.push_str(eol);
        if !line.is_empty() {
            out.push_str(&pad);
            out.push_str(line);
        }
    }
    for _ in 1..trailing.max(1) {
        out.push_str(eol);
    }
    Some(out)
}

fn block_mapping(map: &Mapping, indent: usize, eol: &str) -> Option<String> {
    let pad = " ".repeat(indent);
    let mut out = String::new();
    for (key, value) in map {
        let key = key_text(key)?;
        out.push_str(&format!(
            "{eol}{pad}{key}:{}",
            value_text(value, None, indent, eol)?
        ));
    }
    Some(out)
}

/// A key, plain when it can be, else double-quoted.
pub fn key_text(key: &Value) -> Option<String> {
    match key {
        Value::String(s) => Some(plain(s).map_or_else(|| double_quoted(s), str::to_string)),
        _ => None,
    }
}

/// A one-line flow form (JSON is valid YAML), for values nested in lists or
/// written where the post already uses `[...]` or `{...}`.
fn flow(value: &Value) -> Option<String> {
    match value {
        Value::Null => Some("null".into()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => {
            let safe_in_flow = plain(s).is_some() && !s.contains([',', '[', ']', '{', '}']);
            Some(if safe_in_flow {
                s.clone()
            } else {
                double_quoted(s)
            })
        }
        Value::Sequence(items) => {
            let parts: Option<Vec<String>> = items.iter().map(flow).collect();
            Some(format!("[{}]", parts?.join(", ")))
        }
        Value::Mapping(map) => {
            let parts: Option<Vec<String>> = map
                .iter()
                .map(|(k, v)| Some(format!("{}: {}", flow(k)?, flow(v)?)))
                .collect();
            Some(format!("{{{}}}", parts?.join(", ")))
        }
        Value::Tagged(_) => None,
    }
}

/// Reads `k:<text>` back and compares the value with what was meant.
pub(super) fn reads_back_as(text: &str, expected: &Value) -> bool {
    let doc = format!("k:{text}\n");
    match serde_yaml::from_str::<Mapping>(&doc) {
        Ok(map) => map.get("k").unwrap_or(&Value::Null) == expected,
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Value {
        Value::String(v.into())
    }

    #[test]
    fn ambiguous_words_are_quoted() {
        for word in [
            "no",
            "yes",
            "on",
            "Off",
            "1.10",
            "2024-01-05",
            "12:30",
            "~",
            "null",
            "0x1F",
            "-5",
            ".5",
            "true",
        ] {
            assert_eq!(plain(word), None, "{word} must not be plain");
            let text = value_text(&s(word), None, 0, "\n").unwrap();
            assert!(text.starts_with(" \""), "{word} -> {text}");
        }
    }

    #[test]
    fn ordinary_titles_stay_plain_and_colons_are_quoted() {
        assert_eq!(
            value_text(&s("Du spreadsheet à l'ERP"), None, 0, "\n").unwrap(),
            " Du spreadsheet à l'ERP"
        );
        assert_eq!(
            value_text(&s("Bookings : Un projet"), None, 0, "\n").unwrap(),
            " \"Bookings : Un projet\""
        );
        assert_eq!(
            value_text(&s("C# tips"), None, 0, "\n").unwrap(),
            " C# tips"
        );
        assert_eq!(
            value_text(&s("a #tag"), None, 0, "\n").unwrap(),
            " \"a #tag\""
        );
    }

    #[test]
    fn existing_quote_style_is_kept() {
        assert_eq!(
            value_text(&s("News"), Some(Style::SingleQuoted), 0, "\n").unwrap(),
            " 'News'"
        );
        assert_eq!(
            value_text(&s("it's"), Some(Style::SingleQuoted), 0, "\n").unwrap(),
            " 'it''s'"
        );
        assert_eq!(
            value_text(&s("Webinaire"), Some(Style::DoubleQuoted), 0, "\n").unwrap(),
            " \"Webinaire\""
        );
    }

    #[test]
    fn literal_blocks_keep_their_indent_and_say_their_chomping() {
        assert_eq!(
            value_text(&s("Hello\n"), Some(Style::Literal(4)), 0, "\n").unwrap(),
            " |\n    Hello"
        );
        assert_eq!(
            value_text(&s("Hello"), Some(Style::Literal(2)), 0, "\n").unwrap(),
            " |-\n  Hello"
        );
        assert_eq!(
            value_text(&s("a\n\nb\n\n"), Some(Style::Literal(2)), 0, "\r\n").unwrap(),
            " |+\r\n  a\r\n\r\n  b\r\n"
        );
        assert_eq!(
            value_text(&s("  code"), Some(Style::Literal(2)), 0, "\n").unwrap(),
            " |2-\n    code"
        );
    }

    #[test]
    fn long_lines_are_never_folded() {
        let long = "mot ".repeat(100).trim_end().to_string();
        let text = value_text(&s(&long), None, 0, "\n").unwrap();
        assert!(!text.contains('\n'));
    }

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(
            value_text(&s("a\tb\u{7}"), None, 0, "\n").unwrap(),
            " \"a\\tb\\x07\""
        );
    }

    #[test]
    fn collections() {
        let list = Value::Sequence(vec![s("a"), s("b: c")]);
        assert_eq!(
            value_text(&list, None, 0, "\n").unwrap(),
            "\n  - a\n  - \"b: c\""
        );
        assert_eq!(
            value_text(&list, Some(Style::FlowSequence), 0, "\n").unwrap(),
            " [a, \"b: c\"]"
        );
        let mut map = Mapping::new();
        map.insert(s("label"), s("Nouveautés"));
        assert_eq!(
            value_text(&Value::Mapping(map.clone()), None, 0, "\n").unwrap(),
            "\n  label: Nouveautés"
        );
        assert_eq!(
            value_text(&Value::Mapping(map), Some(Style::FlowMapping), 0, "\n").unwrap(),
            " {label: Nouveautés}"
        );
        assert_eq!(
            value_text(&Value::Bool(true), None, 0, "\n").unwrap(),
            " true"
        );
    }
}
