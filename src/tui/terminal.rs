//! The terminal: setup and restore (raw mode, alternate screen, hidden cursor), a panic hook
//! that restores first and prints no data, SIGTERM/SIGINT/SIGHUP as a flag the loop checks
//! (with a deadline: see [`watch_signals`]), and the event loop.
//!
//! The loop draws only when something changed, handles every pending key before drawing, sends
//! no queries, titles, clipboard or hyperlink sequences, and never blocks for long: input arrives
//! from a reader thread over a channel it waits on with a timeout, so it ends promptly when a
//! signal arrives, when input fails, or when the terminal is gone. After a hang-up the reader
//! thread may be stuck inside crossterm; [`run`] returns and the process should exit.
//!
//! The session's end is audited after the terminal is restored: with the reason `quit` or
//! `idle` from the app, `signal` (also when the terminal went away), or `abort` after a panic
//! (caught here once the hook has restored the terminal; the payload is dropped unread). The
//! entry is written on a thread of its own and waited for at most [`END_WAIT`] after a signal
//! ([`QUIT_WAIT`] otherwise: a slow disk should not cut the last entry off, leaving the log
//! with an unfinished write), so a stuck log cannot keep the process from ending within 2 s; and should the main thread be stuck in an
//! audit write when a signal comes, the signal thread ends the process after
//! [`SIGNAL_DEADLINE`].

use std::io::{self, IsTerminal, Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{self, Event};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::layout::Rect;

use super::app::{App, AppOptions};
use super::keys::Action;
use super::session::{Outward, Session};
use super::theme::{Env, Theme, select};
use super::view;
use super::{DataSource, TuiOptions};
use crate::audit::{Reason, Recorder};

/// Set once the terminal has been restored, so restore runs at most once (guard or panic hook).
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// How long the loop waits for input before it checks the signal flag again.
const TICK: Duration = Duration::from_millis(250);

/// How long the end of the session may take to record after a signal.
const END_WAIT: Duration = Duration::from_millis(1000);

/// How long the end of the session may take to record otherwise.
const QUIT_WAIT: Duration = Duration::from_millis(3000);

/// How long after a signal the process may take to end by itself: the loop notices the flag
/// within [`TICK`] and the end entry takes at most [`END_WAIT`].
const SIGNAL_DEADLINE: Duration = Duration::from_millis(1500);

/// Puts the terminal back: leaves the alternate screen after clearing it (the Linux console
/// has no alternate screen, so data would stay visible), shows the cursor, cooks the tty.
/// Errors are ignored: there is nothing better to do with a broken terminal.
fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let mut out = io::stdout();
        let _ = execute!(out, Clear(ClearType::All), LeaveAlternateScreen, Show);
        let _ = disable_raw_mode();
        let _ = out.flush();
    }
}

/// Restores the terminal when dropped: on quit, on `?` errors and while unwinding.
struct Guard;

impl Guard {
    fn enter() -> anyhow::Result<Guard> {
        enable_raw_mode().context("cannot switch the terminal to raw mode")?;
        ACTIVE.store(true, Ordering::SeqCst);
        let guard = Guard;
        execute!(
            io::stdout(),
            EnterAlternateScreen,
            Hide,
            Clear(ClearType::All)
        )?;
        Ok(guard)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// A panic restores the terminal and prints where, never the payload (it may hold data).
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        restore();
        let place = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        // Never `eprintln!` here: it panics when the terminal is gone, and a panic in the hook
        // aborts.
        let _ = writeln!(
            io::stderr(),
            "schouw: interne fout{place}; het scherm is hersteld. / internal error; the terminal was restored."
        );
    }));
}

/// Opens the interface on the controlling terminal and runs until the user quits or a signal
/// arrives.
pub fn run(
    mut source: Box<dyn DataSource>,
    audit: Box<dyn Recorder + Send>,
    opts: TuiOptions,
) -> anyhow::Result<()> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        bail!("the interface needs a terminal on standard input and output");
    }
    let theme = Theme::new(select(opts.theme, &Env::from_process()));
    let stop = Arc::new(AtomicBool::new(false));
    watch_signals(Arc::clone(&stop))?;
    // Input and the source's background work arrive on one channel, so the loop wakes for
    // either.
    let (tx, events) = mpsc::channel();
    let wake = tx.clone();
    source.set_waker(Box::new(move || {
        let _ = wake.send(Msg::Loaded);
    }));
    let app = App::with_options(
        source,
        opts.lang,
        AppOptions {
            banner: opts.banner.clone(),
            keys: opts.keys.clone(),
        },
    );
    let mut session = Session::start(app, audit, opts.idle_lock, Instant::now()).map_err(|e| {
        anyhow::anyhow!("{e}; schouw does not show data whose use cannot be recorded")
    })?;
    install_panic_hook();
    let guard = Guard::enter()?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        event_loop(&mut terminal, &mut session, &theme, &stop, (tx, events))
    }));
    let (result, panicked) = match caught {
        Ok(r) => (r, false),
        Err(payload) => {
            // The hook restored the terminal and said where; the payload may hold data and
            // is never looked at (not even dropped, which could run its code).
            std::mem::forget(payload);
            (
                Err(anyhow::anyhow!(
                    "the interface stopped on an internal error"
                )),
                true,
            )
        }
    };
    // A signal, or a terminal that went away (a dropped SSH connection without SIGHUP), ends
    // the session with the reason `signal`.
    let reason = if panicked {
        Reason::Abort
    } else if stop.load(Ordering::SeqCst) || result.is_err() {
        Reason::Signal
    } else {
        session.end_reason
    };
    // After a signal the terminal may already be gone; what failed then is not an error.
    let result = if stop.load(Ordering::SeqCst) && !panicked {
        Ok(())
    } else {
        result
    };
    // ratatui's `Drop for Terminal` shows the cursor and `eprintln!`s on failure, which panics
    // when the terminal is gone. `restore` shows the cursor instead; the buffers are freed when
    // the process ends.
    std::mem::forget(terminal);
    drop(guard);
    let _ = std::panic::take_hook();
    if !end_session(session, reason) {
        let _ = writeln!(
            io::stderr(),
            "schouw: audit niet beschikbaar: het einde van de sessie is niet vastgelegd / audit unavailable: the end of the session was not recorded"
        );
    }
    result
}

/// Records the end of the session on a thread of its own, waiting at most [`END_WAIT`] after
/// a signal and [`QUIT_WAIT`] otherwise.
fn end_session(session: Session, reason: Reason) -> bool {
    let wait = if reason == Reason::Signal {
        END_WAIT
    } else {
        QUIT_WAIT
    };
    let (entries, mut audit) = session.finish(reason);
    let (tx, rx) = mpsc::channel();
    let spawned = thread::Builder::new()
        .name("schouw-audit-end".into())
        .spawn(move || {
            let ok = entries.into_iter().all(|e| audit.record(e).is_ok());
            let _ = tx.send(ok);
        });
    spawned.is_ok() && rx.recv_timeout(wait).unwrap_or(false)
}

/// Watches SIGTERM, SIGINT and SIGHUP on a thread of its own. The first one sets `stop`, which
/// the loop checks at least every [`TICK`]. Should the process still run [`SIGNAL_DEADLINE`]
/// later (the main thread stuck in an audit write to a locked or hanging log file), this
/// thread restores the terminal (waiting at most a moment for it) and exits with 128 + the
/// signal, so the process always ends within 2 s. An audit write cut off there is rolled back
/// from SQLite's journal (by the next session's write, or by `audit verify` and `audit show`
/// before they read); the session then has no `session_end` entry, which `audit show` makes
/// visible.
fn watch_signals(stop: Arc<AtomicBool>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP])?;
    thread::Builder::new()
        .name("schouw-signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                stop.store(true, Ordering::SeqCst);
                thread::sleep(SIGNAL_DEADLINE);
                let (tx, rx) = mpsc::channel();
                let _ = thread::Builder::new().spawn(move || {
                    restore();
                    let _ = tx.send(());
                });
                let _ = rx.recv_timeout(Duration::from_millis(100));
                std::process::exit(128 + sig);
            }
        })?;
    Ok(())
}

/// What wakes the event loop.
enum Msg {
    Input(io::Result<Event>),
    /// The data source finished background work.
    Loaded,
}

/// Reads terminal events on a thread of its own and passes them on. crossterm retries reads
/// that fail or hit end of file, so once the terminal is gone its `read` never returns: the
/// loop therefore never blocks on crossterm, only on this channel with a timeout.
fn spawn_reader(done: Arc<AtomicBool>, tx: mpsc::Sender<Msg>) -> io::Result<()> {
    thread::Builder::new()
        .name("schouw-input".into())
        .spawn(move || {
            while !done.load(Ordering::SeqCst) {
                match event::poll(TICK) {
                    Ok(false) => {}
                    Ok(true) => {
                        let ev = event::read();
                        let failed = ev.is_err();
                        if tx.send(Msg::Input(ev)).is_err() || failed {
                            break;
                        }
                    }
                    Err(e) => {
                        let _ = tx.send(Msg::Input(Err(e)));
                        break;
                    }
                }
            }
        })?;
    Ok(())
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    session: &mut Session,
    theme: &Theme,
    stop: &AtomicBool,
    (tx, events): (mpsc::Sender<Msg>, mpsc::Receiver<Msg>),
) -> anyhow::Result<()> {
    let size = terminal.size()?;
    session.apply(Action::Resize(size.width, size.height));
    full_redraw(terminal)?;
    let done = Arc::new(AtomicBool::new(false));
    spawn_reader(Arc::clone(&done), tx)?;
    let result = (|| {
        let mut dirty = true;
        while !stop.load(Ordering::SeqCst) && !session.quit {
            if dirty {
                session.settle();
                terminal.draw(|f| view::render(session.app(), theme, f))?;
                // The screen is hidden now: write the lock or blank entry that waited.
                dirty = session.drawn();
            }
            let first = match events.recv_timeout(TICK) {
                Ok(msg) => msg,
                Err(RecvTimeoutError::Timeout) => {
                    // A hung-up terminal stops being a terminal (its ioctls fail).
                    if !io::stdin().is_terminal() {
                        bail!("the terminal went away");
                    }
                    if let Some(out) = session.tick(Instant::now()) {
                        perform(out, terminal)?;
                        dirty = true;
                    }
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => bail!("terminal input stopped"),
            };
            // Handle everything pending before the next draw.
            dirty |= handle(first, terminal, session)?;
            while !session.quit
                && !session.hiding()
                && let Ok(msg) = events.try_recv()
            {
                dirty |= handle(msg, terminal, session)?;
            }
        }
        Ok(())
    })();
    done.store(true, Ordering::SeqCst);
    result
}

/// Applies one terminal event or finished background work; true when the screen may have
/// changed.
fn handle(
    msg: Msg,
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    session: &mut Session,
) -> anyhow::Result<bool> {
    let ev = match msg {
        Msg::Input(ev) => ev?,
        Msg::Loaded => {
            session.apply(Action::Loaded);
            return Ok(true);
        }
    };
    match ev {
        Event::Key(k) => {
            let (changed, out) = session.key(&k, Instant::now());
            if let Some(out) = out {
                perform(out, terminal)?;
            }
            Ok(changed)
        }
        Event::Resize(w, h) => {
            session.apply(Action::Resize(w, h));
            // Repaint everything: after a re-attach (tmux, screen) the size may be unchanged
            // while the screen is not what ratatui last drew.
            full_redraw(terminal)?;
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// Clears the screen and forgets what is on it, so the next draw repaints every cell.
/// (`Terminal::clear` would ask the terminal for the cursor position: a round trip that hangs
/// on some terminals and over slow links.)
fn full_redraw(terminal: &mut Terminal<CrosstermBackend<Stdout>>) -> anyhow::Result<()> {
    let size = terminal.size()?;
    terminal.resize(Rect::new(0, 0, size.width, size.height))?;
    Ok(())
}

fn perform(out: Outward, terminal: &mut Terminal<CrosstermBackend<Stdout>>) -> anyhow::Result<()> {
    match out {
        Outward::Quit => {}
        Outward::Redraw => full_redraw(terminal)?,
        Outward::Purge => {
            // The lock screen: nothing of what was shown stays, on screen or in scrollback
            // (CSI 2J, CSI 3J).
            execute!(io::stdout(), Clear(ClearType::All), Clear(ClearType::Purge))?;
            full_redraw(terminal)?;
        }
    }
    Ok(())
}
