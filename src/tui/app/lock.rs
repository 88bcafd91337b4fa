//! Session hygiene on screen: the idle lock and the privacy blank (`security.md` P-01, P-02).
//!
//! **Lock.** After the idle time without a key (the event loop's clock sends
//! [`Action::IdleTimeout`]) or on `:lock`, the screen shows only the lock view; the event loop
//! clears the terminal and its scrollback ([`Effect::Lock`]). Unlocking takes the
//! [`CODE_LEN`]-letter code shown on the lock screen, typed and confirmed with Enter (the last
//! letters typed count). The code is new for every lock and made of letters only, so no burst
//! of terminal replies (which start with Esc, are mostly digits, `;` and `[`, and carry no
//! Enter) can type it: Esc clears what was typed. The
//! code is not a password (anyone at the desk can read it); it proves a person is back, and the
//! audit log records who unlocked. If the lock stays up for another idle period the session
//! ends (`session_end`, reason `idle`), so an abandoned session does not stay open for good.
//! Lock, unlock and refused unlocks are audited; unlocking waits for its entry (fail-closed).
//!
//! **Privacy blank.** The privacy key (Ctrl-X by default) blanks the screen at once, in any
//! mode; the next key, whatever it is, brings the screen back as it was. It does not lead to
//! the lock screen: the privacy key is for the moment someone walks past while the analyst is
//! at the desk, and a key that always costs an unlock code would soon stop being used. Leaving
//! the desk is what the idle lock is for. The blank is audited (not fail-closed: blanking
//! protects, and is never held back by a failing log).
//!
//! **Blank first, then log.** Lock and blank entries are written only after the frame that
//! hides the screen is drawn ([`Effect::Lock`], [`Effect::Blank`]), so a slow or stuck audit
//! file never delays the hiding. Locking also drops every entity detail the app holds and the
//! purpose (see `forget_entities`): after unlocking, the next entity asks for a purpose again.

use std::hash::{BuildHasher, Hasher};

use super::*;
use crate::audit::Action as Done;

/// Letters in an unlock code.
pub const CODE_LEN: usize = 4;

/// Letters that cannot be mistaken for each other or for digits.
const ALPHABET: &[u8] = b"ACDEFHJKLMNPRTUVWXY";

/// The lock screen's state.
#[derive(Clone, Debug, PartialEq)]
pub struct Lock {
    /// Why it locked.
    pub reason: Reason,
    /// The code to type.
    pub code: String,
    /// What was typed so far.
    pub input: String,
    /// The last attempt was wrong.
    pub wrong: bool,
    /// Why the lock could not lift (the audit log refused the entry).
    pub refused: Option<String>,
}

/// Unlock codes: random per process, a new one per lock.
#[derive(Clone, Debug)]
pub(super) struct Codes {
    state: std::collections::hash_map::RandomState,
    n: u64,
}

impl Codes {
    pub(super) fn new() -> Codes {
        Codes {
            state: std::collections::hash_map::RandomState::new(),
            n: 0,
        }
    }

    fn next(&mut self) -> String {
        self.n += 1;
        let mut h = self.state.build_hasher();
        h.write_u64(self.n);
        let mut v = h.finish();
        (0..CODE_LEN)
            .map(|_| {
                let c = ALPHABET[(v % ALPHABET.len() as u64) as usize];
                v /= ALPHABET.len() as u64;
                char::from(c)
            })
            .collect()
    }
}

impl App {
    /// Locks the screen now.
    pub(super) fn lock_now(&mut self, reason: Reason) -> Option<Effect> {
        self.blank = false;
        self.lock = Some(Lock {
            reason,
            code: self.locks.next(),
            input: String::new(),
            wrong: false,
            refused: None,
        });
        // With the purpose in force until now; the entry is written once the lock screen is
        // drawn (see `super::super::session`).
        let entry = self.entry(Done::Lock, Object::Reason(reason), Outcome::Ok);
        self.forget_entities();
        Some(Effect::Lock(entry))
    }

    /// Drops everything of an entity the app holds, so nothing of one stays in memory or on
    /// screen behind the lock: entity screens, search hits, prompts and questions in
    /// progress, a detail waiting for its entry, the status line, and the purpose (asked
    /// again before the next entity after unlocking). Area screens stay: they are area-level
    /// and open without a purpose anyway.
    fn forget_entities(&mut self) {
        if let Some(i) = self
            .stack
            .iter()
            .position(|s| matches!(s, Screen::Entity(_)))
        {
            self.stack.truncate(i);
        }
        self.mode = Mode::Normal;
        self.pending = None;
        self.status = None;
        self.purpose = None;
    }

    /// The idle time passed: lock, or, when the lock has stood for another idle period, end.
    pub(super) fn idle(&mut self) -> Option<Effect> {
        if self.lock.is_some() {
            self.end_reason = Reason::Idle;
            return self.quit_now();
        }
        self.lock_now(Reason::Idle)
    }

    pub(super) fn privacy(&mut self) -> Option<Effect> {
        self.blank = true;
        let entry = self.entry(Done::PrivacyBlank, Object::None, Outcome::Ok);
        Some(Effect::Blank(entry))
    }

    /// A key on the lock screen.
    pub(super) fn lock_key(&mut self, action: Action) -> Option<Effect> {
        if action == Action::QuitNow {
            return self.quit_now();
        }
        let lock = self.lock.as_mut()?;
        match action {
            // Only the last CODE_LEN letters count, so a stray letter before the code does
            // not get in the way.
            Action::Input(c) if c.is_ascii_alphabetic() => {
                if lock.input.len() == CODE_LEN {
                    lock.input.remove(0);
                }
                lock.input.push(c.to_ascii_uppercase());
                lock.wrong = false;
            }
            Action::Erase => {
                lock.input.pop();
            }
            Action::Cancel => lock.input.clear(),
            Action::Accept if lock.input == lock.code => {
                self.pending = Some(purpose::Pending::Unlock);
                return Some(Effect::Audit(self.entry(
                    Done::Unlock,
                    Object::None,
                    Outcome::Ok,
                )));
            }
            // A full wrong code is a real attempt and is recorded; a stray Enter is not.
            Action::Accept if lock.input.len() == CODE_LEN => {
                lock.input.clear();
                lock.wrong = true;
                return Some(Effect::Audit(self.entry(
                    Done::Unlock,
                    Object::None,
                    Outcome::Refused,
                )));
            }
            _ => {}
        }
        None
    }

    pub(super) fn unlocked(&mut self) {
        self.lock = None;
        self.status = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_letters_of_the_alphabet_and_change() {
        let mut c = Codes::new();
        let codes: Vec<String> = (0..20).map(|_| c.next()).collect();
        for code in &codes {
            assert_eq!(code.len(), CODE_LEN);
            assert!(code.bytes().all(|b| ALPHABET.contains(&b)), "{code}");
        }
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert!(unique.len() > 15, "{codes:?}");
    }
}
