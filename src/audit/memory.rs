//! An audit log in memory, for the interface's tests and the in-memory demo
//! (`examples/tui_fake.rs`): it checks entries exactly as the file log does and keeps them in
//! order, and it can be told to refuse every entry, to test that nothing is shown then.

use std::sync::{Arc, Mutex, PoisonError};

use super::{AuditError, Entry, Recorder};

#[derive(Default)]
struct Inner {
    entries: Vec<Entry>,
    failing: bool,
}

/// A shared handle: clones see the same entries, so a test keeps one and gives the other away.
#[derive(Clone, Default)]
pub struct MemoryLog(Arc<Mutex<Inner>>);

impl MemoryLog {
    /// An empty log that takes entries.
    pub fn new() -> MemoryLog {
        MemoryLog::default()
    }

    /// The entries recorded so far, oldest first.
    pub fn entries(&self) -> Vec<Entry> {
        self.lock().entries.clone()
    }

    /// From now on refuse (`true`) or take (`false`) entries, as an unwritable log would.
    pub fn set_failing(&self, failing: bool) {
        self.lock().failing = failing;
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Recorder for MemoryLog {
    fn record(&mut self, entry: Entry) -> Result<(), AuditError> {
        entry.check()?;
        let mut inner = self.lock();
        if inner.failing {
            return Err(AuditError::Unavailable("the log refuses entries".into()));
        }
        inner.entries.push(entry);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::{Action, Object, Outcome};

    #[test]
    fn keeps_checks_and_refuses_on_request() {
        let log = MemoryLog::new();
        let mut writer = log.clone();
        let e = Entry::new(Action::Lock, Object::None, Outcome::Ok);
        writer.record(e.clone()).unwrap();
        assert!(
            writer
                .record(Entry::new(
                    Action::OpenEntity,
                    Object::Party("a b".into()),
                    Outcome::Ok
                ))
                .is_err()
        );
        log.set_failing(true);
        assert!(writer.record(e.clone()).is_err());
        log.set_failing(false);
        writer.record(e.clone()).unwrap();
        assert_eq!(log.entries(), vec![e.clone(), e]);
    }
}
