//! Questions about the claims the views ask: how a claim is drawn, group labels, the
//! claims table's order.

use crate::claims::Verdict;

use super::SortKey;
use super::State;
use crate::claims::Claim;

impl State {
    // ---- claims helpers -----------------------------------------------------------

    /// How claim `c` is drawn: its topic's colour (the lexicon's `colour`), bold and
    /// underlined in a conflict.
    pub fn claim_style(&self, c: &Claim) -> ratatui::style::Style {
        let topic = c.topic.as_deref();
        let colour = topic
            .and_then(|t| crate::claims::present::topic_colour(&self.model.lexicon, t))
            .and_then(|c| c.name().parse::<ratatui::style::Color>().ok());
        self.theme()
            .claim(topic, colour, self.model.in_conflict(c.id))
    }

    /// A group's name: its topic's label, the scope and year when it has them
    /// («القتلى · قوات الأمن»).
    pub fn group_label(&self, g: &crate::claims::Group) -> String {
        let lang = crate::ui::compare::label_lang(self);
        crate::claims::present::group_label(&self.model.lexicon, g, lang)
    }

    /// The claims table's rows (group indices) in the chosen order.
    pub fn table_rows(&self) -> Vec<usize> {
        let mut rows: Vec<usize> = (0..self.model.analysis.groups.len()).collect();
        let rank = |v: Verdict| match v {
            Verdict::Conflict => 0,
            Verdict::Compatible => 1,
            Verdict::Agree => 2,
            Verdict::Single => 3,
        };
        match self.sort {
            SortKey::Topic => {}
            SortKey::Verdict => rows.sort_by_key(|&g| rank(self.model.analysis.groups[g].verdict)),
            SortKey::Spread => {
                let spread = |g: usize| -> f64 {
                    let vals: Vec<f64> = self.model.analysis.groups[g]
                        .claims
                        .iter()
                        .filter_map(|c| self.model.claim(*c))
                        .map(|c| c.value.abs())
                        .collect();
                    let max = vals.iter().cloned().fold(0.0, f64::max);
                    let min = vals.iter().cloned().fold(f64::INFINITY, f64::min);
                    if min > 0.0 && min.is_finite() {
                        max / min
                    } else {
                        0.0
                    }
                };
                rows.sort_by(|a, b| spread(*b).total_cmp(&spread(*a)));
            }
        }
        rows
    }
}
