//! The user config (keymap) parser over arbitrary text: errors must name a line and
//! column inside the text; a config that parses must give a usable keymap.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use qarin::ui::action::Action;
use qarin::ui::keymap::{Key, Keymap, Table};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Keymap::from_toml(text, Path::new("config.toml"), Some(Keymap::defaults())) {
        Ok(map) => {
            for &a in Action::ALL {
                let _ = map.hint(a);
                for k in map.keys_for(a) {
                    assert_eq!(map.action(k), Some(a), "{k} bound to two actions");
                    // What the help shows must parse back to the same key.
                    assert_eq!(Key::parse(&k.to_string()), Ok(k), "{k} does not round-trip");
                }
            }
            for t in Table::ALL {
                let _ = map.help_entries(t);
            }
        }
        Err(e) => {
            assert!(e.line >= 1 && e.line <= text.lines().count().max(1) + 1, "line {}", e.line);
            assert!(e.column >= 1, "column {}", e.column);
            assert!(e.to_string().contains("config.toml"), "error does not name the file");
        }
    }
});
