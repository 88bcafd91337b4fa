//! The terminal: setup and restore (raw mode, alternate screen, hidden cursor), a panic hook
//! that restores first and prints no data, SIGTERM/SIGINT/SIGHUP as a flag the loop checks, and
//! the event loop.
//!
//! The loop draws only when something changed, handles every pending key before drawing, sends
//! no queries, titles, clipboard or hyperlink sequences, and never spins: it waits for input with
//! a timeout, and ends when a signal arrives, when input fails, or when the input stream keeps
//! waking it without delivering anything (a dead terminal).

use std::io::{self, IsTerminal, Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
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
        eprintln!(
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
    drop(terminal);
    drop(guard);
    let _ = std::panic::take_hook();
    result
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    theme: &Theme,
    stop: &AtomicBool,
) -> anyhow::Result<()> {
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    terminal.clear()?;
    let mut dirty = true;
    // Wake-ups without a key or resize in the current second: many means a dead input stream.
    let mut idle_wakes = 0u32;
    let mut second = Instant::now();
    while !stop.load(Ordering::SeqCst) && !app.quit {
        if dirty {
            terminal.draw(|f| view::render(app, theme, f))?;
            dirty = false;
        }
        if !event::poll(TICK)? {
            continue;
        }
        // Handle everything pending before the next draw.
        loop {
            let mut useful = false;
            match event::read()? {
                Event::Key(k) => {
                    if let Some(a) = keys::action(&app.contexts(), &k) {
                        useful = true;
                        dirty = true;
                        if let Some(effect) = app.update(a) {
                            perform(effect, terminal, app)?;
                        }
                    }
                }
                Event::Resize(w, h) => {
                    useful = true;
                    dirty = true;
                    app.update(Action::Resize(w, h));
                }
                _ => {}
            }
            if !useful {
                idle_wakes += 1;
            }
            if second.elapsed() >= Duration::from_secs(1) {
                second = Instant::now();
                idle_wakes = 0;
            }
            if idle_wakes > 1000 {
                bail!("terminal input stopped");
            }
            if app.quit || stop.load(Ordering::SeqCst) || !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
    Ok(())
}

fn perform(
    effect: Effect,
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
) -> anyhow::Result<()> {
    match effect {
        Effect::Quit => {}
        Effect::Redraw => terminal.clear()?,
        Effect::SaveLens(t) => {
            let result = app.source_mut().save_lens(&t);
            app.update(Action::Saved(result));
        }
    }
    Ok(())
}
