//! [`App::update`]: the dispatch of one action to the mode, lock or screen that handles it,
//! and the keys of normal mode.

use super::*;

impl App {
    /// Applies one action. Returns work for the event loop, if any.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::Resize(w, h) => {
                self.size = (w, h);
                return None;
            }
            Action::Saved(result) => return self.saved(result),
            Action::Audited(result) => return self.audited(result),
            Action::Exported(result) => {
                self.exported(result);
                return None;
            }
            Action::IdleTimeout => return self.idle(),
            Action::Loaded => {
                self.loaded();
                return None;
            }
            _ => {}
        }
        if self.blank {
            // Any key comes back (see `lock.rs` for why not to the lock screen).
            self.blank = false;
            return None;
        }
        if self.lock.is_some() {
            return self.lock_key(action);
        }
        match action {
            Action::QuitNow => return self.quit_now(),
            Action::Privacy => return self.privacy(),
            Action::Lock => return self.lock_now(Reason::User),
            // Typed text is echoed on screen: nothing that could steer the terminal gets in.
            Action::Input(c) if sanitize::is_unsafe(c) => return None,
            _ => {}
        }
        match std::mem::replace(&mut self.mode, Mode::Normal) {
            Mode::Normal => self.normal(action),
            Mode::Help { scroll } => {
                self.mode = match action {
                    Action::Down => Mode::Help {
                        scroll: (scroll + 1).min(crate::tui::keys::TABLE.len()),
                    },
                    Action::Up => Mode::Help {
                        scroll: scroll.saturating_sub(1),
                    },
                    Action::Back => Mode::Normal,
                    _ => Mode::Help { scroll },
                };
                None
            }
            Mode::Filter { before } => {
                self.filter_key(action, before);
                None
            }
            Mode::Command { input, tab } => self.command_key(action, input, tab),
            Mode::Finder(f) => self.finder_key(action, f),
            Mode::Purpose {
                input,
                then,
                refused,
            } => self.purpose_key(action, input, then, refused),
            Mode::ConfirmExport(job) => match action {
                Action::Yes => self.export_now(job),
                _ => None,
            },
            Mode::ConfirmQuit => match action {
                Action::Yes => self.quit_now(),
                _ => None,
            },
            Mode::ConfirmOverwrite(t) => match action {
                Action::Yes => Some(Effect::SaveLens(TunedLens {
                    overwrite: true,
                    ..t
                })),
                _ => None,
            },
        }
    }

    pub(super) fn quit_now(&mut self) -> Option<Effect> {
        self.quit = true;
        Some(Effect::Quit)
    }

    fn normal(&mut self, action: Action) -> Option<Effect> {
        let page = self.page() as isize;
        let mv = match action {
            Action::Up => Some(Move::By(-1)),
            Action::Down => Some(Move::By(1)),
            Action::PageUp => Some(Move::By(-page)),
            Action::PageDown => Some(Move::By(page)),
            Action::HalfUp => Some(Move::By(-(page / 2).max(1))),
            Action::HalfDown => Some(Move::By((page / 2).max(1))),
            Action::Top => Some(Move::To(0)),
            Action::Bottom => Some(Move::End),
            _ => None,
        };
        if let Some(mv) = mv {
            self.status = None;
            self.move_cursor(mv);
            return None;
        }
        match action {
            Action::Help => self.mode = Mode::Help { scroll: 0 },
            Action::Finder => self.mode = Mode::Finder(Finder::default()),
            Action::Command => {
                self.mode = Mode::Command {
                    input: String::new(),
                    tab: None,
                }
            }
            Action::Filter if self.stack.is_empty() => {
                self.mode = Mode::Filter {
                    before: self.filter.clone(),
                };
            }
            Action::Quit if self.stack.is_empty() => self.mode = Mode::ConfirmQuit,
            Action::Quit | Action::Back => {
                self.stack.pop();
                self.status = None;
            }
            Action::Redraw => return Some(Effect::Redraw),
            Action::Open => return self.open(),
            Action::NextPanel | Action::PrevPanel => self.switch_panel(action == Action::NextPanel),
            Action::Left | Action::Right if self.stack.is_empty() => {
                let i = Column::ALL
                    .iter()
                    .position(|c| *c == self.column)
                    .unwrap_or(0);
                let n = Column::ALL.len();
                let j = if action == Action::Left {
                    (i + n - 1) % n
                } else {
                    (i + 1) % n
                };
                self.column = Column::ALL[j];
            }
            Action::SortAsc | Action::SortDesc if self.stack.is_empty() => {
                self.sort_by(self.column, action == Action::SortAsc)
            }
            Action::Level if self.stack.is_empty() => {
                self.level = self.level.next();
                self.rescore();
            }
            Action::Compare if self.stack.is_empty() => {
                self.compare = self.compare.next();
                self.rescore();
            }
            Action::Gemeente if self.stack.is_empty() => {
                self.gemeente = match self.gemeente {
                    Some(_) => None,
                    None => self.selected_row().map(|r| r.gemeente_code.clone()),
                };
                self.rescore();
            }
            Action::LensDetail if self.stack.is_empty() => self.push_lens_detail(),
            Action::WeightUp | Action::WeightDown | Action::WeightReset => self.tune(&action),
            Action::Save => {
                if let Some(l) = self.lens() {
                    self.mode = Mode::Command {
                        input: format!("save {}-eigen", l.id),
                        tab: None,
                    };
                }
            }
            _ => {}
        }
        None
    }
}
