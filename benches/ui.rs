//! The cost of one keypress on the seeds: the state update plus a full redraw into a
//! buffer, as the event loop does it (the terminal write itself excluded).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use qarin::ui::keymap::Key;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn keypress(c: &mut Criterion) {
    let mut group = c.benchmark_group("keypress");
    for (name, setup, keys) in [
        ("reader_j_k", "", ["j", "k"]),
        ("reader_page", "", ["Space", "PageUp"]),
        ("compare_tab", "s", ["Tab", "BackTab"]),
        ("claims_j_k", "c", ["j", "k"]),
        ("search_type", "/", ["ت", "Backspace"]),
    ] {
        let mut state = qarin::ui::test_state(qarin::corpus::seeds(), 120, 40);
        for k in Key::parse_seq(setup).unwrap_or_default() {
            state.key(k);
        }
        let keys: Vec<Key> = keys.iter().filter_map(|k| Key::parse(k).ok()).collect();
        let mut buf = Buffer::empty(Rect::new(0, 0, 120, 40));
        let mut i = 0;
        group.bench_function(name, |b| {
            b.iter(|| {
                state.key(keys[i % keys.len()]);
                // What the app does before drawing (a typed search runs here).
                state.settle();
                i += 1;
                buf.reset();
                qarin::ui::render(black_box(&state), &mut buf);
            })
        });
    }
    group.finish();
}

criterion_group!(benches, keypress);
criterion_main!(benches);
