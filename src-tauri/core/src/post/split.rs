//! Cutting a post file into its parts: an optional byte-order mark, the front
//! matter between its `---` lines, and the body. Nothing is normalised: the
//! parts put back together give the original bytes.

use std::ops::Range;

use super::error::PostError;

const BOM: &str = "\u{feff}";

/// Where each part of a post lies in its text (the text after any BOM).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts {
    pub bom: bool,
    /// The YAML between the delimiter lines, `None` for a post without front matter.
    pub front_matter: Option<Range<usize>>,
    /// The line number (1-based, in the file) of the front matter's first line.
    pub first_yaml_line: usize,
    /// Where the body starts (just after the closing delimiter's line ending).
    pub body_start: usize,
    /// The line ending the file uses, taken from its first line.
    pub eol: &'static str,
}

/// Decodes the file as UTF-8, reporting the first bad byte's line and column.
pub fn decode(bytes: &[u8]) -> Result<&str, PostError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
        PostError::NotUtf8 { line, column }
    })
}

/// Splits a decoded post. `text` is the whole file, BOM included.
pub fn split(full: &str) -> Result<(Parts, &str), PostError> {
    let bom = full.starts_with(BOM);
    let text = if bom { &full[BOM.len()..] } else { full };
    if text.trim().is_empty() {
        return Err(PostError::Empty);
    }
    let first_line = text.split('\n').next().unwrap_or("");
    let eol = if first_line.ends_with('\r') {
        "\r\n"
    } else {
        "\n"
    };
    let opener = first_line.trim_end();
    if opener == "+++" {
        return Err(PostError::TomlFrontMatter);
    }
    if opener != "---" {
        let parts = Parts {
            bom,
            front_matter: None,
            first_yaml_line: 1,
            body_start: 0,
            eol,
        };
        return Ok((parts, text));
    }

    let yaml_start = first_line.len() + 1;
    if yaml_start > text.len() {
        return Err(PostError::Unclosed);
    }
    let mut offset = yaml_start;
    for line in text[yaml_start..].split_inclusive('\n') {
        let content = line.trim_end();
        if content == "---" || content == "..." {
            let parts = Parts {
                bom,
                front_matter: Some(yaml_start..offset),
                first_yaml_line: 2,
                body_start: offset + line.len(),
                eol,
            };
            return Ok((parts, text));
        }
        offset += line.len();
    }
    Err(PostError::Unclosed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_front_matter_and_body() {
        let (p, text) = split("---\ntitle: A\n---\nBody\n").unwrap();
        assert_eq!(&text[p.front_matter.clone().unwrap()], "title: A\n");
        assert_eq!(&text[p.body_start..], "Body\n");
        assert_eq!(p.eol, "\n");
        assert!(!p.bom);
    }

    #[test]
    fn keeps_bom_and_crlf() {
        let (p, text) = split("\u{feff}---\r\ntitle: A\r\n---\r\nBody\r\n").unwrap();
        assert!(p.bom);
        assert_eq!(p.eol, "\r\n");
        assert_eq!(&text[p.front_matter.unwrap()], "title: A\r\n");
        assert_eq!(&text[p.body_start..], "Body\r\n");
    }

    #[test]
    fn empty_front_matter_and_closing_at_end_of_file() {
        let (p, text) = split("---\n---").unwrap();
        assert_eq!(&text[p.front_matter.unwrap()], "");
        assert_eq!(p.body_start, text.len());
    }

    #[test]
    fn no_front_matter_is_all_body() {
        let (p, text) = split("# Just Markdown\n").unwrap();
        assert_eq!(p.front_matter, None);
        assert_eq!(&text[p.body_start..], "# Just Markdown\n");
    }

    #[test]
    fn refusals() {
        assert!(matches!(split(""), Err(PostError::Empty)));
        assert!(matches!(split(" \n\n"), Err(PostError::Empty)));
        assert!(matches!(split("---\ntitle: A\n"), Err(PostError::Unclosed)));
        assert!(matches!(split("---"), Err(PostError::Unclosed)));
        assert!(matches!(
            split("+++\ntitle = 'A'\n+++\n"),
            Err(PostError::TomlFrontMatter)
        ));
    }

    #[test]
    fn bad_utf8_is_located() {
        let err = decode(b"---\ntitle: caf\xe9\n---\n").unwrap_err();
        assert_eq!(
            err,
            PostError::NotUtf8 {
                line: 2,
                column: 11
            }
        );
    }
}
