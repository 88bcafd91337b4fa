//! A session: the [`App`] with its audit log and its idle clock, and the effects that are not
//! terminal work. The event loop (`terminal.rs`) and the tests drive the same `Session`, so a
//! keystroke script exercises exactly what a real session does: [`Effect::Audit`] is recorded
//! here and answered with [`Action::Audited`], lens saves and exports are written here and
//! answered with [`Action::Saved`] and [`Action::Exported`]. What is left for the terminal
//! comes back as an [`Outward`].
//!
//! Blank first, then log: the entries of [`Effect::Lock`] and [`Effect::Blank`] wait until the
//! frame that hides the screen is drawn; the event loop calls [`Session::drawn`] after every
//! frame (and [`Session::hiding`] tells it to draw before it handles more keys), so a slow
//! audit file never delays the hiding.
//!
//! Time is passed in (`now`), never read here, so tests drive the idle lock with made-up
//! instants instead of sleeping.

use std::ops::{Deref, DerefMut};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::KeyEvent;

use super::app::{App, Effect, ExportFailure, ExportJob};
use super::keys::Action;
use crate::audit::{
    self, AuditError, AuditedExportError, Entry, Object, Outcome, Reason, Recorder,
};
use crate::export::{CsvFormat, ExportError, ExportFile, ExportOptions, ExportSummary};

/// Terminal work after an action, strongest last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outward {
    /// Repaint every cell.
    Redraw,
    /// Clear the screen and the scrollback, then repaint (the screen locked).
    Purge,
    /// Leave the loop.
    Quit,
}

/// When the last key came, and how long the interface may sit without one.
#[derive(Clone, Copy, Debug)]
pub struct IdleClock {
    limit: Duration,
    last: Instant,
}

impl IdleClock {
    pub fn new(limit: Duration, now: Instant) -> IdleClock {
        IdleClock { limit, last: now }
    }

    pub fn touch(&mut self, now: Instant) {
        self.last = now;
    }

    /// Whether `limit` has passed since the last key; when it has, the clock starts again,
    /// so the next expiry comes one more idle period later.
    pub fn expired(&mut self, now: Instant) -> bool {
        let gone = now.saturating_duration_since(self.last) >= self.limit;
        if gone {
            self.last = now;
        }
        gone
    }
}

/// The interface with its audit trail.
pub struct Session {
    app: App,
    audit: Box<dyn Recorder + Send>,
    idle: IdleClock,
    /// Lock and blank entries, written once the frame that hides the screen is drawn.
    after_draw: Vec<Entry>,
}

impl Deref for Session {
    type Target = App;
    fn deref(&self) -> &App {
        &self.app
    }
}

impl DerefMut for Session {
    fn deref_mut(&mut self) -> &mut App {
        &mut self.app
    }
}

impl Session {
    /// Starts a session: its `session_start` entry is committed first, and without it there
    /// is no session (nothing is shown of a database whose use cannot be recorded).
    pub fn start(
        app: App,
        mut audit: Box<dyn Recorder + Send>,
        idle_limit: Duration,
        now: Instant,
    ) -> Result<Session, AuditError> {
        audit.record(Entry::new(
            audit::Action::SessionStart,
            Object::Database,
            Outcome::Ok,
        ))?;
        Ok(Session {
            app,
            audit,
            idle: IdleClock::new(idle_limit, now),
            after_draw: Vec::new(),
        })
    }

    pub fn app(&self) -> &App {
        &self.app
    }

    /// A key press at `now`: through the key table in force, then [`Session::apply`]. Returns
    /// whether the screen may have changed, and terminal work.
    pub fn key(&mut self, ev: &KeyEvent, now: Instant) -> (bool, Option<Outward>) {
        self.idle.touch(now);
        match self.app.keys.action(&self.app.contexts(), ev) {
            Some(a) => (true, self.apply(a)),
            None => (false, None),
        }
    }

    /// The clock at `now`: after the idle time without a key the screen locks (and after
    /// another one on the lock screen the session ends).
    pub fn tick(&mut self, now: Instant) -> Option<Outward> {
        if self.idle.expired(now) {
            self.apply(Action::IdleTimeout)
        } else {
            None
        }
    }

    /// Applies an action and carries out every effect it leads to, feeding each outcome back.
    pub fn apply(&mut self, action: Action) -> Option<Outward> {
        let mut out = None;
        let mut effect = self.app.update(action);
        while let Some(e) = effect.take() {
            let (next, work) = match e {
                Effect::Quit => (None, Some(Outward::Quit)),
                Effect::Redraw => (None, Some(Outward::Redraw)),
                Effect::Audit(entry) => (self.recorded(entry), None),
                Effect::Lock(entry) => {
                    self.after_draw.push(entry);
                    (None, Some(Outward::Purge))
                }
                Effect::Blank(entry) => {
                    self.after_draw.push(entry);
                    (None, None)
                }
                Effect::SaveLens(t) => {
                    let r = self.app.source_mut().save_lens(&t);
                    (self.app.update(Action::Saved(r)), None)
                }
                Effect::Export(job) => {
                    let r = self.export(job);
                    (self.app.update(Action::Exported(r)), None)
                }
            };
            effect = next;
            out = out.max(work);
        }
        out
    }

    /// Whether the screen was just hidden (locked or blanked) and its entry waits for the
    /// frame: the event loop draws before it handles more keys.
    pub fn hiding(&self) -> bool {
        !self.after_draw.is_empty()
    }

    /// A frame was drawn: writes the lock and blank entries that waited for it. Returns
    /// whether the screen may have changed (an entry the log refused shows on the lock screen).
    pub fn drawn(&mut self) -> bool {
        let entries = std::mem::take(&mut self.after_draw);
        let any = !entries.is_empty();
        for entry in entries {
            // `Audited` leads to no further work (see `App::audited`).
            let _ = self.recorded(entry);
        }
        any
    }

    fn recorded(&mut self, entry: Entry) -> Option<Effect> {
        let result = self.audit.record(entry).map_err(|e| e.to_string());
        self.app.update(Action::Audited(result))
    }

    fn export(&mut self, job: ExportJob) -> Result<ExportSummary, ExportFailure> {
        let table = self
            .app
            .source_mut()
            .export_scores(&job.request, &job.areas)
            .map_err(ExportFailure::Other)?;
        let entry = job.entry.map(|e| *e).unwrap_or_else(|| {
            self.app.entry(
                audit::Action::Export,
                Object::Lens(table.lens_id.clone()),
                Outcome::Ok,
            )
        });
        let file = ExportFile {
            path: &job.path,
            opts: ExportOptions {
                format: CsvFormat::of(job.excel),
                force: false,
            },
            banner: self.app.banner.as_deref(),
        };
        audit::export_table(&mut *self.audit, entry, &table, file).map_err(|e| match e {
            AuditedExportError::Audit(a) => ExportFailure::Audit(a.to_string()),
            AuditedExportError::Export(ExportError::Exists(_)) => ExportFailure::Exists,
            other => ExportFailure::Other(other.to_string()),
        })
    }

    /// The `session_end` entry for `reason`, with the session's purpose.
    pub fn end_entry(&self, reason: Reason) -> Entry {
        self.app.entry(
            audit::Action::SessionEnd,
            Object::Reason(reason),
            Outcome::Ok,
        )
    }

    /// Records the end of the session.
    pub fn end(&mut self, reason: Reason) -> Result<(), AuditError> {
        let entry = self.end_entry(reason);
        self.audit.record(entry)
    }

    /// The last entries (a lock or blank entry that never saw its frame, then `session_end`
    /// for `reason`) and the audit log, to write them on another thread (see `terminal.rs`).
    pub fn finish(self, reason: Reason) -> (Vec<Entry>, Box<dyn Recorder + Send>) {
        let end = self.end_entry(reason);
        let Session {
            mut after_draw,
            audit,
            ..
        } = self;
        after_draw.push(end);
        (after_draw, audit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_idle_clock_counts_from_the_last_key_and_restarts() {
        let t0 = Instant::now();
        let min = Duration::from_secs(60);
        let mut c = IdleClock::new(10 * min, t0);
        assert!(!c.expired(t0 + 9 * min));
        c.touch(t0 + 9 * min);
        assert!(!c.expired(t0 + 18 * min));
        assert!(c.expired(t0 + 19 * min));
        // Restarted at the expiry: the next comes one more period later.
        assert!(!c.expired(t0 + 28 * min));
        assert!(c.expired(t0 + 29 * min));
    }
}
