//! The two languages Billet speaks, and the trait every error implements so
//! that the CLI and the app can show it to an author in their language.

/// A language of the user interface.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
    ts_rs::TS,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    /// Picks the language from a POSIX locale string such as `fr_FR.UTF-8`.
    /// Anything that is not French is English.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("fr") {
            Lang::Fr
        } else {
            Lang::En
        }
    }

    /// Picks the language the way POSIX programs do: `LC_ALL`, then
    /// `LC_MESSAGES`, then `LANG`; the first one set and non-empty wins.
    pub fn from_env_values(values: [Option<String>; 3]) -> Lang {
        values
            .into_iter()
            .flatten()
            .find(|v| !v.is_empty())
            .map(|v| Lang::from_locale(&v))
            .unwrap_or_default()
    }

    /// Chooses between the French and English wording of one message.
    pub fn pick<T>(self, fr: T, en: T) -> T {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }
}

/// What every error that may reach an author offers: a stable code that the
/// UI can key on, and a sentence in the author's language that says what
/// happened and what to do.
pub trait Explain {
    fn code(&self) -> &'static str;
    fn message(&self, lang: Lang) -> String;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_picks_french_only_for_french() {
        assert_eq!(Lang::from_locale("fr_FR.UTF-8"), Lang::Fr);
        assert_eq!(Lang::from_locale("fr"), Lang::Fr);
        assert_eq!(Lang::from_locale("en_GB.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C"), Lang::En);
    }

    #[test]
    fn env_order_is_lc_all_then_lc_messages_then_lang() {
        let s = |v: &str| Some(v.to_string());
        assert_eq!(
            Lang::from_env_values([None, s("fr_FR"), s("en_US")]),
            Lang::Fr
        );
        assert_eq!(
            Lang::from_env_values([s("en_US"), s("fr_FR"), None]),
            Lang::En
        );
        assert_eq!(Lang::from_env_values([s(""), None, s("fr_CA")]), Lang::Fr);
        assert_eq!(Lang::from_env_values([None, None, None]), Lang::En);
    }
}
