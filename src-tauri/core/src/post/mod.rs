//! One post file: front matter and body.
//!
//! A `Post` keeps the file's text as it was read. Values are read with
//! serde_yaml; an edit replaces only the lines of the entry it changes, and is
//! checked by reading the whole front matter back before it is kept. So an
//! unedited post gives back its exact bytes, and an edit touches nothing else.

mod dates;
mod emit;
mod error;
mod layout;
mod meta;
mod split;

use std::ops::Range;

use chrono::NaiveDateTime;
use serde_yaml::{Mapping, Value};

pub use dates::{format as format_date, parse as parse_date, pattern_of as date_pattern_of};
pub use error::PostError;
pub use meta::{scalar_text, Cover, CoverForm, Meta};

use emit::Style;
use layout::Entry;
use split::Parts;

#[derive(Debug, Clone)]
pub struct Post {
    /// The file's text, without the BOM (which `parts.bom` remembers).
    text: String,
    parts: Parts,
    front_matter: Mapping,
}

/// What to write into a field.
#[derive(Debug, Clone)]
pub enum NewValue {
    Value(Value),
    /// A date, written in the pattern the field already uses, or `pattern`
    /// when the field is new or its value is not a date.
    Date {
        when: NaiveDateTime,
        pattern: String,
    },
}

/// One replacement in the front matter's text.
struct Edit {
    range: Range<usize>,
    text: String,
}

impl Post {
    /// Reads a post file's bytes. Never panics; every refusal says where.
    pub fn parse(bytes: &[u8]) -> Result<Post, PostError> {
        let full = split::decode(bytes)?;
        let (parts, text) = split::split(full)?;
        let front_matter = match &parts.front_matter {
            Some(range) => read_yaml(&text[range.clone()], parts.first_yaml_line)?,
            None => Mapping::new(),
        };
        Ok(Post {
            text: text.to_string(),
            parts,
            front_matter,
        })
    }

    /// The file's bytes: the original ones, plus any edits.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.text.len() + 3);
        if self.parts.bom {
            out.extend_from_slice("\u{feff}".as_bytes());
        }
        out.extend_from_slice(self.text.as_bytes());
        out
    }

    pub fn front_matter(&self) -> &Mapping {
        &self.front_matter
    }

    /// The front matter's YAML text, exactly as in the file.
    pub fn front_matter_text(&self) -> &str {
        self.parts
            .front_matter
            .clone()
            .map_or("", |r| &self.text[r])
    }

    pub fn body(&self) -> &str {
        &self.text[self.parts.body_start..]
    }

    /// The line (1-based) of the file on which the body starts.
    pub fn body_first_line(&self) -> usize {
        self.text[..self.parts.body_start].matches('\n').count() + 1
    }

    /// The line ending this file uses (`"\r\n"` or `"\n"`).
    pub fn eol(&self) -> &'static str {
        self.parts.eol
    }

    pub fn set_body(&mut self, body: &str) {
        self.text.replace_range(self.parts.body_start.., body);
    }

    /// The value at a key or a dotted path (`badge.label`).
    pub fn get(&self, path: &str) -> Option<&Value> {
        let keys = path_keys(&self.front_matter, path);
        keys.iter().try_fold(None::<&Value>, |at, key| {
            let map = match at {
                None => &self.front_matter,
                Some(v) => v.as_mapping()?,
            };
            map.get(key.as_str()).map(Some)
        })?
    }

    /// The typed view (title, date, cover...). `cover_field` is the site's
    /// name for the cover (usually `image`).
    pub fn meta(&self, cover_field: &str) -> Meta {
        Meta::read(&self.front_matter, cover_field)
    }

    /// Sets a field. `order` is the site's field order, used to place a key
    /// the post does not have yet.
    pub fn set(&mut self, path: &str, value: NewValue, order: &[String]) -> Result<(), PostError> {
        if self.parts.front_matter.is_none() {
            self.add_front_matter()?;
        }
        let keys = path_keys(&self.front_matter, path);
        let range = self.parts.front_matter.clone().unwrap_or_default();
        let yaml = &self.text[range.clone()];
        let (edit, written) = plan_set(
            yaml,
            0..yaml.len(),
            0,
            &self.front_matter,
            &keys,
            &value,
            order,
            self.parts.eol,
        )?;
        // A field set to the value it already has keeps its lines as they
        // are (a folded title, its quotes): there is nothing to change.
        if self.get(path) == Some(&written) {
            return Ok(());
        }
        let mut expected = self.front_matter.clone();
        set_in(&mut expected, &keys, written);
        self.apply(edit, &expected, path)
    }

    /// Removes a field and its lines. Returns whether it was there.
    pub fn remove(&mut self, path: &str) -> Result<bool, PostError> {
        let keys = path_keys(&self.front_matter, path);
        if self.get(path).is_none() {
            return Ok(false);
        }
        let range = self.parts.front_matter.clone().unwrap_or_default();
        let yaml = &self.text[range.clone()];
        let edit = plan_remove(
            yaml,
            0..yaml.len(),
            0,
            &self.front_matter,
            &keys,
            self.parts.eol,
        )?;
        let mut expected = self.front_matter.clone();
        remove_in(&mut expected, &keys);
        self.apply(edit, &expected, path)?;
        Ok(true)
    }

    /// Applies an edit to the front matter only if the result reads back as
    /// `expected`; otherwise the post is left as it was.
    fn apply(&mut self, edit: Edit, expected: &Mapping, path: &str) -> Result<(), PostError> {
        let range = self.parts.front_matter.clone().unwrap_or_default();
        let mut yaml = self.text[range.clone()].to_string();
        yaml.replace_range(edit.range, &edit.text);
        let reread = read_yaml(&yaml, self.parts.first_yaml_line)
            .map_err(|_| PostError::CannotWrite(path.into()))?;
        if &reread != expected {
            return Err(PostError::CannotWrite(path.into()));
        }
        let delta = yaml.len() as isize - range.len() as isize;
        self.text.replace_range(range.clone(), &yaml);
        self.parts.front_matter = Some(range.start..range.start + yaml.len());
        self.parts.body_start = (self.parts.body_start as isize + delta) as usize;
        self.front_matter = reread;
        Ok(())
    }

    /// Puts an empty front matter block at the top of a post that had none.
    fn add_front_matter(&mut self) -> Result<(), PostError> {
        let eol = self.parts.eol;
        let text = format!("---{eol}---{eol}{}", self.text);
        let bom = self.parts.bom;
        let (parts, _) = split::split(&text)?;
        self.parts = Parts { bom, ..parts };
        self.text = text;
        Ok(())
    }
}

/// Reads front matter YAML into a mapping, with errors located in the file.
fn read_yaml(yaml: &str, first_line: usize) -> Result<Mapping, PostError> {
    match serde_yaml::from_str::<Value>(yaml) {
        Ok(Value::Mapping(map)) => Ok(map),
        Ok(Value::Null) => Ok(Mapping::new()),
        Ok(_) => Err(PostError::NotAMapping),
        Err(e) => {
            let (line, column) = e
                .location()
                .map_or((first_line, 1), |l| (first_line + l.line() - 1, l.column()));
            let detail = yaml_error_detail(&e);
            Err(PostError::Yaml {
                line,
                column,
                detail,
            })
        }
    }
}

/// What a serde_yaml error says, without its position: callers give the
/// position in the file's own lines.
pub(crate) fn yaml_error_detail(e: &serde_yaml::Error) -> String {
    let text = e.to_string();
    text.split(" at line ").next().unwrap_or(&text).to_string()
}

/// Splits `badge.label` into keys, unless the mapping has that dotted string
/// as a key of its own.
fn path_keys(map: &Mapping, path: &str) -> Vec<String> {
    if map.contains_key(path) {
        vec![path.to_string()]
    } else {
        path.split('.').map(str::to_string).collect()
    }
}

fn set_in(map: &mut Mapping, keys: &[String], value: Value) {
    let (first, rest) = keys.split_first().expect("a path has at least one key");
    if rest.is_empty() {
        map.insert(Value::String(first.clone()), value);
        return;
    }
    let slot = map
        .entry(Value::String(first.clone()))
        .or_insert_with(|| Value::Mapping(Mapping::new()));
    if !slot.is_mapping() {
        *slot = Value::Mapping(Mapping::new());
    }
    set_in(
        slot.as_mapping_mut().expect("made a mapping above"),
        rest,
        value,
    );
}

fn remove_in(map: &mut Mapping, keys: &[String]) {
    let (first, rest) = keys.split_first().expect("a path has at least one key");
    if rest.is_empty() {
        map.remove(first.as_str());
        return;
    }
    if let Some(Value::Mapping(inner)) = map.get_mut(first.as_str()) {
        remove_in(inner, rest);
        if inner.is_empty() {
            map.remove(first.as_str());
        }
    }
}

/// The entries of a block mapping, if they are exactly the mapping's keys in
/// order; anything else is a layout Billet will not edit.
fn checked_entries(
    yaml: &str,
    range: Range<usize>,
    indent: usize,
    map: &Mapping,
) -> Result<Vec<Entry>, PostError> {
    let entries = layout::entries(yaml, range, indent).ok_or(PostError::LayoutUnknown)?;
    let same_keys = entries.len() == map.len()
        && entries
            .iter()
            .zip(map.keys())
            .all(|(e, k)| k.as_str() == Some(e.key.as_str()));
    if same_keys {
        Ok(entries)
    } else {
        Err(PostError::LayoutUnknown)
    }
}

/// Where an entry's nested block is, when it holds a block mapping.
fn nested_mapping(yaml: &str, entry: &Entry) -> Option<(Range<usize>, usize)> {
    let inline = yaml[entry.inline.clone()].trim();
    if !(inline.is_empty() || inline.starts_with('#')) {
        return None;
    }
    let nested = entry.nested(yaml);
    match layout::first_content_indent(yaml, nested.clone()) {
        Some((indent, false)) if indent > entry.indent => Some((nested, indent)),
        _ => None,
    }
}

#[allow(clippy::too_many_arguments)]
fn plan_set(
    yaml: &str,
    range: Range<usize>,
    indent: usize,
    map: &Mapping,
    keys: &[String],
    value: &NewValue,
    order: &[String],
    eol: &str,
) -> Result<(Edit, Value), PostError> {
    let entries = checked_entries(yaml, range.clone(), indent, map)?;
    let (key, rest) = keys.split_first().expect("a path has at least one key");
    let field = keys.join(".");
    let Some(entry) = entries.iter().find(|e| &e.key == key) else {
        // A new key: build its whole value and place it in the site's order.
        let leaf = resolve(value, None);
        let whole = rest.iter().rev().fold(leaf.clone(), |inner, k| {
            let mut m = Mapping::new();
            m.insert(Value::String(k.clone()), inner);
            Value::Mapping(m)
        });
        let key_text = emit::key_text(&Value::String(key.clone()))
            .ok_or_else(|| PostError::CannotWrite(field.clone()))?;
        let value_text = if rest.is_empty() {
            leaf_text(value, &leaf, None, indent, eol)
        } else {
            emit::value_text(&whole, None, indent, eol)
        }
        .ok_or_else(|| PostError::CannotWrite(field.clone()))?;
        let at = if indent == 0 {
            insertion_point(&entries, order, key, range.end)
        } else {
            range.end
        };
        let text = format!("{}{key_text}:{value_text}{eol}", " ".repeat(indent));
        return Ok((
            Edit {
                range: at..at,
                text,
            },
            leaf,
        ));
    };

    let current = map.get(key.as_str());
    if !rest.is_empty() {
        if let (Some((nested, child_indent)), Some(Value::Mapping(inner))) =
            (nested_mapping(yaml, entry), current)
        {
            return plan_set(yaml, nested, child_indent, inner, rest, value, &[], eol);
        }
    }

    // Replace this entry's lines, keeping its key text, style and comment.
    let inline = &yaml[entry.inline.clone()];
    let nested = entry.nested(yaml);
    let nested_indent = layout::first_content_indent(yaml, nested.clone()).map(|(i, _)| i);
    let style = emit::style_of(inline, nested_indent, indent);
    let (written, new_value_text) = if rest.is_empty() {
        let leaf = resolve(value, current);
        let text = leaf_text(value, &leaf, Some(style), indent, eol);
        (leaf, text)
    } else {
        // The parent is written inline (`{label: X}`) or is not a mapping
        // (`badge: Tutoriel`): write the whole parent anew.
        let mut whole = current
            .and_then(Value::as_mapping)
            .cloned()
            .unwrap_or_default();
        let leaf = resolve(value, None);
        set_in(&mut whole, rest, leaf.clone());
        let keep = (style == Style::FlowMapping).then_some(style);
        (
            leaf,
            emit::value_text(&Value::Mapping(whole), keep, indent, eol),
        )
    };
    let new_value_text = new_value_text.ok_or(PostError::CannotWrite(field))?;
    let key_text = &yaml[entry.span.start + indent..entry.inline.start];
    let comment = if nested.is_empty() {
        trailing_comment(inline)
    } else {
        ""
    };
    let (first_line, more) = new_value_text
        .split_once(eol)
        .map_or((new_value_text.as_str(), None), |(a, b)| (a, Some(b)));
    let mut text = format!("{}{key_text}{first_line}{comment}", " ".repeat(indent));
    if let Some(more) = more {
        text.push_str(eol);
        text.push_str(more);
    }
    text.push_str(eol);
    Ok((
        Edit {
            range: entry.span.clone(),
            text,
        },
        written,
    ))
}

fn plan_remove(
    yaml: &str,
    range: Range<usize>,
    indent: usize,
    map: &Mapping,
    keys: &[String],
    eol: &str,
) -> Result<Edit, PostError> {
    let entries = checked_entries(yaml, range, indent, map)?;
    let (key, rest) = keys.split_first().expect("a path has at least one key");
    let entry = entries
        .iter()
        .find(|e| &e.key == key)
        .ok_or(PostError::LayoutUnknown)?;
    let whole_entry = Edit {
        range: entry.span.clone(),
        text: String::new(),
    };
    if rest.is_empty() {
        return Ok(whole_entry);
    }
    let Some(Value::Mapping(inner)) = map.get(key.as_str()) else {
        return Err(PostError::LayoutUnknown);
    };
    let mut remaining = inner.clone();
    remove_in(&mut remaining, rest);
    if remaining.is_empty() {
        return Ok(whole_entry);
    }
    if let Some((nested, child_indent)) = nested_mapping(yaml, entry) {
        return plan_remove(yaml, nested, child_indent, inner, rest, eol);
    }
    // An inline parent: write it again without the removed key.
    let style = emit::style_of(&yaml[entry.inline.clone()], None, indent);
    let keep = (style == Style::FlowMapping).then_some(style);
    let value = emit::value_text(&Value::Mapping(remaining), keep, indent, eol)
        .ok_or_else(|| PostError::CannotWrite(keys.join(".")))?;
    let key_text = &yaml[entry.span.start + indent..entry.inline.start];
    Ok(Edit {
        range: entry.span.clone(),
        text: format!("{}{key_text}{value}{eol}", " ".repeat(indent)),
    })
}

/// The YAML value a `NewValue` stands for, given the field's current value.
fn resolve(value: &NewValue, current: Option<&Value>) -> Value {
    match value {
        NewValue::Value(v) => v.clone(),
        NewValue::Date { when, pattern } => {
            let existing = current.and_then(Value::as_str).and_then(dates::pattern_of);
            Value::String(dates::format(*when, existing.as_deref().unwrap_or(pattern)))
        }
    }
}

/// The text after `key:` for a leaf. Dates are written bare (as sites write
/// them) unless the field already quotes its date.
fn leaf_text(
    value: &NewValue,
    leaf: &Value,
    style: Option<Style>,
    indent: usize,
    eol: &str,
) -> Option<String> {
    if let (NewValue::Date { .. }, Value::String(token)) = (value, leaf) {
        let text = match style {
            Some(Style::SingleQuoted) => format!(" '{token}'"),
            Some(Style::DoubleQuoted) => format!(" \"{token}\""),
            _ => format!(" {token}"),
        };
        if emit::reads_back_as(&text, leaf) {
            return Some(text);
        }
    }
    emit::value_text(leaf, style, indent, eol)
}

/// Where a new top-level key goes: after the nearest field that comes before
/// it in the site's order, else before the nearest one after it, else at the end.
fn insertion_point(entries: &[Entry], order: &[String], key: &str, end: usize) -> usize {
    let Some(pos) = order.iter().position(|k| k == key) else {
        return end;
    };
    let find = |name: &String| entries.iter().find(|e| &e.key == name);
    if let Some(before) = order[..pos].iter().rev().find_map(find) {
        return before.span.end;
    }
    order[pos + 1..]
        .iter()
        .find_map(find)
        .map_or(end, |after| after.span.start)
}

/// The ` # comment` at the end of a one-line value, found by checking that
/// the value without it reads the same.
fn trailing_comment(inline: &str) -> &str {
    let whole = serde_yaml::from_str::<Value>(inline).ok();
    for (i, _) in inline.match_indices(" #") {
        if serde_yaml::from_str::<Value>(&inline[..i]).ok() == whole {
            return &inline[i..];
        }
    }
    ""
}

#[cfg(test)]
mod tests;
