//! A post that the author and someone else both changed, as choices an
//! author can make: the front matter field by field (theirs, yours, the
//! original), the body paragraph by paragraph, side by side. No conflict
//! markers ever reach the author.
//!
//! Pure: three texts in (the original, theirs: what the site has now,
//! yours: what is being sent), a [`PostConflict`] out, and with the
//! author's [`Settlement`] the text to write.

use serde::{Deserialize, Serialize};

/// Which version of a field or a paragraph to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// What the site has now (someone else's change).
    Theirs,
    /// What the author is sending.
    Yours,
    /// What both started from (fields only).
    Original,
    /// Theirs, then yours (paragraphs only).
    Both,
}

/// A front matter field that differs between theirs and yours.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct FieldChoice {
    /// The key, as in the post (`title`, `badge`).
    pub key: String,
    /// The field's value as written in each version (its YAML, without
    /// the key); `None` where that version has no such field.
    pub original: Option<String>,
    pub theirs: Option<String>,
    pub yours: Option<String>,
    /// The side that changed when only one did; yours when both did.
    pub suggested: Side,
}

/// A stretch of the body: the same in both versions, or different.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct BodyPart {
    pub theirs: String,
    pub yours: String,
    /// Whether the two differ (a choice to make).
    pub differs: bool,
    pub suggested: Side,
}

/// Everything the author chooses between to settle one post.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct PostConflict {
    /// Site-relative path of the post.
    pub path: String,
    pub fields: Vec<FieldChoice>,
    pub body: Vec<BodyPart>,
}

/// The author's choices: one per field of [`PostConflict::fields`] and one
/// per part of [`PostConflict::body`], in order. Parts that do not differ
/// take either side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Settlement {
    pub fields: Vec<Side>,
    pub body: Vec<Side>,
}

/// What theirs and yours differ in, given the original.
pub fn post_conflict(path: &str, original: &str, theirs: &str, yours: &str) -> PostConflict {
    let (o, t, y) = (Doc::parse(original), Doc::parse(theirs), Doc::parse(yours));
    let fields = keys_in_order(&t, &y)
        .into_iter()
        .filter_map(|key| {
            let (ov, tv, yv) = (o.field(&key), t.field(&key), y.field(&key));
            (tv != yv).then(|| FieldChoice {
                suggested: suggest_field(ov, tv, yv),
                original: ov.map(|v| value_of(&key, v)),
                theirs: tv.map(|v| value_of(&key, v)),
                yours: yv.map(|v| value_of(&key, v)),
                key,
            })
        })
        .collect();
    PostConflict {
        path: path.to_string(),
        fields,
        body: body_parts(&o.body, &t.body, &y.body),
    }
}

/// The post's text with the author's choices: theirs' layout, each field
/// and paragraph taken from the side chosen. `None` when the settlement
/// does not fit the conflict (a choice missing or left over).
pub fn settle(original: &str, theirs: &str, yours: &str, choices: &Settlement) -> Option<String> {
    let conflict = post_conflict("", original, theirs, yours);
    if choices.fields.len() != conflict.fields.len() || choices.body.len() != conflict.body.len() {
        return None;
    }
    let (o, t, y) = (Doc::parse(original), Doc::parse(theirs), Doc::parse(yours));
    let mut out = String::new();
    let fence = if t.front.is_some() { &t } else { &y };
    if let Some((open, close)) = &fence.fences {
        out.push_str(open);
        for key in keys_in_order(&t, &y) {
            let chosen = match conflict.fields.iter().position(|f| f.key == key) {
                Some(i) => match choices.fields[i] {
                    Side::Theirs => t.field(&key),
                    Side::Original => o.field(&key),
                    Side::Yours | Side::Both => y.field(&key),
                },
                None => t.field(&key).or(y.field(&key)),
            };
            out.push_str(chosen.unwrap_or(""));
        }
        out.push_str(close);
    }
    let parts: Vec<String> = conflict
        .body
        .iter()
        .zip(&choices.body)
        .map(|(part, side)| match side {
            Side::Theirs | Side::Original => part.theirs.clone(),
            Side::Yours => part.yours.clone(),
            Side::Both => joined(&[part.theirs.as_str(), part.yours.as_str()]),
        })
        .collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    out.push_str(&joined(&parts));
    Some(out)
}

/// Texts one after the other, each but the last ending in a blank line so
/// that paragraphs stay apart.
fn joined(parts: &[&str]) -> String {
    let parts: Vec<&&str> = parts.iter().filter(|p| !p.is_empty()).collect();
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        out.push_str(part);
        if i + 1 < parts.len() && !part.trim().is_empty() && !ends_with_blank_line(&out) {
            let eol = if part.ends_with("\r\n") { "\r\n" } else { "\n" };
            if !out.ends_with('\n') {
                out.push_str(eol);
            }
            out.push_str(eol);
        }
    }
    out
}

fn ends_with_blank_line(text: &str) -> bool {
    text.ends_with("\n\n") || text.ends_with("\n\r\n")
}

/// When only one side changed a field, that side; else yours.
fn suggest_field(original: Option<&str>, theirs: Option<&str>, yours: Option<&str>) -> Side {
    match (theirs == original, yours == original) {
        (false, true) => Side::Theirs,
        _ => Side::Yours,
    }
}

/// One version of the post: its front matter's entries, each with its
/// own lines, and the body.
struct Doc {
    /// The opening and closing fence lines, when there is front matter.
    fences: Option<(String, String)>,
    /// Each entry's key and lines (comments and blank lines go with the
    /// entry above them).
    front: Option<Vec<(String, String)>>,
    body: String,
}

impl Doc {
    fn parse(text: &str) -> Doc {
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let is_fence =
            |l: &str, marks: &[&str]| marks.contains(&l.trim_start_matches('\u{feff}').trim_end());
        let close = match lines.first() {
            Some(first) if is_fence(first, &["---"]) => lines
                .iter()
                .skip(1)
                .position(|l| is_fence(l, &["---", "..."]))
                .map(|i| i + 1),
            _ => None,
        };
        let Some(close) = close else {
            return Doc {
                fences: None,
                front: None,
                body: text.to_string(),
            };
        };
        let mut front: Vec<(String, String)> = Vec::new();
        for line in &lines[1..close] {
            match entry_key(line) {
                Some(key) => front.push((key, line.to_string())),
                None => match front.last_mut() {
                    Some((_, raw)) => raw.push_str(line),
                    None => front.push((String::new(), line.to_string())),
                },
            }
        }
        Doc {
            fences: Some((lines[0].to_string(), lines[close].to_string())),
            front: Some(front),
            body: lines[close + 1..].concat(),
        }
    }

    /// The lines of the entry `key`, its key included.
    fn field(&self, key: &str) -> Option<&str> {
        self.front
            .as_ref()?
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, raw)| raw.as_str())
    }

    fn keys(&self) -> Vec<&str> {
        self.front
            .iter()
            .flatten()
            .map(|(k, _)| k.as_str())
            .collect()
    }
}

/// The key of a line that starts a top-level entry (`title: ...`).
fn entry_key(line: &str) -> Option<String> {
    let first = line.chars().next()?;
    if first.is_whitespace() || first == '#' || first == '-' {
        return None;
    }
    let (key, _) = line.split_once(':')?;
    Some(key.trim().trim_matches(['"', '\'']).to_string())
}

/// An entry's value as the author reads it: its lines without the key.
fn value_of(key: &str, raw: &str) -> String {
    let rest = raw.split_once(':').map_or(raw, |(_, rest)| rest);
    let rest = if key.is_empty() { raw } else { rest };
    rest.trim_end().trim_start_matches(' ').to_string()
}

/// Theirs' keys in their order, then yours' own, each after the key it
/// follows in yours.
fn keys_in_order(theirs: &Doc, yours: &Doc) -> Vec<String> {
    let mut keys: Vec<String> = theirs.keys().into_iter().map(String::from).collect();
    let mut after: Option<usize> = None;
    for key in yours.keys() {
        match keys.iter().position(|k| k == key) {
            Some(i) => after = Some(i),
            None => {
                let at = after.map_or(0, |i| i + 1);
                keys.insert(at, key.to_string());
                after = Some(at);
            }
        }
    }
    keys
}

/// The body as paragraphs, each with the blank lines that follow it, so
/// that they put together give the body back exactly.
fn paragraphs(body: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_blank = false;
    let mut at = 0;
    for line in body.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        if !blank && in_blank {
            out.push(&body[start..at]);
            start = at;
        }
        in_blank = blank;
        at += line.len();
    }
    if start < body.len() {
        out.push(&body[start..]);
    }
    out
}

/// The body side by side: stretches the same in both versions, and
/// stretches where they differ, with the side that changed suggested.
fn body_parts(original: &str, theirs: &str, yours: &str) -> Vec<BodyPart> {
    use similar::{capture_diff_slices, Algorithm, DiffOp};
    let (o, t, y) = (paragraphs(original), paragraphs(theirs), paragraphs(yours));
    let mut parts: Vec<BodyPart> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &t, &y) {
        match op {
            DiffOp::Equal { old_index, len, .. } => {
                for p in &t[old_index..old_index + len] {
                    parts.push(BodyPart {
                        theirs: p.to_string(),
                        yours: p.to_string(),
                        differs: false,
                        suggested: Side::Theirs,
                    });
                }
            }
            op => {
                let (_, old, new) = op.as_tag_tuple();
                let (ts, ys) = (&t[old], &y[new]);
                let suggested = suggest_paragraphs(&o, ts, ys);
                // Neighbouring changes make one choice.
                match parts.last_mut().filter(|p| p.differs) {
                    Some(last) => {
                        last.theirs.push_str(&ts.concat());
                        last.yours.push_str(&ys.concat());
                    }
                    None => parts.push(BodyPart {
                        theirs: ts.concat(),
                        yours: ys.concat(),
                        differs: true,
                        suggested,
                    }),
                }
            }
        }
    }
    parts
}

/// The side that changed a stretch, judged by which paragraphs are new
/// (not in the original); when neither wrote anything new, one side
/// deleted: the shorter one.
fn suggest_paragraphs(original: &[&str], theirs: &[&str], yours: &[&str]) -> Side {
    let new = |side: &[&str]| side.iter().any(|p| !original.contains(p));
    match (new(theirs), new(yours)) {
        (true, false) => Side::Theirs,
        (false, false) if theirs.len() < yours.len() => Side::Theirs,
        _ => Side::Yours,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORIGINAL: &str = "---\ndate: 2026-01-05\ntitle: Bilan\nbadge:\n  label: Actualités\nauthor: Hélène\n---\n\nPremier paragraphe.\n\nDeuxième paragraphe.\n\nTroisième.\n";

    fn theirs() -> String {
        ORIGINAL
            .replace("title: Bilan", "title: Bilan de l'année")
            .replace("Troisième.", "Troisième, relu.")
    }

    fn yours() -> String {
        ORIGINAL
            .replace("title: Bilan", "title: Notre bilan")
            .replace("  label: Actualités", "  label: Tutoriel")
            .replace("Premier paragraphe.", "Premier paragraphe, revu.")
    }

    #[test]
    fn fields_that_differ_with_the_three_versions() {
        let c = post_conflict("a.md", ORIGINAL, &theirs(), &yours());
        let keys: Vec<&str> = c.fields.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(keys, ["title", "badge"]);
        let title = &c.fields[0];
        assert_eq!(title.original.as_deref(), Some("Bilan"));
        assert_eq!(title.theirs.as_deref(), Some("Bilan de l'année"));
        assert_eq!(title.yours.as_deref(), Some("Notre bilan"));
        assert_eq!(title.suggested, Side::Yours);
        assert_eq!(c.fields[1].yours.as_deref(), Some("\n  label: Tutoriel"));
        assert_eq!(c.fields[1].suggested, Side::Yours);
    }

    #[test]
    fn the_body_side_by_side_with_who_changed_what() {
        let c = post_conflict("a.md", ORIGINAL, &theirs(), &yours());
        let differing: Vec<(&str, &str, Side)> = c
            .body
            .iter()
            .filter(|p| p.differs)
            .map(|p| (p.theirs.as_str(), p.yours.as_str(), p.suggested))
            .collect();
        assert_eq!(
            differing,
            [
                (
                    "Premier paragraphe.\n\n",
                    "Premier paragraphe, revu.\n\n",
                    Side::Yours
                ),
                ("Troisième, relu.\n", "Troisième.\n", Side::Theirs),
            ]
        );
        // Put back together, either side gives its own body exactly.
        let body = |pick: fn(&BodyPart) -> &str| c.body.iter().map(pick).collect::<String>();
        assert!(theirs().ends_with(&format!("---\n{}", body(|p| &p.theirs))));
        assert!(yours().ends_with(&format!("---\n{}", body(|p| &p.yours))));
    }

    #[test]
    fn settling_writes_each_choice_and_keeps_the_rest_as_it_was() {
        let c = post_conflict("a.md", ORIGINAL, &theirs(), &yours());
        let body = c
            .body
            .iter()
            .map(|p| if p.differs { Side::Both } else { Side::Theirs })
            .collect();
        let choices = Settlement {
            fields: vec![Side::Theirs, Side::Yours],
            body,
        };
        let text = settle(ORIGINAL, &theirs(), &yours(), &choices).unwrap();
        assert_eq!(
            text,
            "---\ndate: 2026-01-05\ntitle: Bilan de l'année\nbadge:\n  label: Tutoriel\nauthor: Hélène\n---\n\nPremier paragraphe.\n\nPremier paragraphe, revu.\n\nDeuxième paragraphe.\n\nTroisième, relu.\n\nTroisième.\n"
        );
    }

    #[test]
    fn the_suggestions_merge_what_only_one_side_changed() {
        let c = post_conflict("a.md", ORIGINAL, &theirs(), &yours());
        let choices = Settlement {
            fields: c.fields.iter().map(|f| f.suggested).collect(),
            body: c.body.iter().map(|p| p.suggested).collect(),
        };
        let text = settle(ORIGINAL, &theirs(), &yours(), &choices).unwrap();
        assert!(text.contains("title: Notre bilan\n"));
        assert!(text
            .contains("Premier paragraphe, revu.\n\nDeuxième paragraphe.\n\nTroisième, relu.\n"));
    }

    #[test]
    fn the_original_value_and_fields_only_one_side_has() {
        let theirs = ORIGINAL.replace("author: Hélène\n", "author: Hélène\nid: bilan\n");
        let yours = ORIGINAL
            .replace("title: Bilan", "title: Notre bilan")
            .replace(
                "date: 2026-01-05\n",
                "date: 2026-01-05\ndescription: Un an\n",
            );
        let c = post_conflict("a.md", ORIGINAL, &theirs, &yours);
        let keys: Vec<&str> = c.fields.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(keys, ["description", "title", "id"]);
        assert_eq!(c.fields[0].theirs, None);
        assert_eq!(c.fields[2].suggested, Side::Theirs);
        let choices = Settlement {
            fields: vec![Side::Yours, Side::Original, Side::Theirs],
            body: c.body.iter().map(|_| Side::Theirs).collect(),
        };
        let text = settle(ORIGINAL, &theirs, &yours, &choices).unwrap();
        assert!(text.starts_with("---\ndate: 2026-01-05\ndescription: Un an\ntitle: Bilan\nbadge:\n  label: Actualités\nauthor: Hélène\nid: bilan\n---\n"));
    }

    #[test]
    fn a_settlement_that_does_not_fit_is_refused() {
        let choices = Settlement {
            fields: vec![],
            body: vec![],
        };
        assert_eq!(settle(ORIGINAL, &theirs(), &yours(), &choices), None);
    }

    #[test]
    fn paragraphs_put_together_give_the_text_back() {
        for text in [
            "",
            "a",
            "a\n\nb",
            "\n\na\n\n\nb\n",
            "a\r\n\r\nb\r\n",
            "a\nb\n\n- c\n- d\n",
        ] {
            assert_eq!(paragraphs(text).concat(), text, "{text:?}");
        }
        assert_eq!(paragraphs("a\n\nb\n"), ["a\n\n", "b\n"]);
    }
}
