//! Stories across languages: an article in Latin script (an English report) joins the
//! story, in Arabic script, that it shares most language-independent terms with.
//!
//! Words of two languages never meet, so the first pass leaves English reports in
//! stories of their own. What an English and an Arabic report of one event do share
//! are the gazetteer's entities («أنقرة» and "Ankara" give one term), numbers (a toll,
//! an amount) and the time they were published. Each Latin-script article is compared,
//! by the cosine of those terms alone (TF-IDF weighted), with the stories of the other
//! script open around its publication, and moves to the most similar one if the cosine
//! reaches [`Params::cross`] and at least [`MIN_SHARED`] terms are shared. People's
//! names count too, through their consonant skeletons ([`super::names`]).

use super::cluster::{Item, Params, cosine, normalise};
use super::fastmap::FastMap;
use super::terms::{LATIN, SHARED, is_name};

/// Share of Latin letters from which an article counts as written in Latin script.
const LATIN_MIN: f32 = 0.5;

/// Fewest distinct shared terms with a story to join it: one place name is not an event.
pub const MIN_SHARED: usize = 2;

/// Terms kept per vector: the heaviest.
const TOP: usize = 30;

/// How long before its first article and after its last a story may take a report.
const SLACK: i64 = 86_400;

/// `stories` (indices into `items`) with each Latin-script article moved to the
/// other-script story it matches, if any; stories left empty are dropped.
pub fn join(
    items: &[Item],
    stories: Vec<Vec<usize>>,
    df: &FastMap<u64, u32>,
    p: &Params,
) -> Vec<Vec<usize>> {
    if p.cross <= 0.0 {
        return stories;
    }
    let latin: Vec<bool> = items
        .iter()
        .map(|it| it.terms.latin_share() >= LATIN_MIN)
        .collect();
    if !latin.iter().any(|&l| l) || latin.iter().all(|&l| l) {
        return stories;
    }
    // Names ([`super::names`]) written in both scripts: an Arabic text gives a term
    // for every given name and the words after it, most of which no English text has,
    // and an English one names people no Arabic text names; in a vector such names
    // would only dilute what the two share (docs/stories.md, "Names across scripts").
    let names_in = |script: bool| -> FastMap<u64, ()> {
        items
            .iter()
            .zip(&latin)
            .filter(|&(_, &l)| l == script)
            .flat_map(|(it, _)| it.terms.0.iter().map(|&(t, _)| t).filter(|&t| is_name(t)))
            .map(|t| (t, ()))
            .collect()
    };
    let mut both = names_in(true);
    let other = names_in(false);
    both.retain(|t, _| other.contains_key(t));
    drop(other);
    let n = items.len() as f32;
    let vector = |i: usize| -> Vec<(u64, f32)> {
        let mut v: Vec<(u64, f32)> = items[i]
            .terms
            .0
            .iter()
            .filter(|&&(t, _)| t & SHARED != 0 && t != LATIN)
            .filter(|&&(t, _)| !is_name(t) || both.contains_key(&t))
            .filter_map(|&(t, w)| {
                let d = df.get(&t).copied().unwrap_or(1) as f32;
                (d >= 2.0).then(|| (t, w * (((n + 1.0) / (d + 1.0)).ln() + 1.0)))
            })
            .collect();
        v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        v.truncate(TOP);
        normalise(&mut v);
        v.sort_by_key(|x| x.0);
        v
    };

    // Targets: stories of two or more articles, mostly not in Latin script.
    struct Target {
        story: usize,
        first: i64,
        last: i64,
        centre: Vec<(u64, f32)>,
    }
    let mut targets: Vec<Target> = Vec::new();
    for (s, members) in stories.iter().enumerate() {
        let other = members.iter().filter(|&&i| !latin[i]).count();
        if members.len() < 2 || other * 2 <= members.len() {
            continue;
        }
        let times = members.iter().filter_map(|&i| items[i].published);
        let (Some(first), Some(last)) = (times.clone().min(), times.max()) else {
            continue;
        };
        let vs: Vec<Vec<(u64, f32)>> = members
            .iter()
            .filter(|&&i| !latin[i])
            .map(|&i| vector(i))
            .collect();
        let mut centre = super::cluster::centroid(vs.iter().map(Vec::as_slice));
        normalise(&mut centre);
        targets.push(Target {
            story: s,
            first,
            last,
            centre,
        });
    }
    targets.sort_by_key(|t| (t.first, t.story));

    let mut moves: Vec<(usize, usize, usize)> = Vec::new(); // (article, from, to)
    for (s, members) in stories.iter().enumerate() {
        for &i in members {
            if !latin[i] {
                continue;
            }
            let Some(t) = items[i].published else {
                continue;
            };
            let v = vector(i);
            if v.len() < MIN_SHARED {
                continue;
            }
            // Targets are by first article: those starting after t + SLACK are out.
            let end = targets.partition_point(|x| x.first <= t + SLACK);
            let best = targets[..end]
                .iter()
                .filter(|x| x.last + SLACK >= t && x.story != s)
                .filter(|x| shared(&v, &x.centre) >= MIN_SHARED)
                .map(|x| (x.story, cosine(&v, &x.centre)))
                .filter(|&(_, c)| c >= p.cross)
                // Highest cosine; on a tie the older story.
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
            if let Some((to, _)) = best {
                moves.push((i, s, to));
            }
        }
    }
    let mut stories = stories;
    for &(i, from, to) in &moves {
        stories[from].retain(|&x| x != i);
        stories[to].push(i);
    }
    stories.retain(|m| !m.is_empty());
    stories
}

/// Number of terms two vectors sorted by term have in common.
fn shared(a: &[(u64, f32)], b: &[(u64, f32)]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::super::cluster::doc_freq;
    use super::super::gazetteer::Gazetteer;
    use super::super::terms::Terms;
    use super::*;

    const T0: i64 = 1_700_000_000;

    fn run(texts: &[(&str, &str)], stories: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
        let g = Gazetteer::builtin();
        let terms: Vec<Terms> = texts.iter().map(|(t, b)| Terms::with(t, b, &g)).collect();
        let items: Vec<Item> = terms
            .iter()
            .enumerate()
            .map(|(i, t)| Item {
                published: Some(T0 + 3600 * i as i64),
                terms: t,
                title: t,
            })
            .collect();
        let mut out = join(&items, stories, &doc_freq(&items), &Params::default());
        out.iter_mut().for_each(|s| s.sort_unstable());
        out.sort();
        out
    }

    const AR1: (&str, &str) = (
        "مصرع 23 وإصابة 41 في تصادم قطارين قرب بورسعيد",
        "أعلنت وزارة الصحة مصرع 23 شخصا وإصابة 41 في تصادم قطارين قرب بور سعيد",
    );
    const AR2: (&str, &str) = (
        "وزير النقل في موقع حادث قطار بورسعيد",
        "ارتفع عدد الضحايا إلى 23 قتيلا و41 مصابا وفق وزارة الصحة",
    );

    #[test]
    fn english_report_moves_on_entities_and_numbers() {
        let en = (
            "Trains collide near Port Said",
            "The collision killed 23 and injured 41, the Health Ministry said.",
        );
        assert_eq!(
            run(&[AR1, AR2, en], vec![vec![0, 1], vec![2]]),
            vec![vec![0, 1, 2]]
        );
    }

    #[test]
    fn one_shared_name_is_not_enough() {
        let en = ("Port Said football club wins", "The team celebrated.");
        assert_eq!(
            run(&[AR1, AR2, en], vec![vec![0, 1], vec![2]]),
            vec![vec![0, 1], vec![2]]
        );
    }

    #[test]
    fn arabic_articles_are_never_moved() {
        let ar3 = ("قطار بورسعيد", "مصرع 23 وإصابة 41 ووزارة الصحة تعلن");
        assert_eq!(
            run(&[AR1, AR2, ar3], vec![vec![0, 1], vec![2]]),
            vec![vec![0, 1], vec![2]]
        );
    }
}
