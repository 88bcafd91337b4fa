//! The modes that take typed input: the `/` filter, the `:` command line (with completion and
//! the commands themselves) and the fuzzy finder; and the answer to a save (audited once the
//! file is written).

use super::command::{self, Candidates, Cmd};
use super::*;

impl App {
    pub(super) fn filter_key(&mut self, action: Action, before: String) {
        let mut stay = true;
        match action {
            Action::Input(c) => self.filter.push(c),
            // Backspace on an empty prompt closes it, as in vi and less.
            Action::Erase => stay = self.filter.pop().is_some(),
            Action::Accept => return,
            Action::Cancel => {
                self.filter = before.clone();
                stay = false;
            }
            _ => {}
        }
        if stay {
            self.mode = Mode::Filter { before };
        }
        let keep = self.selected_row().map(|r| r.code.clone());
        self.rearrange(keep);
    }

    pub(super) fn candidates(&self) -> Candidates {
        let mut gemeenten: Vec<String> =
            self.rows.iter().map(|r| r.gemeente_code.clone()).collect();
        gemeenten.sort();
        gemeenten.dedup();
        Candidates {
            lenses: self.lenses.iter().map(|l| l.id.clone()).collect(),
            gemeenten,
            areas: self.rows.iter().map(|r| r.code.clone()).collect(),
        }
    }

    pub(super) fn command_key(
        &mut self,
        action: Action,
        mut input: String,
        tab: Option<(Vec<String>, usize)>,
    ) -> Option<Effect> {
        let mut next_tab = None;
        match action {
            Action::Input(c) => input.push(c),
            // Backspace on an empty command line closes it.
            Action::Erase => {
                input.pop()?;
            }
            Action::Complete => {
                let (list, i) = match tab {
                    Some((list, i)) if list.get(i) == Some(&input) => {
                        let n = list.len();
                        (list, (i + 1) % n)
                    }
                    _ => (command::complete(&input, &self.candidates()), 0),
                };
                if let Some(c) = list.get(i) {
                    input = c.clone();
                    next_tab = Some((list, i));
                }
            }
            Action::Cancel => return None,
            Action::Accept => return self.execute(&input),
            _ => next_tab = tab,
        }
        self.mode = Mode::Command {
            input,
            tab: next_tab,
        };
        None
    }

    pub(super) fn execute(&mut self, input: &str) -> Option<Effect> {
        if input.trim().is_empty() {
            return None;
        }
        let cmd = match command::parse(input) {
            Ok(c) => c,
            Err(usage) => {
                let text = if usage.is_empty() {
                    format!(
                        "{}: {}",
                        L::UnknownCommand.t(self.lang),
                        sanitize::line(input)
                    )
                } else {
                    format!("{}: :{}", L::Usage.t(self.lang), sanitize::line(&usage))
                };
                self.say(text, true);
                return None;
            }
        };
        match cmd {
            Cmd::Quit => return self.quit_now(),
            Cmd::Help => self.mode = Mode::Help { scroll: 0 },
            Cmd::Lens(id) => match self.lenses.iter().position(|l| l.id == id) {
                Some(i) => {
                    self.stack.clear();
                    self.select_lens(i);
                }
                None => self.say(
                    format!("{}: {}", L::NoHits.t(self.lang), sanitize::line(&id)),
                    true,
                ),
            },
            Cmd::Open(what) => {
                let code = what.to_uppercase();
                let is_area = ["BU", "WK", "GM"].iter().any(|p| code.starts_with(p))
                    && code.chars().all(|c| c.is_ascii_alphanumeric());
                if is_area {
                    self.open_area(&code);
                } else {
                    match self.source.search(&what) {
                        Ok(hits) if !hits.is_empty() => {
                            return self.open_hit(&hits[0].target.clone());
                        }
                        Ok(_) => self.say(
                            format!("{}: {}", L::NoHits.t(self.lang), sanitize::line(&what)),
                            true,
                        ),
                        Err(e) => self.say(e, true),
                    }
                }
            }
            Cmd::Level(l) => {
                self.level = l;
                self.rescore();
            }
            Cmd::Compare(c) => {
                self.compare = c;
                self.rescore();
            }
            Cmd::Gemeente(g) => {
                self.gemeente = g;
                self.rescore();
            }
            Cmd::Sort(c, asc) => self.sort_by(c, asc),
            Cmd::Filter(f) => {
                self.filter = f;
                self.rearrange(None);
            }
            Cmd::Save(id) => {
                let lens = self.lens()?.clone();
                let weights = self.lens_weights(&lens);
                let t = TunedLens {
                    base: lens.id.clone(),
                    id,
                    weights: lens
                        .indicators
                        .iter()
                        .map(|i| i.id.clone())
                        .zip(weights)
                        .collect(),
                    overwrite: false,
                };
                self.pending_save = Some(t.clone());
                return Some(Effect::SaveLens(t));
            }
            Cmd::Purpose(p) => return self.purpose_command(p),
            Cmd::Lock => return self.lock_now(Reason::User),
            Cmd::Export { path, excel } => return self.export_command(path, excel),
        }
        None
    }

    pub(super) fn saved(&mut self, result: Result<String, SaveError>) -> Option<Effect> {
        let pending = self.pending_save.take();
        match result {
            Ok(path) => {
                self.say(format!("{}: {path}", L::Saved.t(self.lang)), false);
                let id = pending.map(|t| t.id).unwrap_or_default();
                let entry = self.entry_with_lens(crate::audit::Action::LensSave, Object::Lens(id));
                return Some(Effect::Audit(entry));
            }
            Err(SaveError::Exists) => {
                if let Some(t) = pending {
                    self.pending_save = Some(TunedLens {
                        overwrite: true,
                        ..t.clone()
                    });
                    self.mode = Mode::ConfirmOverwrite(t);
                }
            }
            Err(SaveError::Failed(e)) => self.say(e, true),
        }
        None
    }

    pub(super) fn open_hit(&mut self, target: &Target) -> Option<Effect> {
        match target {
            Target::Area(code) => {
                self.open_area(code);
                None
            }
            Target::Entity(e) => self.open_entity(e, Via::Search),
        }
    }

    pub(super) fn finder_key(&mut self, action: Action, mut f: Finder) -> Option<Effect> {
        // Typing only marks the results stale; `settle` searches once the typed keys are all
        // in, so fast typing over a slow link costs one search, not one per key.
        if f.stale && matches!(action, Action::Up | Action::Down | Action::Accept) {
            self.search_now(&mut f);
        }
        let requery = match action {
            Action::Input(c) => {
                f.query.push(c);
                true
            }
            Action::Erase => f.query.pop().is_some(),
            Action::Up => {
                f.cursor.move_by(-1, f.hits.len(), self.page());
                false
            }
            Action::Down => {
                f.cursor.move_by(1, f.hits.len(), self.page());
                false
            }
            Action::Accept => {
                let t = f.hits.get(f.cursor.pos)?.target.clone();
                return self.open_hit(&t);
            }
            Action::Cancel => return None,
            _ => false,
        };
        f.stale |= requery;
        self.mode = Mode::Finder(f);
        None
    }

    /// Runs the finder's search for the current query.
    fn search_now(&mut self, f: &mut Finder) {
        f.stale = false;
        f.cursor = Cursor::default();
        f.error = None;
        if f.query.trim().is_empty() {
            f.hits.clear();
            return;
        }
        match self.source.search(&f.query) {
            Ok(h) => f.hits = h,
            Err(e) => {
                f.hits.clear();
                f.error = Some(e);
            }
        }
    }

    /// Work deferred until no key is pending: the event loop calls this before drawing.
    pub fn settle(&mut self) {
        if !matches!(&self.mode, Mode::Finder(f) if f.stale) {
            return;
        }
        if let Mode::Finder(mut f) = std::mem::replace(&mut self.mode, Mode::Normal) {
            self.search_now(&mut f);
            self.mode = Mode::Finder(f);
        }
    }
}
