//! Purpose binding and audited opening (`security.md` §6.5, §6.7). Opening any entity detail
//! (address, business, party, signal) first asks why, once per session: a case number or a
//! short reason, checked by [`audit::check_purpose`]. Esc cancels and nothing opens. `:doel`
//! (`:purpose`) shows and changes it. Area-level screens never ask.
//!
//! Then the detail is fetched and kept aside, its `open_entity` (or `search_open`, when a
//! search result opened it) entry goes out as [`Effect::Audit`], and only
//! [`Action::Audited`]`(Ok)` puts it on screen. When the log cannot take the entry the detail
//! is dropped unseen and the status line says the audit is unavailable.

use super::*;
use crate::audit::{Action as Done, MAX_PURPOSE_CHARS, check_purpose};

/// How an entity was reached, which decides the audit action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    /// From a list on a screen (`open_entity`).
    Open,
    /// From a search result (`search_open`; the search text is never logged).
    Search,
}

/// What happens once the purpose is given.
#[derive(Clone, Debug, PartialEq)]
pub enum Then {
    /// Nothing more (`:doel` without an argument).
    Nothing,
    Entity(EntityRef, Via),
    Export(Box<ExportJob>),
}

/// Work waiting for an audit entry to be committed.
#[derive(Clone, Debug)]
pub(super) enum Pending {
    /// Shown once its `open_entity` or `search_open` entry is committed.
    Entity(Box<EntityView>),
    /// The lock lifts once the `unlock` entry is committed.
    Unlock,
    /// An export is being written to this file (shown sanitised).
    Export(String),
}

/// The audit object of an entity.
pub fn object_of(e: &EntityRef) -> Object {
    let id = e.id.clone();
    match e.kind {
        EntityKind::Address => Object::Address(id),
        EntityKind::Business => Object::Business(id),
        EntityKind::Party => Object::Party(id),
        EntityKind::Signal => Object::Signal(id),
    }
}

impl App {
    /// An audit entry of this session: with the purpose once one is given.
    pub fn entry(&self, action: Done, object: Object, outcome: Outcome) -> Entry {
        let e = Entry::new(action, object, outcome);
        match &self.purpose {
            Some(p) => e.with_purpose(p),
            None => e,
        }
    }

    /// [`App::entry`] with the root table's lens, when that makes a valid entry (a lens
    /// version the log cannot take is left out rather than blocking the entry).
    pub(super) fn entry_with_lens(&self, action: Done, object: Object) -> Entry {
        let e = self.entry(action, object, Outcome::Ok);
        match self.lens() {
            Some(l) => {
                let with = e.clone().with_lens(&l.id, &l.version);
                if with.check().is_ok() { with } else { e }
            }
            None => e,
        }
    }

    /// Opens an entity: asks for the purpose first if there is none yet.
    pub fn open_entity(&mut self, id: &EntityRef, via: Via) -> Option<Effect> {
        if self.purpose.is_none() {
            self.ask_purpose(String::new(), Then::Entity(id.clone(), via));
            return None;
        }
        self.fetch_entity(id, via)
    }

    pub(super) fn ask_purpose(&mut self, input: String, then: Then) {
        self.mode = Mode::Purpose {
            input,
            then,
            refused: false,
        };
    }

    /// Fetches the detail and asks for its audit entry; the detail waits unseen.
    fn fetch_entity(&mut self, id: &EntityRef, via: Via) -> Option<Effect> {
        let lens = self.lens().map(|l| l.id.clone()).unwrap_or_default();
        let flags_pending = !self.source.ready(Need::Flags(&lens));
        match self.source.entity(id) {
            Ok(detail) => {
                let action = match via {
                    Via::Open => Done::OpenEntity,
                    Via::Search => Done::SearchOpen,
                };
                let entry = self.entry_with_lens(action, object_of(id));
                self.pending = Some(Pending::Entity(Box::new(EntityView {
                    detail,
                    cursor: Cursor::default(),
                    flags_pending,
                })));
                Some(Effect::Audit(entry))
            }
            Err(e) => {
                self.say(e, true);
                None
            }
        }
    }

    pub(super) fn purpose_key(
        &mut self,
        action: Action,
        mut input: String,
        then: Then,
        mut refused: bool,
    ) -> Option<Effect> {
        match action {
            Action::Input(c) if input.chars().count() < MAX_PURPOSE_CHARS => input.push(c),
            Action::Erase => {
                input.pop();
            }
            Action::Cancel => {
                if then != Then::Nothing {
                    self.say(L::PurposeCancelled.t(self.lang).into(), false);
                }
                return None;
            }
            Action::Accept => {
                let given = input.trim();
                if check_purpose(given).is_ok() {
                    return self.set_purpose(given.to_owned(), then);
                }
                refused = true;
            }
            _ => {}
        }
        self.mode = Mode::Purpose {
            input,
            then,
            refused,
        };
        None
    }

    /// Takes the purpose and carries on with what waited for it.
    pub(super) fn set_purpose(&mut self, purpose: String, then: Then) -> Option<Effect> {
        self.say(format!("{}: {purpose}", L::PurposeWord.t(self.lang)), false);
        self.purpose = Some(purpose);
        match then {
            Then::Nothing => None,
            Then::Entity(id, via) => self.fetch_entity(&id, via),
            Then::Export(job) => {
                self.mode = Mode::ConfirmExport(*job);
                None
            }
        }
    }

    /// `:doel TEXT` sets the purpose; `:doel` alone opens the prompt with the current one.
    pub(super) fn purpose_command(&mut self, arg: Option<String>) -> Option<Effect> {
        match arg {
            None => {
                let current = self.purpose.clone().unwrap_or_default();
                self.ask_purpose(current, Then::Nothing);
                None
            }
            Some(p) if check_purpose(&p).is_ok() => self.set_purpose(p, Then::Nothing),
            Some(_) => {
                self.say(L::PurposeRule.t(self.lang).into(), true);
                None
            }
        }
    }

    /// An audit entry was committed, or could not be.
    pub(super) fn audited(&mut self, result: Result<(), String>) -> Option<Effect> {
        let pending = self.pending.take();
        match result {
            Ok(()) => match pending {
                Some(Pending::Entity(view)) => {
                    self.status = None;
                    self.stack.push(Screen::Entity(view));
                }
                Some(Pending::Unlock) => self.unlocked(),
                Some(Pending::Export(_)) | None => {}
            },
            Err(e) => {
                let mut text = format!("{}: {}", L::AuditDown.t(self.lang), sanitize::line(&e));
                if matches!(pending, Some(Pending::Entity(_))) {
                    text = format!("{text}; {}", L::NotShown.t(self.lang));
                }
                if let Some(lock) = &mut self.lock {
                    lock.refused = Some(text.clone());
                }
                self.say(text, true);
            }
        }
        None
    }
}
