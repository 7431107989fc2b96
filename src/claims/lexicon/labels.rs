//! Display labels of topics and scopes in Arabic or English (the lexicon's `label` and
//! `en`; docs/claims.md, "The lexicon").

use super::Lexicon;
use crate::text::lang::Lang;

impl Lexicon {
    /// Display labels in this language from now on (`label`, `scope_label`): the
    /// lexicon's `en` labels for English, its `label`s otherwise.
    pub fn set_label_lang(&mut self, lang: Lang) {
        self.english_labels = lang == Lang::English;
    }

    /// A topic's display label («القوات», or «troops sent» after
    /// `set_label_lang(English)`), falling back to its key.
    pub fn label<'a>(&'a self, topic: &'a str) -> &'a str {
        if self.english_labels {
            return self.label_en(topic);
        }
        match self.topic(topic) {
            Some(t) if !t.label.is_empty() => &t.label,
            _ => topic,
        }
    }

    /// A topic's English label, falling back to its key.
    pub fn label_en<'a>(&'a self, topic: &'a str) -> &'a str {
        match self.topic(topic) {
            Some(t) if !t.en.is_empty() => &t.en,
            _ => topic,
        }
    }

    /// A topic's label in `lang` (its `label` or `en`), falling back to its key.
    pub fn label_in<'a>(&'a self, topic: &'a str, lang: Lang) -> &'a str {
        let t = self.topic(topic);
        let label = match lang {
            Lang::English => t.map(|t| t.en.as_str()),
            Lang::Arabic => t.map(|t| t.label.as_str()),
        };
        label.filter(|l| !l.is_empty()).unwrap_or(topic)
    }

    /// A scope's label in `lang` (its `label` or `en`), falling back to its key.
    pub fn scope_label_in<'a>(&'a self, scope: &'a str, lang: Lang) -> &'a str {
        let def = self.file.scopes.iter().find(|s| s.key == scope);
        let label = match lang {
            Lang::English => def.map(|s| s.en.as_str()),
            Lang::Arabic => def.map(|s| s.label.as_str()),
        };
        label.filter(|l| !l.is_empty()).unwrap_or(scope)
    }

    /// The language `label` and `scope_label` answer in (see `set_label_lang`).
    pub fn label_lang(&self) -> Lang {
        if self.english_labels {
            Lang::English
        } else {
            Lang::Arabic
        }
    }

    /// A colour hint for a topic (a terminal colour name), if the lexicon gives one.
    pub fn colour(&self, topic: &str) -> Option<&str> {
        self.topic(topic).and_then(|t| t.colour.as_deref())
    }

    /// A scope's display label, falling back to its key.
    pub fn scope_label<'a>(&'a self, scope: &'a str) -> &'a str {
        let def = self.file.scopes.iter().find(|s| s.key == scope);
        if self.english_labels {
            return match def {
                Some(s) if !s.en.is_empty() => &s.en,
                _ => scope,
            };
        }
        match def {
            Some(s) if !s.label.is_empty() => &s.label,
            _ => scope,
        }
    }
}
