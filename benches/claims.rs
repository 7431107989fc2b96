//! Claims throughput over the seed articles repeated to about 40 MB, on one core.
//!
//! `cargo bench --bench claims`; the figure is reported in docs/claims.md.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use qarin::claims::{Lexicon, analyze};
use qarin::corpus::{Article, seeds};

/// The seeds repeated until their text reaches `target` bytes, each copy its own article
/// (so grouping works across thousands of sources too).
fn corpus(target: usize) -> (Vec<Article>, usize) {
    let seeds = seeds();
    let mut out = Vec::new();
    let mut bytes = 0;
    let mut copy = 0;
    while bytes < target {
        for s in &seeds {
            let mut a = s.clone();
            a.id = format!("{}-{copy}", s.id);
            bytes += a.paragraphs.iter().map(|p| p.len() + 1).sum::<usize>();
            out.push(a);
        }
        copy += 1;
    }
    (out, bytes)
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
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
