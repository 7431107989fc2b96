use super::*;

/// The renames as the rule was first written, all in memory (a map of every id): what
/// [`Unique`] must give, article for article.
fn in_memory(ids: &[String], paths: &[String]) -> Vec<(usize, String)> {
    let mut by_id: Vec<usize> = (0..ids.len()).collect();
    by_id.sort_by(|&a, &b| ids[a].cmp(&ids[b]));
    let mut count: HashMap<&str, usize> = HashMap::new();
    for id in ids {
        *count.entry(id).or_default() += 1;
    }
    let mut made = HashSet::new();
    let mut out = Vec::new();
    for members in by_id.chunk_by(|&a, &b| ids[a] == ids[b]) {
        if members.len() < 2 {
            continue;
        }
        let id = &ids[members[0]];
        let dirs: Vec<Vec<String>> = members.iter().map(|&i| folders(&paths[i])).collect();
        let deepest = dirs.iter().map(Vec::len).max().unwrap_or(0);
        let names = |k| -> Vec<String> { dirs.iter().map(|d| named(id, d, k)).collect() };
        let distinct = |n: &Vec<String>| n.iter().collect::<HashSet<_>>().len() == n.len();
        let names = (1..=deepest)
            .map(names)
            .find(distinct)
            .unwrap_or_else(|| names(deepest));
        for (&i, base) in members.iter().zip(names) {
            let (mut new, mut n) = (base.clone(), 1);
            while count.get(new.as_str()) == Some(&1) || !made.insert(new.clone()) {
                n += 1;
                new = format!("{base}~{n}");
            }
            out.push((i, new));
        }
    }
    out.sort();
    out
}

fn sorted_out(ids: &[String], paths: &[String]) -> Vec<(usize, String)> {
    let found = Unique::find(ids.len(), |i| Ok(ids[i].clone()), |i| Ok(paths[i].clone())).unwrap();
    let mut out = Vec::new();
    found
        .each(|i, new| {
            out.push((i, new));
            Ok(())
        })
        .unwrap();
    out.sort();
    out
}

#[test]
fn the_renames_are_those_of_the_rule_in_memory() {
    // Hand-made cases: folders from one to three deep, the same folder twice, no
    // folder, ids that are the names a rename makes (held once and colliding), an
    // id with a zero byte and one that is the start of another, a name that is an id
    // held once, a name that is another's numbered.
    let cases: &[&[(&str, &str)]] = &[
        &[("same", "cairo/same.txt"), ("same", "alex/same.txt")],
        &[("q", "p/x/q.txt"), ("q", "r/x/q.txt"), ("q", "s/q.txt")],
        &[("a", "d/a_1.txt"), ("a", "d/a_2.txt"), ("d/a~2", "e/f.txt")],
        &[
            ("0042", "0042_a.txt"),
            ("0042", "0042_b.txt"),
            ("0042~2", "0042~2.txt"),
        ],
        &[
            ("x", "x.txt"),
            ("x", "y/x.txt"),
            ("y/x", "z/y.txt"),
            ("y/x", "w/y.txt"),
        ],
        &[
            ("b", "1/b.txt"),
            ("b", "1/b.md"),
            ("1/b~2", "u.txt"),
            ("1/b~3", "v.txt"),
        ],
        &[
            ("a\0b", "k/a.txt"),
            ("a\0b", "l/a.txt"),
            ("a", "m/a.txt"),
            ("a", "n/a.txt"),
        ],
        &[("t", "/abs/t.txt"), ("t", "/abs/t.md"), ("t", "rel/t.txt")],
        &[
            ("n", "d/n.txt"),
            ("n", "d/n.md"),
            ("n", "d/n.html"),
            ("d/n~3", "e.txt"),
        ],
        &[("x", "y/x.txt"), ("x", "z/x.txt"), ("y/x", "w.txt")],
        &[
            ("a", "d/a.txt"),
            ("a", "d/a.md"),
            ("a~2", "d/a~2.txt"),
            ("a~2", "e/a~2.txt"),
        ],
    ];
    for case in cases {
        let ids: Vec<String> = case.iter().map(|(id, _)| id.to_string()).collect();
        let paths: Vec<String> = case.iter().map(|(_, p)| p.to_string()).collect();
        assert_eq!(
            sorted_out(&ids, &paths),
            in_memory(&ids, &paths),
            "{case:?}"
        );
    }
}

#[test]
fn a_folder_large_enough_to_sort_in_runs_gets_the_same_renames() {
    // 30,000 articles: the pairs and names go through several spilled runs, and ids
    // that collide are far apart in input order (so in different runs). Some ids
    // are numbered names of others (`7~2`), some collide in the same folder.
    let n = 30_000;
    let mut ids = Vec::new();
    let mut paths = Vec::new();
    for i in 0..n {
        let (id, path) = match i % 10 {
            0 => (
                format!("{}", i % 997),
                format!("o{}/p{}/{i}.txt", i % 3, i % 7),
            ),
            1 => (format!("{}~2", i % 13), format!("q{}/{i}.txt", i % 2)),
            2 => (format!("{}", i % 13), format!("q{}/{i}.txt", i % 2)),
            3 => (format!("q{}/{}", i % 2, i % 13), format!("r/{i}.txt")),
            _ => (format!("u{i}"), format!("s/{i}.txt")),
        };
        ids.push(id);
        paths.push(path);
    }
    let want = in_memory(&ids, &paths);
    assert!(want.len() > 5_000, "{} renames", want.len());
    assert!(want.iter().any(|(_, new)| new.ends_with("~2")));
    assert_eq!(sorted_out(&ids, &paths), want);
}

#[test]
fn keys_sort_as_their_strings_and_come_back() {
    let words = ["", "a", "a\0", "a\0b", "ab", "b", "\0", "\u{ff}"];
    let mut keys: Vec<(Vec<u8>, &str)> = words
        .iter()
        .map(|w| {
            let mut k = Vec::new();
            push_key(&mut k, w.as_bytes());
            (k, *w)
        })
        .collect();
    keys.sort();
    let order: Vec<&str> = keys.iter().map(|(_, w)| *w).collect();
    let mut want = words.to_vec();
    want.sort();
    assert_eq!(order, want);
    for (k, w) in &keys {
        assert_eq!(key_end(k), Some(k.len()));
        assert_eq!(unkey(k), w.as_bytes());
    }
    assert_eq!(numbered("x~2"), Some(("x", 2)));
    assert_eq!(numbered("x~1~12"), Some(("x~1", 12)));
    assert_eq!(numbered("x~02"), None);
    assert_eq!(numbered("x~1"), None);
    assert_eq!(numbered("x~"), None);
}
