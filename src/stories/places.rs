//! Places named by articles and stories: two reports that each name a place in their
//! title, where neither's title place is named anywhere in the other, are about
//! different events, however alike their words (road accidents on the same day in
//! Assiut and in Tanta are told with the same dead, injured, ambulances and
//! prosecutors). Places are the gazetteer's (`assets/gazetteer.toml`, `[places]`);
//! docs/stories.md, "Places", says where the rule holds and where it does not.

use super::cluster::Item;
use super::gazetteer::Gazetteer;
use super::terms::{Terms, is_entity};

/// The gazetteer places of an article or a story, as entity terms sorted by term:
/// those named in a title, and those named anywhere (the title's among them).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Places {
    pub title: Vec<u64>,
    pub all: Vec<u64>,
}

impl Places {
    pub fn of(item: &Item, gaz: &Gazetteer) -> Places {
        // Terms are sorted by term: so are the places picked from them.
        let pick = |t: &Terms| {
            t.0.iter()
                .map(|x| x.0)
                .filter(|&h| is_entity(h) && gaz.is_place(h))
                .collect::<Vec<u64>>()
        };
        Places {
            title: pick(item.title),
            all: pick(item.terms),
        }
    }

    /// Whether `self` and `other` are about different places: both name one in a
    /// title, and neither names anywhere a place of the other's titles. Lenient on
    /// purpose: «تركيا» in one title and «أنقرة» in the other are not apart as soon
    /// as either text names the other's place.
    pub fn apart(&self, other: &Places) -> bool {
        !self.title.is_empty()
            && !other.title.is_empty()
            && disjoint(&self.title, &other.all)
            && disjoint(&other.title, &self.all)
    }

    /// Takes in `other`'s places (a story taking an article, or another story).
    pub fn extend(&mut self, other: &Places) {
        union(&mut self.title, &other.title);
        union(&mut self.all, &other.all);
    }

    /// The places of several together.
    pub fn of_all<'a>(parts: impl IntoIterator<Item = &'a Places>) -> Places {
        let mut p = Places::default();
        for q in parts {
            p.extend(q);
        }
        p
    }
}

/// Whether two sorted lists share no element.
fn disjoint(a: &[u64], b: &[u64]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return false,
        }
    }
    true
}

/// `a` ∪ `b` into `a`, both sorted, without repeats.
fn union(a: &mut Vec<u64>, b: &[u64]) {
    if b.iter().all(|x| a.binary_search(x).is_ok()) {
        return;
    }
    a.extend_from_slice(b);
    a.sort_unstable();
    a.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places(title: &[u64], body: &[u64]) -> Places {
        let mut all: Vec<u64> = title.iter().chain(body).copied().collect();
        all.sort_unstable();
        all.dedup();
        let mut title = title.to_vec();
        title.sort_unstable();
        Places { title, all }
    }

    #[test]
    fn apart_only_when_neither_names_the_others_title_place() {
        let (assiut, tanta, gharbia, egypt) = (1, 2, 3, 4);
        let a = places(&[assiut], &[egypt]);
        let b = places(&[tanta], &[gharbia, egypt]);
        assert!(a.apart(&b) && b.apart(&a));
        // The other's title place named in a body: maybe the same event.
        assert!(!a.apart(&places(&[tanta], &[assiut])));
        // A title without a place says nothing.
        assert!(!a.apart(&places(&[], &[tanta])));
        assert!(!a.apart(&places(&[assiut, tanta], &[])));
        let mut s = a.clone();
        s.extend(&places(&[tanta], &[]));
        assert_eq!(s, places(&[assiut, tanta], &[egypt]));
        assert_eq!(Places::of_all([&a, &b]).all, vec![1, 2, 3, 4]);
    }
}
