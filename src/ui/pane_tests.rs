//! Tests of `pane`: scrolling, cursor steps and refitting over laid-out blocks.
use super::*;
use crate::layout::Direction;

fn article(paras: &[&str]) -> Article {
    let mut a = Article::from_text("t", "t", String::new());
    a.paragraphs = paras.iter().collect();
    a
}

#[test]
fn scrolling_stops_at_both_ends_and_keeps_the_cursor_visible() {
    let a = article(&["aaaa bbbb cccc", "", "dddd", "", "eeee ffff"]);
    let cache = TextCache::default();
    let bl = blocks(&a);
    let pane = Pane {
        ai: 0,
        article: &a,
        blocks: &bl,
        cache: &cache,
        width: 5,
        height: 3,
    };
    let mut s = Scroll::default();
    pane.scroll(&mut s, -4);
    assert_eq!(s.top, (0, 0));
    pane.scroll(&mut s, 100);
    assert_eq!(s.top, pane.max_top());
    assert!(pane.at_end(s.top));
    assert_eq!(pane.visible(s.top).len(), 3);
    assert_eq!(s.cursor, 4, "cursor follows the last visible passage");
    pane.to_start(&mut s);
    pane.step_cursor(&mut s, true);
    assert_eq!(s.cursor, 2, "blank paragraphs are skipped");
    pane.step_cursor(&mut s, true);
    assert_eq!(s.cursor, 4);
    assert!(pane.visible(s.top).contains(&(4, 0)));
    pane.step_cursor(&mut s, true);
    assert_eq!(s.cursor, 4, "no passage after the last");
}

#[test]
fn empty_article_is_harmless() {
    let a = article(&[]);
    let cache = TextCache::default();
    let bl = blocks(&a);
    let pane = Pane {
        ai: 0,
        article: &a,
        blocks: &bl,
        cache: &cache,
        width: 1,
        height: 1,
    };
    let mut s = Scroll::default();
    pane.scroll(&mut s, 3);
    pane.to_end(&mut s);
    pane.step_cursor(&mut s, true);
    pane.show(&mut s, 9, 9);
    assert!(blocks(&a).is_empty());
    assert!(pane.visible(s.top).is_empty());
}

#[test]
fn a_huge_paragraph_is_laid_out_a_block_at_a_time() {
    let word = "كلمة ";
    let text = word.repeat(3 * BLOCK / word.len());
    let a = article(&["أول", &text, "آخر"]);
    let bl = blocks(&a);
    assert!(bl.len() >= 5, "{}", bl.len());
    // Blocks tile the paragraph, cut after spaces, and keep its direction.
    let mid: Vec<Block> = bl.iter().filter(|b| b.para == 1).collect();
    assert_eq!(mid[0].range.start, 0);
    assert_eq!(mid.last().map(|b| b.range.end), Some(text.len()));
    for w in mid.windows(2) {
        assert_eq!(w[0].range.end, w[1].range.start);
        assert!(text[..w[0].range.end].ends_with(' '));
    }
    assert!(mid.iter().all(|b| b.direction == Some(Direction::Rtl)));
    let cache = TextCache::default();
    let pane = Pane {
        ai: 0,
        article: &a,
        blocks: &bl,
        cache: &cache,
        width: 30,
        height: 5,
    };
    // Showing a byte deep inside lays out only its block, and its line is on screen
    // with offsets relative to the whole paragraph.
    let mut s = Scroll::default();
    let byte = text.len() / 2 - (text.len() / 2) % word.len();
    pane.show(&mut s, 1, byte);
    let vis = pane.visible(s.top);
    let hit = vis
        .iter()
        .any(|&(b, l)| pane.lines(b)[l].source.contains(&byte));
    assert!(hit, "line with byte {byte} visible: {vis:?}");
    assert_eq!(s.cursor, 1);
    pane.to_end(&mut s);
    assert_eq!(s.cursor, 2);
    assert!(pane.at_end(s.top));
}
