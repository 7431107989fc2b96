//! Questions about the claims the views ask: a claim by id, conflicts, group labels,
//! the claims table's order.

use crate::claims::Verdict;

use super::State;
use super::{ClaimIndex, SortKey};
use crate::claims::{Analysis, Claim};
use crate::corpus::Article;
use std::collections::HashMap;

impl State {
    // ---- claims helpers -----------------------------------------------------------

    pub fn claim(&self, id: usize) -> Option<&Claim> {
        self.analysis
            .claims
            .get(id)
            .filter(|c| c.id == id)
            .or_else(|| self.analysis.claims.iter().find(|c| c.id == id))
    }

    /// Whether claim `id` is part of a conflict.
    /// How claim `c` is drawn: its topic's colour (the lexicon's `colour`), bold and
    /// underlined in a conflict.
    pub fn claim_style(&self, c: &Claim) -> ratatui::style::Style {
        let topic = c.topic.as_deref();
        let colour = topic
            .and_then(|t| crate::claims::present::topic_colour(&self.lexicon, t))
            .and_then(|c| c.name().parse::<ratatui::style::Color>().ok());
        self.theme().claim(topic, colour, self.in_conflict(c.id))
    }

    pub fn in_conflict(&self, id: usize) -> bool {
        self.index.conflicting.contains(&id)
    }

    /// Installs an analysis made later (in the background), keeping everything else.
    pub fn set_analysis(&mut self, analysis: Analysis) {
        self.index = build_index(&self.articles, &analysis);
        self.analysis = analysis;
        self.status = Some(format!(
            "claims analysed: {} claims, {} topics",
            self.analysis.claims.len(),
            self.analysis.groups.len()
        ));
    }

    /// A group's name: its topic's label, the scope and year when it has them
    /// («القتلى · قوات الأمن»).
    pub fn group_label(&self, g: &crate::claims::Group) -> String {
        let lang = crate::ui::compare::label_lang(self);
        crate::claims::present::group_label(&self.lexicon, g, lang)
    }

    /// Groups with verdict conflict, in analysis order.
    pub fn conflict_groups(&self) -> Vec<usize> {
        (0..self.analysis.groups.len())
            .filter(|&g| self.analysis.groups[g].verdict == Verdict::Conflict)
            .collect()
    }

    /// The claims table's rows (group indices) in the chosen order.
    pub fn table_rows(&self) -> Vec<usize> {
        let mut rows: Vec<usize> = (0..self.analysis.groups.len()).collect();
        let rank = |v: Verdict| match v {
            Verdict::Conflict => 0,
            Verdict::Compatible => 1,
            Verdict::Agree => 2,
            Verdict::Single => 3,
        };
        match self.sort {
            SortKey::Topic => {}
            SortKey::Verdict => rows.sort_by_key(|&g| rank(self.analysis.groups[g].verdict)),
            SortKey::Spread => {
                let spread = |g: usize| -> f64 {
                    let vals: Vec<f64> = self.analysis.groups[g]
                        .claims
                        .iter()
                        .filter_map(|c| self.claim(*c))
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

/// The claim index of an analysis over `articles`.
pub(crate) fn build_index(articles: &[Article], analysis: &Analysis) -> ClaimIndex {
    let mut ix = ClaimIndex::default();
    let by_id: HashMap<&str, usize> = articles
        .iter()
        .enumerate()
        .rev()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    for c in &analysis.claims {
        let Some(&ai) = by_id.get(c.article.as_str()) else {
            continue;
        };
        ix.article_of.insert(c.id, ai);
        ix.by_para
            .entry((ai, c.paragraph.saturating_sub(1)))
            .or_default()
            .push(c.id);
    }
    for (g, group) in analysis.groups.iter().enumerate() {
        for c in &group.claims {
            ix.group_of.insert(*c, g);
        }
        if group.verdict == Verdict::Conflict {
            if group.conflicts.is_empty() {
                ix.conflicting.extend(group.claims.iter().copied());
            } else {
                for (a, b) in &group.conflicts {
                    ix.conflicting.insert(*a);
                    ix.conflicting.insert(*b);
                }
            }
        }
    }
    ix
}
