//! What [`super::context`] is asked and what it finds for one claim.

use std::ops::Range;

/// Everything known about one claim in its paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Context {
    pub topic: Option<usize>,
    pub unit: Option<usize>,
    pub scope: Option<usize>,
    pub hedged: bool,
    /// Byte range of the attribution phrase in the paragraph.
    pub attribution: Option<Range<usize>>,
    pub year: Option<i32>,
    /// Byte range of a date the clause gives («حتى 10 يناير»).
    pub date: Option<Range<usize>>,
    /// Byte range of the claim's words (qualifier, number, unit or counted noun).
    pub text: Range<usize>,
    /// The token after the claim's words.
    pub noun_end: usize,
    /// Byte range of the sentence.
    pub sentence: Range<usize>,
    /// An update of an earlier figure («ارتفع عدد القتلى إلى 39»).
    pub update: bool,
    /// Introduced as a part of a total («منهم 9»، «من بينهم 10»).
    pub part: bool,
    /// An amount of change («انخفض بمقدار 1.4 مليار») or an earlier value («مقابل 15
    /// مليارا»), not the current level.
    pub measure: Option<Measure>,
    /// The topic was decided by what happened (an event word), not by a counted noun.
    pub by_event: bool,
}

/// What an amount measures when it is not the current level of its topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Change,
    Previous,
    Forecast,
    Earlier,
}

impl Measure {
    /// The scope key the claim gets.
    pub fn key(self) -> &'static str {
        match self {
            Measure::Change => "change",
            Measure::Previous => "previous",
            Measure::Forecast => "forecast",
            Measure::Earlier => "earlier",
        }
    }
}

/// What the caller of [`super::context`] asks and knows.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ask {
    /// Stop with `None` as soon as the figure is known to have no topic.
    pub needs_topic: bool,
    /// The event topic of the figure this one follows in a list («قتل 5 جنود و3
    /// مدنيين»).
    pub listed_under: Option<usize>,
}
