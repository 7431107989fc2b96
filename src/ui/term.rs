//! The terminal: raw mode, alternate screen, mouse, bidi mode; and putting it all back
//! on every way out, panics included.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};

/// BDSM (ECMA-48 bidi mode): `CSI 8 l` explicit (the application reorders), `CSI 8 h`
/// implicit (the terminal reorders). Terminals without bidi support ignore both.
pub const BDSM_EXPLICIT: &str = "\x1b[8l";
pub const BDSM_IMPLICIT: &str = "\x1b[8h";

static ACTIVE: AtomicBool = AtomicBool::new(false);
static EXPLICIT: AtomicBool = AtomicBool::new(false);
/// Mouse reporting is on (the `mouse = false` setting leaves the terminal's own
/// selection working).
static MOUSE: AtomicBool = AtomicBool::new(true);
/// Set when qarin was resumed after a suspend: the screen must be drawn afresh.
static RESUMED: AtomicBool = AtomicBool::new(false);

/// Sets the terminal up for the reader. `explicit_bidi`: qarin reorders, so a bidi
/// terminal must not reorder again.
pub fn enter(explicit_bidi: bool, mouse: bool) -> io::Result<()> {
    install_panic_hook();
    EXPLICIT.store(explicit_bidi, Ordering::SeqCst);
    MOUSE.store(mouse, Ordering::SeqCst);
    install_signal_handlers()?;
    setup()
}

/// Raw mode, alternate screen, bracketed paste (a pasted newline is text, not Enter),
/// mouse, hidden cursor, bidi mode: on entering and again on resuming.
fn setup() -> io::Result<()> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let mut out = io::stdout();
    execute!(
        out,
        EnterAlternateScreen,
        EnableBracketedPaste,
        cursor::Hide
    )?;
    if MOUSE.load(Ordering::SeqCst) {
        execute!(out, EnableMouseCapture)?;
    }
    if EXPLICIT.load(Ordering::SeqCst) {
        out.write_all(BDSM_EXPLICIT.as_bytes())?;
    }
    out.flush()
}

/// Suspends qarin as Ctrl-Z does in a cooked terminal: the terminal is restored, the
/// process stops, and on `fg` the reader comes back (see [`take_resumed`]).
pub fn suspend() {
    // The signal thread does the work, so `kill -TSTP` and the key behave alike.
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
}

/// Whether qarin was resumed since the last call: the caller redraws everything.
pub fn take_resumed() -> bool {
    RESUMED.swap(false, Ordering::SeqCst)
}

/// Puts the terminal back as it was. Safe to call more than once.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    // Best effort: on the way out there is nobody left to report a failure to.
    if EXPLICIT.load(Ordering::SeqCst) {
        let _ = out.write_all(BDSM_IMPLICIT.as_bytes());
    }
    let _ = execute!(
        out,
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// Restores the terminal when dropped: covers `?` returns and unwinding.
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // Restore first so the message lands on a normal screen.
            restore();
            previous(info);
        }));
    });
}

/// SIGTERM, SIGHUP, SIGINT and SIGQUIT would kill qarin with the terminal still raw, on
/// the alternate screen, cursor hidden. A thread waits for them, restores the terminal,
/// then dies of the same signal, so that the shell still sees how qarin ended.
/// SIGTSTP (`kill -TSTP`, or Ctrl-Z through [`suspend`]) restores the terminal and stops;
/// when continued, the same thread sets the terminal up again and marks a redraw.
fn install_signal_handlers() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
    static ONCE: std::sync::Once = std::sync::Once::new();
    let mut result = Ok(());
    ONCE.call_once(|| {
        result = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP])
            .and_then(|mut signals| {
                std::thread::Builder::new()
                    .name("qarin-signals".into())
                    .spawn(move || {
                        for sig in signals.forever() {
                            // Holding stdout lets a frame being written finish first and
                            // keeps any later one from landing on the restored screen
                            // (or, while stopped, on the shell).
                            let _out = io::stdout().lock();
                            if sig == SIGTSTP {
                                if !ACTIVE.load(Ordering::SeqCst) {
                                    continue;
                                }
                                restore();
                                // Stops here (SIGSTOP) until SIGCONT.
                                let _ = signal_hook::low_level::emulate_default_handler(sig);
                                // Nobody to report to; the next frame shows what is wrong.
                                let _ = setup();
                                RESUMED.store(true, Ordering::SeqCst);
                                continue;
                            }
                            restore();
                            let _ = signal_hook::low_level::emulate_default_handler(sig);
                            std::process::exit(128 + sig);
                        }
                    })
                    .map(|_| ())
            });
    });
    result
}
