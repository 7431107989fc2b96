use super::*;

fn fold(s: &str) -> String {
    s.chars()
        .filter_map(super::super::terms::fold)
        .flat_map(char::to_lowercase)
        .collect()
}

fn sk(s: &str) -> u64 {
    skeleton(&fold(s))
}

#[test]
fn spellings_of_one_name_share_a_skeleton() {
    for (ar, en) in [
        ("حمادة", "Hamada"),
        ("صابر", "Saber"),
        ("محمد", "Mohamed"),
        ("محمد", "Mohammed"),
        ("حسين", "Hussein"),
        ("قرني", "Korani"),
        ("عمرو", "Amr"),
        ("سعد", "Saad"),
        ("خالد", "Khaled"),
        ("داود", "Daoud"),
        ("هشام", "Hisham"),
        ("ياسر", "Yasser"),
        ("جمال", "Gamal"),
        ("اتحادية", "Ittihadiya"),
        ("كريستي", "Kresty"),
    ] {
        assert_ne!(sk(ar), 0, "{ar}");
        assert_eq!(sk(ar), sk(en), "{ar} {en}");
    }
    // Different names stay apart.
    assert_ne!(sk("صابر"), sk("Samir"));
    assert_ne!(sk("حسين"), sk("Hesham"));
    assert_eq!(sk("2013"), 0);
    assert_eq!(sk("Ζeus"), 0);
}

fn words(text: &str) -> Vec<(String, bool)> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| (fold(w), w.starts_with(char::is_uppercase)))
        .collect()
}

fn terms(text: &str) -> Vec<u64> {
    let ws = words(text);
    let ws: Vec<Word> = ws
        .iter()
        .map(|(t, c)| Word {
            text: t,
            capital: *c,
            entity: false,
        })
        .collect();
    let mut out = Vec::new();
    find(ws.len(), |k| ws[k], |h| out.push(h));
    out.sort_unstable();
    out
}

#[test]
fn a_name_gives_the_same_terms_in_both_scripts() {
    let ar = terms("وتوفي الشاب عمرو سعد عبد الرحمن أمس متأثرا بإصابته");
    let en = terms("Amr Saad Abdel-Rahman, 20, died on Sunday");
    assert_eq!(en.len(), 3, "{en:?}");
    assert!(en.iter().all(|t| ar.contains(t)), "{ar:?} {en:?}");
    let ar = terms("سحل المواطن حمادة صابر أمام القصر");
    let en = terms("the beating of Hamada Saber outside the palace");
    assert_eq!(en.len(), 1);
    assert!(ar.contains(&en[0]));
    // «ومحمد حسين القرني» and "Mohamed Hussein El-Korani".
    // Glued: «عبدالرحمن», "Abdelrahman".
    assert_eq!(terms("عمرو سعد عبدالرحمن"), terms("Amr Saad Abdelrahman"));
    let ar = terms("ومحمد حسين القرني");
    let en = terms("Mohamed Hussein El-Korani");
    assert_eq!(ar, en);
}

#[test]
fn words_that_are_no_names_give_nothing() {
    // Lower case, or a capital that is no given name.
    assert!(terms("hamada saber said").is_empty());
    assert!(terms("Second Egyptian Protester Dies").is_empty());
    // A given name alone is no pair.
    assert!(terms("Mohamed said").is_empty());
    assert!(terms("محمد").is_empty());
}
