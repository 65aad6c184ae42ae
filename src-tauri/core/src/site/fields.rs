//! The form's fields, in Decap CMS's vocabulary (`name`, `label`, `widget`,
//! `required`, `default`, `hint`, `pattern`, ...), and the checks a value must
//! pass before it is saved.

use serde::{Deserialize, Serialize};
use serde_yaml::Value;

use crate::lang::{Explain, Lang};
use crate::post::scalar_text;

/// A piece of text given in one language for all, or per language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(untagged)]
pub enum Label {
    Same(String),
    PerLanguage {
        #[serde(default)]
        #[ts(optional = nullable)]
        fr: Option<String>,
        #[serde(default)]
        #[ts(optional = nullable)]
        en: Option<String>,
    },
}

impl Label {
    /// The text in `lang`, falling back to the other language.
    pub fn get(&self, lang: Lang) -> &str {
        match self {
            Label::Same(s) => s,
            Label::PerLanguage { fr, en } => {
                let (first, second) = lang.pick((fr, en), (en, fr));
                first.as_deref().or(second.as_deref()).unwrap_or("")
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Widget {
    String,
    Text,
    Datetime,
    Select,
    Object,
    List,
    Image,
    Boolean,
    Number,
    Hidden,
}

/// An option of a `select`: a bare value, or a value with its own label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(untagged)]
pub enum SelectOption {
    Value(String),
    Labelled { label: Label, value: String },
}

impl SelectOption {
    pub fn value(&self) -> &str {
        match self {
            SelectOption::Value(v) | SelectOption::Labelled { value: v, .. } => v,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub name: String,
    #[serde(default)]
    pub label: Option<Label>,
    pub widget: Widget,
    /// As in Decap CMS, a field is required unless it says `required: false`.
    #[serde(default = "yes")]
    pub required: bool,
    #[serde(default)]
    #[ts(type = "unknown")]
    pub default: Option<Value>,
    #[serde(default)]
    pub hint: Option<Label>,
    /// `[regular expression, message]`, as in Decap CMS.
    #[serde(default)]
    pub pattern: Option<(String, Label)>,
    /// Longest text accepted (`string`, `text`), in characters.
    #[serde(default)]
    pub max_length: Option<usize>,
    /// Smallest and largest number (`number`), or item count (`list`).
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub max: Option<f64>,
    /// `int` or `float`, for `number`.
    #[serde(default)]
    pub value_type: Option<String>,
    /// The choices of a `select`.
    #[serde(default)]
    pub options: Vec<SelectOption>,
    /// A `select` that takes several options.
    #[serde(default)]
    pub multiple: bool,
    /// The fields of an `object`, or of each item of a `list`.
    #[serde(default)]
    pub fields: Vec<Field>,
    /// How a `datetime` is written; see `post::format_date`.
    #[serde(default)]
    pub format: Option<String>,
}

fn yes() -> bool {
    true
}

/// What is wrong with a field's value, to show next to the field.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum FieldProblem {
    Missing,
    TooLong { max: usize, length: usize },
    NotANumber,
    OutOfRange { min: Option<f64>, max: Option<f64> },
    NotADate,
    NotAnOption,
    NoMatch { message: Label },
    WrongShape,
}

impl Explain for FieldProblem {
    fn code(&self) -> &'static str {
        match self {
            FieldProblem::Missing => "missing",
            FieldProblem::TooLong { .. } => "too_long",
            FieldProblem::NotANumber => "not_a_number",
            FieldProblem::OutOfRange { .. } => "out_of_range",
            FieldProblem::NotADate => "not_a_date",
            FieldProblem::NotAnOption => "not_an_option",
            FieldProblem::NoMatch { .. } => "no_match",
            FieldProblem::WrongShape => "wrong_shape",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match self {
            FieldProblem::Missing => lang
                .pick("Ce champ est obligatoire.", "This field is required.")
                .into(),
            FieldProblem::TooLong { max, length } => match lang {
                Lang::Fr => format!("{length} caractères : {max} au plus."),
                Lang::En => format!("{length} characters: {max} at most."),
            },
            FieldProblem::NotANumber => lang
                .pick("Un nombre est attendu.", "A number is expected.")
                .into(),
            FieldProblem::OutOfRange { min, max } => {
                let bound = |b: &Option<f64>| b.map_or("…".to_string(), |v| v.to_string());
                match lang {
                    Lang::Fr => format!("Entre {} et {}.", bound(min), bound(max)),
                    Lang::En => format!("Between {} and {}.", bound(min), bound(max)),
                }
            }
            FieldProblem::NotADate => lang
                .pick(
                    "Une date comme 2025-01-31 est attendue.",
                    "A date such as 2025-01-31 is expected.",
                )
                .into(),
            FieldProblem::NotAnOption => lang
                .pick("Choisissez l'une des options.", "Pick one of the options.")
                .into(),
            FieldProblem::NoMatch { message } => message.get(lang).to_string(),
            FieldProblem::WrongShape => lang
                .pick(
                    "Cette valeur n'a pas la forme attendue.",
                    "This value does not have the expected shape.",
                )
                .into(),
        }
    }
}

impl Field {
    /// The label in `lang`, or the field's name when it has none.
    pub fn label(&self, lang: Lang) -> &str {
        self.label.as_ref().map_or(&self.name, |l| l.get(lang))
    }

    /// Checks a value (or its absence) against this field.
    pub fn check(&self, value: Option<&Value>) -> Vec<FieldProblem> {
        let empty = match value {
            None | Some(Value::Null) => true,
            Some(Value::String(s)) => s.trim().is_empty(),
            Some(Value::Sequence(items)) => items.is_empty(),
            _ => false,
        };
        if empty {
            let required =
                self.required && self.widget != Widget::Hidden && self.widget != Widget::Boolean;
            return if required {
                vec![FieldProblem::Missing]
            } else {
                Vec::new()
            };
        }
        let value = value.expect("checked above");
        let mut problems = Vec::new();
        match self.widget {
            Widget::String | Widget::Text | Widget::Image => match scalar_text(value) {
                Some(text) => {
                    let length = text.chars().count();
                    if let Some(max) = self.max_length.filter(|&m| length > m) {
                        problems.push(FieldProblem::TooLong { max, length });
                    }
                    if let Some((re, message)) = &self.pattern {
                        if regex::Regex::new(re).is_ok_and(|re| !re.is_match(&text)) {
                            problems.push(FieldProblem::NoMatch {
                                message: message.clone(),
                            });
                        }
                    }
                }
                // An image may be an object such as `{src: ...}`.
                None if self.widget == Widget::Image && value.is_mapping() => {}
                None => problems.push(FieldProblem::WrongShape),
            },
            Widget::Number => match value
                .as_f64()
                .or_else(|| value.as_str().and_then(|s| s.parse().ok()))
            {
                Some(n) if self.min.is_some_and(|m| n < m) || self.max.is_some_and(|m| n > m) => {
                    problems.push(FieldProblem::OutOfRange {
                        min: self.min,
                        max: self.max,
                    })
                }
                Some(_) => {}
                None => problems.push(FieldProblem::NotANumber),
            },
            Widget::Datetime => {
                if scalar_text(value)
                    .and_then(|t| crate::post::parse_date(&t))
                    .is_none()
                {
                    problems.push(FieldProblem::NotADate);
                }
            }
            Widget::Select => {
                let chosen: Vec<String> = match value {
                    Value::Sequence(items) if self.multiple => {
                        items.iter().filter_map(scalar_text).collect()
                    }
                    other => scalar_text(other).into_iter().collect(),
                };
                if chosen.is_empty()
                    || chosen
                        .iter()
                        .any(|c| !self.options.iter().any(|o| o.value() == c))
                {
                    problems.push(FieldProblem::NotAnOption);
                }
            }
            Widget::Object => match value.as_mapping() {
                Some(map) => {
                    for field in &self.fields {
                        problems.extend(field.check(map.get(field.name.as_str())));
                    }
                }
                None => problems.push(FieldProblem::WrongShape),
            },
            Widget::List => match value.as_sequence() {
                Some(items) => {
                    let n = items.len() as f64;
                    if self.min.is_some_and(|m| n < m) || self.max.is_some_and(|m| n > m) {
                        problems.push(FieldProblem::OutOfRange {
                            min: self.min,
                            max: self.max,
                        });
                    }
                }
                None => problems.push(FieldProblem::WrongShape),
            },
            Widget::Boolean => {
                if !value.is_bool() {
                    problems.push(FieldProblem::WrongShape);
                }
            }
            Widget::Hidden => {}
        }
        problems
    }

    /// Turns text typed on a command line into this field's YAML value:
    /// numbers for `number`, true/false for `boolean`, comma-separated items
    /// for `list` and multiple `select`, text otherwise.
    pub fn value_from_text(&self, text: &str) -> Option<Value> {
        match self.widget {
            Widget::Number => {
                let int = self.value_type.as_deref() != Some("float");
                if int {
                    text.trim().parse::<i64>().ok().map(Value::from)
                } else {
                    text.trim().parse::<f64>().ok().map(Value::from)
                }
            }
            Widget::Boolean => match text.trim().to_ascii_lowercase().as_str() {
                "true" | "yes" | "oui" | "1" => Some(Value::Bool(true)),
                "false" | "no" | "non" | "0" => Some(Value::Bool(false)),
                _ => None,
            },
            Widget::List => Some(Value::Sequence(split_items(text))),
            Widget::Select if self.multiple => Some(Value::Sequence(split_items(text))),
            _ => Some(Value::String(text.to_string())),
        }
    }
}

fn split_items(text: &str) -> Vec<Value> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| Value::String(s.into()))
        .collect()
}

/// The problems of every field of a front matter, each with its dotted path
/// (`badge.label`), so that a form can show them next to their field.
pub fn problems_by_field(
    fields: &[Field],
    map: &serde_yaml::Mapping,
) -> Vec<(String, FieldProblem)> {
    let mut out = Vec::new();
    for field in fields {
        let value = map.get(field.name.as_str());
        match value.and_then(Value::as_mapping) {
            Some(inner) if field.widget == Widget::Object => {
                for (path, problem) in problems_by_field(&field.fields, inner) {
                    out.push((format!("{}.{path}", field.name), problem));
                }
            }
            _ => out.extend(
                field
                    .check(value)
                    .into_iter()
                    .map(|p| (field.name.clone(), p)),
            ),
        }
    }
    out
}

/// Finds a field by a dotted path (`badge.label`) among `fields`.
pub fn find<'a>(fields: &'a [Field], path: &str) -> Option<&'a Field> {
    let (head, tail) = path
        .split_once('.')
        .map_or((path, None), |(h, t)| (h, Some(t)));
    let field = fields
        .iter()
        .find(|f| f.name == path)
        .or_else(|| fields.iter().find(|f| f.name == head))?;
    match tail {
        Some(rest) if field.name == head => find(&field.fields, rest),
        _ => Some(field),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(yaml: &str) -> Field {
        serde_yaml::from_str(yaml).unwrap()
    }

    #[test]
    fn required_by_default_like_decap() {
        let f = field("{name: title, widget: string}");
        assert_eq!(f.check(None), vec![FieldProblem::Missing]);
        assert_eq!(
            f.check(Some(&Value::String("  ".into()))),
            vec![FieldProblem::Missing]
        );
        let optional = field("{name: description, widget: text, required: false}");
        assert!(optional.check(None).is_empty());
    }

    #[test]
    fn length_pattern_number_select_date() {
        let f = field("{name: d, widget: text, max_length: 5}");
        assert_eq!(
            f.check(Some(&"éééééé".into())),
            vec![FieldProblem::TooLong { max: 5, length: 6 }]
        );
        let f = field(
            "{name: id, widget: string, pattern: ['^[a-z-]+$', {fr: Minuscules, en: Lowercase}]}",
        );
        assert!(matches!(
            f.check(Some(&"Abc".into()))[0],
            FieldProblem::NoMatch { .. }
        ));
        assert!(f.check(Some(&"abc".into())).is_empty());
        let f = field("{name: n, widget: number, min: 1, max: 3}");
        assert!(matches!(
            f.check(Some(&Value::from(4)))[0],
            FieldProblem::OutOfRange { .. }
        ));
        assert_eq!(f.check(Some(&"x".into())), vec![FieldProblem::NotANumber]);
        let f = field("{name: s, widget: select, options: [a, {label: Bee, value: b}]}");
        assert!(f.check(Some(&"b".into())).is_empty());
        assert_eq!(f.check(Some(&"c".into())), vec![FieldProblem::NotAnOption]);
        let f = field("{name: date, widget: datetime}");
        assert!(f.check(Some(&"2024-12-17T00:00:00.000Z".into())).is_empty());
        assert_eq!(
            f.check(Some(&"demain".into())),
            vec![FieldProblem::NotADate]
        );
    }

    #[test]
    fn objects_check_their_fields() {
        let f = field("{name: badge, widget: object, fields: [{name: label, widget: string}]}");
        let empty: Value = serde_yaml::from_str("{}").unwrap();
        assert_eq!(f.check(Some(&empty)), vec![FieldProblem::Missing]);
        assert_eq!(
            f.check(Some(&"Tutoriel".into())),
            vec![FieldProblem::WrongShape]
        );
    }

    #[test]
    fn finds_nested_fields_and_reads_typed_text() {
        let fields: Vec<Field> = serde_yaml::from_str(
            "[{name: badge, widget: object, fields: [{name: label, widget: string}]}, {name: n, widget: number}, {name: tags, widget: list}]",
        )
        .unwrap();
        assert_eq!(find(&fields, "badge.label").unwrap().name, "label");
        assert_eq!(
            find(&fields, "n").unwrap().value_from_text("12"),
            Some(Value::from(12))
        );
        assert_eq!(find(&fields, "n").unwrap().value_from_text("douze"), None);
        assert_eq!(
            find(&fields, "tags")
                .unwrap()
                .value_from_text("a, b")
                .unwrap()
                .as_sequence()
                .unwrap()
                .len(),
            2
        );
        assert!(find(&fields, "nothing").is_none());
    }

    #[test]
    fn problems_are_given_per_leaf_field() {
        let fields: Vec<Field> = serde_yaml::from_str(
            "[{name: badge, widget: object, fields: [{name: label, widget: string}]}, {name: title, widget: string}]",
        )
        .unwrap();
        let map: serde_yaml::Mapping =
            serde_yaml::from_str("badge: {label: ''}\ntitle: T").unwrap();
        assert_eq!(
            problems_by_field(&fields, &map),
            vec![("badge.label".to_string(), FieldProblem::Missing)]
        );
        let map: serde_yaml::Mapping = serde_yaml::from_str("title: T").unwrap();
        assert_eq!(
            problems_by_field(&fields, &map),
            vec![("badge".to_string(), FieldProblem::Missing)]
        );
    }

    #[test]
    fn labels_fall_back_to_the_other_language() {
        let l: Label = serde_yaml::from_str("{fr: Titre}").unwrap();
        assert_eq!(l.get(Lang::En), "Titre");
        let l: Label = serde_yaml::from_str("{fr: Titre, en: Title}").unwrap();
        assert_eq!(l.get(Lang::En), "Title");
    }
}
