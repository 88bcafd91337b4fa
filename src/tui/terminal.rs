//! The terminal: setup and restore (raw mode, alternate screen, hidden cursor), a panic hook
//! that restores first and prints no data, SIGTERM/SIGINT/SIGHUP as a flag the loop checks, and
//! the event loop.
//!
//! The loop draws only when something changed, handles every pending key before drawing, sends
//! no queries, titles, clipboard or hyperlink sequences, and never blocks for long: input arrives
//! from a reader thread over a channel it waits on with a timeout, so it ends promptly when a
//! signal arrives, when input fails, or when the terminal is gone. After a hang-up the reader
//! thread may be stuck inside crossterm; [`run`] returns and the process should exit.

use std::io::{self, IsTerminal, Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;

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

use super::app::{App, Effect};
use super::keys::{self, Action};
use super::theme::{Env, Theme, select};
use super::view;
use super::{DataSource, TuiOptions};

/// Set once the terminal has been restored, so restore runs at most once (guard or panic hook).
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// How long the loop waits for input before it checks the signal flag again.
const TICK: Duration = Duration::from_millis(250);

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
pub fn run(source: Box<dyn DataSource>, opts: TuiOptions) -> anyhow::Result<()> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        bail!("the interface needs a terminal on standard input and output");
    }
    let theme = Theme::new(select(opts.theme, &Env::from_process()));
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGHUP,
    ] {
        signal_hook::flag::register(sig, Arc::clone(&stop))?;
    }
    install_panic_hook();
    let mut app = App::new(source, opts.lang);
    let guard = Guard::enter()?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let result = event_loop(&mut terminal, &mut app, &theme, &stop);
    // After a signal the terminal may already be gone; what failed then is not an error.
    let result = if stop.load(Ordering::SeqCst) {
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
    result
}

/// Reads terminal events on a thread of its own and passes them on. crossterm retries reads
/// that fail or hit end of file, so once the terminal is gone its `read` never returns: the
/// loop therefore never blocks on crossterm, only on this channel with a timeout.
fn spawn_reader(done: Arc<AtomicBool>) -> io::Result<mpsc::Receiver<io::Result<Event>>> {
    let (tx, rx) = mpsc::channel();
    thread::Builder::new()
        .name("schouw-input".into())
        .spawn(move || {
            while !done.load(Ordering::SeqCst) {
                match event::poll(TICK) {
                    Ok(false) => {}
                    Ok(true) => {
                        let ev = event::read();
                        let failed = ev.is_err();
                        if tx.send(ev).is_err() || failed {
                            break;
                        }
                    }
                    Err(e) => {
                        let _ = tx.send(Err(e));
                        break;
                    }
                }
            }
        })?;
    Ok(rx)
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    theme: &Theme,
    stop: &AtomicBool,
) -> anyhow::Result<()> {
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    full_redraw(terminal)?;
    let done = Arc::new(AtomicBool::new(false));
    let events = spawn_reader(Arc::clone(&done))?;
    let result = (|| {
        let mut dirty = true;
        while !stop.load(Ordering::SeqCst) && !app.quit {
            if dirty {
                app.settle();
                terminal.draw(|f| view::render(app, theme, f))?;
                dirty = false;
            }
            let first = match events.recv_timeout(TICK) {
                Ok(ev) => ev?,
                Err(RecvTimeoutError::Timeout) => {
                    // A hung-up terminal stops being a terminal (its ioctls fail).
                    if !io::stdin().is_terminal() {
                        bail!("the terminal went away");
                    }
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => bail!("terminal input stopped"),
            };
            // Handle everything pending before the next draw.
            dirty |= handle(first, terminal, app)?;
            while !app.quit
                && let Ok(ev) = events.try_recv()
            {
                dirty |= handle(ev?, terminal, app)?;
            }
        }
        Ok(())
    })();
    done.store(true, Ordering::SeqCst);
    result
}

/// Applies one terminal event; true when the screen may have changed.
fn handle(
    ev: Event,
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
) -> anyhow::Result<bool> {
    match ev {
        Event::Key(k) => {
            let Some(a) = keys::action(&app.contexts(), &k) else {
                return Ok(false);
            };
            if let Some(effect) = app.update(a) {
                perform(effect, terminal, app)?;
            }
            Ok(true)
        }
        Event::Resize(w, h) => {
            app.update(Action::Resize(w, h));
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

fn perform(
    effect: Effect,
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
) -> anyhow::Result<()> {
    match effect {
        Effect::Quit => {}
        Effect::Redraw => full_redraw(terminal)?,
        Effect::SaveLens(t) => {
            let result = app.source_mut().save_lens(&t);
            app.update(Action::Saved(result));
        }
    }
    Ok(())
}
