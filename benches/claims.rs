//! Claims throughput over the seed articles repeated to about 40 MB, on one core; over
//! real English news (benches/data/en-ahram, thirty English Ahram articles) the same way;
//! and over an English text written for this benchmark with a figure in almost every
//! clause (benches/data/en_news.txt: eight times the claims per byte of real news, the
//! worst case).
//!
//! `cargo bench --bench claims`; the figure is reported in docs/claims.md.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use qarin::claims::{Lexicon, analyze};
use qarin::corpus::{Article, seeds};

/// The seeds repeated until their text reaches `target` bytes, each copy its own article
/// (so grouping works across thousands of sources too).
fn corpus(target: usize) -> (Vec<Article>, usize) {
    repeated(&seeds(), target)
}

/// The English text as articles: the news text repeated, one article a copy.
fn english(target: usize) -> (Vec<Article>, usize) {
    let text = include_str!("data/en_news.txt");
    repeated(
        &[Article::from_text("en.txt", "en.txt", text.to_owned())],
        target,
    )
}

/// The English Ahram excerpt as articles, in name order, repeated.
fn english_news(target: usize) -> (Vec<Article>, usize) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/data/en-ahram");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    let articles: Vec<Article> = paths
        .iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(p).ok()?;
            let name = p.file_name()?.to_string_lossy().into_owned();
            Some(Article::from_text(&name, &name, text))
        })
        .collect();
    assert!(!articles.is_empty(), "no articles in {dir}");
    repeated(&articles, target)
}

fn repeated(seeds: &[Article], target: usize) -> (Vec<Article>, usize) {
    let mut out = Vec::new();
    let mut bytes = 0;
    let mut copy = 0;
    while bytes < target {
        for s in seeds {
            let mut a = s.clone();
            a.id = format!("{}-{copy}", s.id);
            bytes += a.paragraphs.iter().map(|p| p.len() + 1).sum::<usize>();
            out.push(a);
        }
        copy += 1;
    }
    (out, bytes)
}

/// CPU time of the current thread (user + system) from /proc, in clock ticks of 10 ms;
/// iterations take seconds, so the resolution is enough. Zero where /proc is missing.
fn thread_cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let f: Vec<u64> = rest
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0))
        .collect();
    // utime and stime are fields 14 and 15 of the whole line: 12 and 13 after ')'.
    let ticks = f.get(11).copied().unwrap_or(0) + f.get(12).copied().unwrap_or(0);
    Duration::from_millis(ticks * 10)
}

/// `analyze` timed in this thread's CPU time, so the figure is per core even when other
/// processes share the machine (wall time then overstates the cost).
fn cpu_time(b: &mut criterion::Bencher, articles: &[Article], lexicon: &Lexicon) {
    b.iter_custom(|iters| {
        let start = thread_cpu_time();
        for _ in 0..iters {
            black_box(analyze(black_box(articles), lexicon, false));
        }
        thread_cpu_time().saturating_sub(start)
    })
}

fn bench(c: &mut Criterion) {
    let (articles, bytes) = corpus(40 * 1024 * 1024);
    let lexicon = Lexicon::builtin();
    let mut g = c.benchmark_group("claims");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("analyze_seeds_40MB", |b| {
        b.iter(|| analyze(black_box(&articles), &lexicon, false))
    });
    // The same work in CPU time (see `cpu_time`).
    g.bench_function("analyze_seeds_40MB_cpu_time", |b| {
        cpu_time(b, &articles, &lexicon)
    });
    g.finish();

    // English text, read by the English rules (docs/claims.md, "English reports").
    let (articles, bytes) = english(40 * 1024 * 1024);
    let mut g = c.benchmark_group("claims_en");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("analyze_english_40MB_cpu_time", |b| {
        cpu_time(b, &articles, &lexicon)
    });
    g.finish();

    // Real English news (the English Ahram excerpt).
    let (articles, bytes) = english_news(40 * 1024 * 1024);
    let mut g = c.benchmark_group("claims_en_news");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("analyze_english_news_40MB_cpu_time", |b| {
        cpu_time(b, &articles, &lexicon)
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
