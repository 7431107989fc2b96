//! The lexicon file format (`assets/lexicon.toml`, `--lexicon FILE`): its tables, how
//! two files merge, and the checks a file must pass.

use std::path::Path;

use serde::Deserialize;

use super::LexiconError;

/// One topic as written in the lexicon file.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TopicDef {
    pub key: String,
    /// Arabic display label («القوات»).
    #[serde(default)]
    pub label: String,
    /// English display label.
    #[serde(default)]
    pub en: String,
    /// A colour hint for views (a ratatui/terminal colour name).
    #[serde(default)]
    pub colour: Option<String>,
    /// What happened (مقتل، اعتقل*): decides the topic before the counted noun.
    #[serde(default)]
    pub events: Vec<String>,
    /// What is counted (جندي، راكب).
    #[serde(default)]
    pub nouns: Vec<String>,
    /// Units that imply this topic on their own (square metres → area).
    #[serde(default)]
    pub units: Vec<String>,
    /// The topic applies only with one of these units (border length needs metres).
    #[serde(default)]
    pub requires_unit: Vec<String>,
    /// A catch-all topic (people in general): a more specific topic named earlier in
    /// the sentence wins over it.
    #[serde(default)]
    pub generic: bool,
    /// A percentage can be one of its figures (a rate of a reserve, of an area); false
    /// for a span of time («2 per cent month-on-month» is no duration).
    #[serde(default = "yes")]
    pub percent: bool,
    /// The topic counts people: a number with any other unit (cars, metres, years of
    /// age, per cent) is never one of its claims.
    #[serde(default)]
    pub people: bool,
    /// Its nouns name who is counted (soldiers, fighters), not what happened to them:
    /// listed after another event's figure («قتل 5 جنود و3 مسلحين») they take that event.
    #[serde(default)]
    pub actors: bool,
    /// Nouns that count one on their own, in the singular (قتيل، حالة وفاة); their dual
    /// counts two (see `claims::implicit`). A trailing `+` marks a sound plural in ين.
    #[serde(default)]
    pub one: Vec<String>,
    /// Its events are verbs («تظاهر»، «احتج»): with the article after one of the
    /// lexicon's `act_nouns` the same letters are the verbal noun, the act («حق
    /// التظاهر»), which counts no one; elsewhere («توافد الآلاف للتظاهر») it still names
    /// what the figure did.
    #[serde(default)]
    pub verbs: bool,
    /// Nouns that count the topic only when a `sending` word stands in the figure's
    /// clause: "personnel" is any staff («hundreds of low-ranking personnel went on
    /// strike»), troops when carried or sent ("The planes carried 600 personnel").
    #[serde(default)]
    pub sent_nouns: Vec<String>,
}

/// A subject scope that splits a topic (security forces vs civilians).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ScopeDef {
    pub key: String,
    #[serde(default)]
    pub label: String,
    /// English display label.
    #[serde(default)]
    pub en: String,
    pub words: Vec<String>,
    /// A party to amounts of these topics (a lender, a donor): named anywhere in the
    /// amount's clause, it splits them («قرض صندوق النقد» is not «قرض الاتحاد
    /// الأوروبي»). Empty: a subject of a head count, named after the number.
    #[serde(default)]
    pub topics: Vec<String>,
    /// With `topics`: how many words from the figure the party may stand (a setting such
    /// as «نقل 32 مصابا إلى مستشفى» qualifies the figure next to it, not a whole clause).
    #[serde(default)]
    pub reach: Option<usize>,
}

/// A unit and the factor to its base unit (كيلومتر → metre × 1000).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct UnitDef {
    pub key: String,
    #[serde(default = "one")]
    pub factor: f64,
    /// A currency's approximate value in US dollars: amounts in different currencies
    /// are compared through it, never as bare numbers.
    #[serde(default)]
    pub rate: Option<f64>,
    #[serde(default)]
    pub words: Vec<String>,
    /// Signs and codes written before the number, glued or not (`$`, `LE`, `EGP`).
    #[serde(default)]
    pub symbols: Vec<String>,
    /// A measure written to decimals (tonnes, kilograms, kilometres, index points):
    /// «1.600 طن» is 1.6 tonnes, where a count's «10.000» groups thousands
    /// (docs/claims.md, "How it reads numbers").
    #[serde(default)]
    pub decimals: bool,
}

fn yes() -> bool {
    true
}

fn one() -> f64 {
    1.0
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LexiconFile {
    #[serde(default)]
    pub(super) hedges: Vec<String>,
    #[serde(default)]
    pub(super) attribution: Vec<String>,
    #[serde(default, rename = "topic")]
    pub(super) topics: Vec<TopicDef>,
    #[serde(default, rename = "scope")]
    pub(super) scopes: Vec<ScopeDef>,
    #[serde(default, rename = "unit")]
    pub(super) units: Vec<UnitDef>,
    /// Words that make a figure an update of an earlier one («ارتفع العدد إلى»).
    #[serde(default)]
    pub(super) updates: Vec<String>,
    /// Words that introduce a part of a total («منهم»، «من بينهم»).
    #[serde(default)]
    pub(super) parts: Vec<String>,
    /// Verbs and nouns of change: an amount «by» which something changed («انخفض
    /// بمقدار») is a change, not a level.
    #[serde(default)]
    pub(super) changes: Vec<String>,
    /// Words that introduce an earlier value («مقابل»، «بعد أن كان»).
    #[serde(default)]
    pub(super) previous: Vec<String>,
    /// Words of expectation before a figure («يتوقع»، "forecast"): a forecast is not a
    /// report of what happened (scope "forecast").
    #[serde(default)]
    pub(super) forecasts: Vec<String>,
    /// Words that tie an amount to the noun before them («قرض بقيمة 4.8 مليار»، "a loan
    /// worth"): that noun is what the amount measures.
    #[serde(default)]
    pub(super) worth: Vec<String>,
    /// Words that put a figure in the past of the story («العام الماضي»، «قبل أيام»،
    /// "last year"): background, not the event's figure (scope "earlier").
    #[serde(default)]
    pub(super) background: Vec<String>,
    /// Words that restate the figure before them in another measure («فقد 9.3% تعادل
    /// نحو 1.4 مليار», "equivalent to"): the amount measures what that figure measures.
    #[serde(default)]
    pub(super) restates: Vec<String>,
    /// Verbs of causing after a figure («أدت إلى»، "led to"): what follows is what its
    /// clause caused, not what happened to the figure.
    #[serde(default)]
    pub(super) causes: Vec<String>,
    /// Nouns that name a work or an outlet (برنامج، مسلسل، فيلم، كتاب، جريدة): a number
    /// in quotes right after one is part of a title («برنامج "90 دقيقة"»), not a claim.
    #[serde(default)]
    pub(super) titles: Vec<String>,
    /// Nouns a verbal noun is the act of («حق التظاهر»، «قانون تنظيم التظاهر»): after one
    /// the article-bearing form of a `verbs` topic's event counts no one.
    #[serde(default)]
    pub(super) act_nouns: Vec<String>,
    /// Verbs of sending or carrying ("sent", "carried", "deployed"): they make a topic's
    /// `sent_nouns` count it.
    #[serde(default)]
    pub(super) sending: Vec<String>,
    /// The forms of «قام/قيام» right before a figure that make it the doer of what
    /// follows in «ب» («قيام اثنين … بقتل المأمور»: they killed, they were not killed).
    #[serde(default)]
    pub(super) doers: Vec<String>,
    /// Nouns of places (ميدان، محافظة، "city"): in a list of figures each followed by
    /// «في …» they name the place of a part, and the name after them is its scope.
    #[serde(default)]
    pub(super) places: Vec<String>,
    /// Nouns of one person (شخص، مواطنة): after an event of a people topic the singular
    /// counts one, the dual two. A trailing `+` marks a sound plural in ين (مواطنين).
    #[serde(default)]
    pub(super) persons: Vec<String>,
    /// Negations that make «أي …» a count of zero (لم، لا، دون).
    #[serde(default)]
    pub(super) negations: Vec<String>,
    /// The words of another language (`[lang.en]`), in this same shape: merged into the
    /// topics, scopes and units of the same key, so a new language is data.
    #[serde(default)]
    pub(super) lang: std::collections::BTreeMap<String, LexiconFile>,
}

/// Adds the words of `o` to `file` (see `Lexicon::merge`); language sections stay
/// separate until `compile` folds them in.
pub(super) fn merge_file(file: &mut LexiconFile, o: LexiconFile) {
    file.hedges.extend(o.hedges);
    file.attribution.extend(o.attribution);
    file.updates.extend(o.updates);
    file.parts.extend(o.parts);
    file.changes.extend(o.changes);
    file.previous.extend(o.previous);
    file.forecasts.extend(o.forecasts);
    file.worth.extend(o.worth);
    file.background.extend(o.background);
    file.restates.extend(o.restates);
    file.causes.extend(o.causes);
    file.titles.extend(o.titles);
    file.act_nouns.extend(o.act_nouns);
    file.sending.extend(o.sending);
    file.doers.extend(o.doers);
    file.places.extend(o.places);
    file.persons.extend(o.persons);
    file.negations.extend(o.negations);
    for t in o.topics {
        match file.topics.iter_mut().find(|x| x.key == t.key) {
            Some(x) => {
                x.events.extend(t.events);
                x.nouns.extend(t.nouns);
                x.units.extend(t.units);
                x.requires_unit.extend(t.requires_unit);
                if !t.label.is_empty() {
                    x.label = t.label;
                }
                if !t.en.is_empty() {
                    x.en = t.en;
                }
                x.generic |= t.generic;
                x.people |= t.people;
                x.actors |= t.actors;
                x.one.extend(t.one);
                x.verbs |= t.verbs;
                x.sent_nouns.extend(t.sent_nouns);
                if t.colour.is_some() {
                    x.colour = t.colour;
                }
            }
            None => file.topics.push(t),
        }
    }
    for s in o.scopes {
        match file.scopes.iter_mut().find(|x| x.key == s.key) {
            Some(x) => {
                x.words.extend(s.words);
                x.topics.extend(s.topics);
                if s.reach.is_some() {
                    x.reach = s.reach;
                }
                if !s.en.is_empty() {
                    x.en = s.en;
                }
            }
            None => file.scopes.push(s),
        }
    }
    for u in o.units {
        match file
            .units
            .iter_mut()
            .find(|x| x.key == u.key && x.factor == u.factor)
        {
            Some(x) => {
                x.words.extend(u.words);
                x.symbols.extend(u.symbols);
                x.decimals |= u.decimals;
            }
            None => file.units.push(u),
        }
    }
    for (tag, words) in o.lang {
        merge_file(file.lang.entry(tag).or_default(), words);
    }
}

pub(super) fn validate(file: &LexiconFile, path: &Path) -> Result<(), LexiconError> {
    let bad = |message: String| LexiconError::Invalid {
        path: path.to_path_buf(),
        message,
    };
    for t in &file.topics {
        if t.key.trim().is_empty() {
            return Err(bad("a [[topic]] has an empty key".into()));
        }
        // A colour no view can show would silently fall back: say so at load time.
        if let Some(c) = t
            .colour
            .as_deref()
            .filter(|c| crate::claims::present::Colour::parse(c).is_none())
        {
            let names: Vec<&str> = crate::claims::present::Colour::ALL
                .iter()
                .map(|c| c.name())
                .collect();
            return Err(bad(format!(
                "topic `{}` has colour `{c}`, which is none of: {}",
                t.key,
                names.join(", ")
            )));
        }
    }
    for u in &file.units {
        if !(u.factor.is_finite() && u.factor > 0.0) {
            return Err(bad(format!(
                "unit `{}` has a factor that is not a positive number",
                u.key
            )));
        }
        if u.rate.is_some_and(|r| !(r.is_finite() && r > 0.0)) {
            return Err(bad(format!(
                "unit `{}` has a rate that is not a positive number",
                u.key
            )));
        }
    }
    Ok(())
}

/// 1-based line and column (in characters) of a byte offset.
pub(super) fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(src.len());
    let before = src.get(..offset).unwrap_or(src);
    let line = before.matches('\n').count() + 1;
    let col = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (line, col)
}
