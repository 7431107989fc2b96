//! Criterion benchmarks of the layout engine on the seed articles.
//! Run: `cargo bench --bench layout`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use qarin::layout::{Options, TextWriter, layout_paragraph_with};

fn seeds_text() -> String {
    qarin::corpus::SEEDS.iter().map(|(_, t)| *t).collect()
}

fn bench_layout(c: &mut Criterion) {
    let text = seeds_text();
    let paragraphs: Vec<&str> = text.lines().collect();
    let mut group = c.benchmark_group("layout");
    group.throughput(Throughput::Bytes(text.len() as u64));
    for (name, width, shape) in [
        ("seeds_w80_shaped", 80, true),
        ("seeds_w80_unshaped", 80, false),
        ("seeds_w20_shaped", 20, true),
    ] {
        let opts = Options {
            width,
            shape,
            ..Options::default()
        };
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut cols = 0;
                for p in &paragraphs {
                    layout_paragraph_with(black_box(p), &opts, |line| cols += line.width);
                }
                cols
            })
        });
    }
    // What `qarin render` does per paragraph: the text-only path into a byte buffer.
    for (name, width) in [("seeds_w80_text", 80), ("seeds_w20_text", 20)] {
        let mut writer = TextWriter::new(Options::default().with_width(width), true);
        let mut out = Vec::new();
        group.bench_function(name, |b| {
            b.iter(|| {
                out.clear();
                for p in &paragraphs {
                    writer.write(black_box(p), &mut out);
                }
                out.len()
            })
        });
    }
    // One long paragraph: time must grow linearly with its length.
    let one: String = paragraphs.join(" ");
    for copies in [1, 4, 16] {
        let long = one.repeat(copies);
        let opts = Options::default();
        group.throughput(Throughput::Bytes(long.len() as u64));
        group.bench_function(format!("one_paragraph_x{copies}"), |b| {
            b.iter(|| {
                let mut lines = 0;
                layout_paragraph_with(black_box(&long), &opts, |_| lines += 1);
                lines
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench_layout
}
criterion_main!(benches);
