//! The app state and `update(Action)`: the only place state changes. Screens form a stack over
//! the root (lenses + score table): lens detail, area detail, entity detail. Modes (help, `/`
//! filter, `:` command line, fuzzy finder, yes/no questions) sit on top of the current screen.
//!
//! Reads go through the [`DataSource`], wrapped by [`Safe`] so every answer is sanitised once on
//! the way in. Writes (saving a tuned lens, audit entries, exports) and terminal work leave as an
//! [`Effect`] for the event loop (see `super::session`), whose outcome comes back as an
//! [`Action`]; `update` draws nothing and touches no terminal or file.
//!
//! Trust (`purpose`, `lock`, `export`): an entity detail is shown only after its audit entry is
//! committed. The app fetches it, keeps it aside, asks for [`Effect::Audit`], and pushes the
//! screen on [`Action::Audited`]`(Ok)`; on an error the detail is dropped unseen.

mod command;
mod export;
mod loading;
mod lock;
mod navigate;
mod prompt;
mod purpose;
mod table;

use std::collections::HashMap;

pub use command::{COMMANDS, Candidates, Cmd};
pub use export::{ExportFailure, ExportJob};
pub use lock::{CODE_LEN, Lock};
pub use purpose::{Then, Via};
pub use table::{Column, Cursor, arrange, visible_offset};

use super::i18n::{L, Lang};
use super::keys::{Action, Ctx, KeyTable};
use super::source::*;
use crate::audit::{Entry, Object, Outcome, Reason};
use crate::sanitize;

/// Work for the event loop.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    Quit,
    /// Clear and redraw the whole terminal (Ctrl-L).
    Redraw,
    /// Write this tuned lens (through [`DataSource::save_lens`]) and send back
    /// [`Action::Saved`].
    SaveLens(TunedLens),
    /// Commit this audit entry and send back [`Action::Audited`].
    Audit(Entry),
    /// The screen is locked: clear the terminal and its scrollback, draw the lock screen,
    /// then record the entry and send back [`Action::Audited`].
    Lock(Entry),
    /// The privacy key blanked the screen: draw the blank frame, then record the entry and
    /// send back [`Action::Audited`].
    Blank(Entry),
    /// Write this export under audit and send back [`Action::Exported`].
    Export(ExportJob),
}

/// Entries per flagged-entities page fetched while scrolling.
pub const PAGE: usize = 25;
/// Fuzzy-finder results asked for per keystroke.
pub const FINDER_LIMIT: usize = 50;

/// The data source, with every answer sanitised on the way in.
pub struct Safe(Box<dyn DataSource>);

fn err(e: String) -> String {
    sanitize::line(&e)
}

impl Safe {
    /// See [`DataSource::ready`].
    pub fn ready(&mut self, need: Need<'_>) -> bool {
        self.0.ready(need)
    }
    pub fn lenses(&self) -> Vec<LensSummary> {
        self.0.lenses().clean()
    }
    fn scores(&mut self, req: &ScoreRequest) -> Result<Vec<AreaRow>, String> {
        self.0.scores(req).map(Clean::clean).map_err(err)
    }
    fn area_detail(&mut self, req: &ScoreRequest, area: &str) -> Result<AreaDetail, String> {
        self.0.area_detail(req, area).map(Clean::clean).map_err(err)
    }
    fn entity(&mut self, id: &EntityRef) -> Result<EntityDetail, String> {
        self.0.entity(id).map(Clean::clean).map_err(err)
    }
    fn flagged_page(
        &mut self,
        lens: &str,
        area: &str,
        after: &str,
    ) -> Result<Vec<EntityLine>, String> {
        self.0
            .flagged_page(lens, area, Some(after), PAGE)
            .map(Clean::clean)
            .map_err(err)
    }
    fn first_flagged_page(&mut self, lens: &str, area: &str) -> Result<Vec<EntityLine>, String> {
        self.0
            .flagged_page(lens, area, None, PAGE)
            .map(Clean::clean)
            .map_err(err)
    }
    fn search(&mut self, query: &str) -> Result<Vec<SearchHit>, String> {
        self.0
            .search(query, FINDER_LIMIT)
            .map(Clean::clean)
            .map_err(err)
    }
    /// For the event loop's [`Effect::Export`]: raw values (an export keeps the data as it
    /// is); only an error message is sanitised, since it is shown.
    pub fn export_scores(
        &mut self,
        req: &ScoreRequest,
        areas: &[String],
    ) -> Result<ExportTable, String> {
        self.0.export_scores(req, areas).map_err(err)
    }
    /// For the event loop's [`Effect::SaveLens`].
    pub fn save_lens(&mut self, lens: &TunedLens) -> Result<String, SaveError> {
        self.0
            .save_lens(lens)
            .map(|p| sanitize::line(&p))
            .map_err(|e| match e {
                SaveError::Failed(m) => SaveError::Failed(err(m)),
                other => other,
            })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    Lenses,
    Table,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AreaPanel {
    Indicators,
    Flagged,
    Signals,
}

#[derive(Clone, Debug)]
pub struct LensView {
    /// Cursor on the indicators (whose weight `+`/`-` change).
    pub cursor: Cursor,
    /// Cursor on the live ranking.
    pub ranking: Cursor,
    pub focus_ranking: bool,
}

#[derive(Clone, Debug)]
pub struct AreaView {
    pub req: ScoreRequest,
    pub detail: AreaDetail,
    pub focus: AreaPanel,
    pub indicators: Cursor,
    pub flagged: Cursor,
    pub signals: Cursor,
    /// More flagged entities may follow the ones loaded.
    pub more: bool,
    /// The lens's flags are still being computed (the list fills on [`Action::Loaded`]).
    pub flags_pending: bool,
}

#[derive(Clone, Debug)]
pub struct EntityView {
    pub detail: EntityDetail,
    pub cursor: Cursor,
    /// The flags of some lens are still being computed (they fill on [`Action::Loaded`]).
    pub flags_pending: bool,
}

impl EntityView {
    /// What Enter can open, in display order: linked items, then signals about an entity.
    pub fn targets(&self) -> Vec<&EntityRef> {
        self.detail
            .linked
            .iter()
            .flat_map(|(_, items)| items.iter().map(|i| &i.target))
            .chain(self.detail.signals.iter().filter_map(|s| s.target.as_ref()))
            .collect()
    }
}

/// A screen above the root.
#[derive(Clone, Debug)]
pub enum Screen {
    LensDetail(LensView),
    Area(Box<AreaView>),
    Entity(Box<EntityView>),
}

#[derive(Clone, Debug, Default)]
pub struct Finder {
    pub query: String,
    pub hits: Vec<SearchHit>,
    pub cursor: Cursor,
    pub error: Option<String>,
    /// The query changed since the last search (see `App::settle`).
    pub stale: bool,
}

#[derive(Clone, Debug)]
pub enum Mode {
    Normal,
    Help {
        scroll: usize,
    },
    Filter {
        before: String,
    },
    Command {
        input: String,
        tab: Option<(Vec<String>, usize)>,
    },
    Finder(Finder),
    ConfirmQuit,
    ConfirmOverwrite(TunedLens),
    /// The purpose prompt before an entity detail or an export (or `:doel` alone).
    Purpose {
        input: String,
        then: Then,
        /// The last answer was refused (shown under the prompt).
        refused: bool,
    },
    /// "Export N rows to FILE?"
    ConfirmExport(ExportJob),
}

/// How the interface is set up for a session (from `config.toml`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AppOptions {
    /// The classification banner on every screen.
    pub banner: Option<String>,
    /// The key table in force.
    pub keys: KeyTable,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// The whole interface state.
pub struct App {
    source: Safe,
    pub lang: Lang,
    pub lenses: Vec<LensSummary>,
    pub lens_cursor: Cursor,
    pub level: Level,
    pub compare: Compare,
    pub gemeente: Option<String>,
    /// Live weight overrides per lens id, aligned with the lens's indicators.
    pub weights: HashMap<String, Vec<f64>>,
    /// The score table from the source, in rank order.
    pub rows: Vec<AreaRow>,
    /// The source is still computing the score table (it comes on [`Action::Loaded`]).
    pub loading: bool,
    /// An area to open once the source has scored its level (see `loading.rs`).
    pub(crate) opening: Option<String>,
    /// Row indices shown: filtered and sorted.
    pub shown: Vec<usize>,
    pub table: Cursor,
    pub column: Column,
    pub sort: Option<(Column, bool)>,
    pub filter: String,
    pub focus: Panel,
    pub stack: Vec<Screen>,
    pub mode: Mode,
    pub status: Option<Status>,
    /// Terminal columns and rows.
    pub size: (u16, u16),
    pub quit: bool,
    /// Why the session ends once `quit` is set.
    pub end_reason: Reason,
    pending_save: Option<TunedLens>,
    /// The purpose given for this session (a case number or short reason).
    pub purpose: Option<String>,
    /// The classification banner, if configured.
    pub banner: Option<String>,
    /// The key table in force (dispatch, help and footer).
    pub keys: KeyTable,
    /// The lock screen, while locked.
    pub lock: Option<Lock>,
    /// The privacy key blanked the screen.
    pub blank: bool,
    pending: Option<purpose::Pending>,
    /// Seeds the unlock codes.
    locks: lock::Codes,
}

enum Move {
    By(isize),
    To(usize),
    End,
}

impl App {
    pub fn new(source: Box<dyn DataSource>, lang: Lang) -> App {
        App::with_options(source, lang, AppOptions::default())
    }

    pub fn with_options(source: Box<dyn DataSource>, lang: Lang, opts: AppOptions) -> App {
        let source = Safe(source);
        let lenses = source.lenses();
        let mut app = App {
            source,
            lang,
            lenses,
            lens_cursor: Cursor::default(),
            level: Level::Buurt,
            compare: Compare::All,
            gemeente: None,
            weights: HashMap::new(),
            rows: Vec::new(),
            loading: false,
            opening: None,
            shown: Vec::new(),
            table: Cursor::default(),
            column: Column::Score,
            sort: None,
            filter: String::new(),
            focus: Panel::Table,
            stack: Vec::new(),
            mode: Mode::Normal,
            status: None,
            size: (80, 24),
            quit: false,
            end_reason: Reason::Quit,
            pending_save: None,
            purpose: None,
            banner: opts.banner,
            keys: opts.keys,
            lock: None,
            blank: false,
            pending: None,
            locks: lock::Codes::new(),
        };
        app.select_lens(0);
        app
    }

    /// The source, for the event loop's effects.
    pub fn source_mut(&mut self) -> &mut Safe {
        &mut self.source
    }

    pub fn lens(&self) -> Option<&LensSummary> {
        self.lenses.get(self.lens_cursor.pos)
    }

    /// The weights in force for a lens (tuned or from its file).
    pub fn lens_weights(&self, lens: &LensSummary) -> Vec<f64> {
        self.weights
            .get(&lens.id)
            .cloned()
            .unwrap_or_else(|| lens.indicators.iter().map(|i| i.weight).collect())
    }

    pub fn tuned(&self) -> bool {
        self.lens()
            .is_some_and(|l| self.weights.contains_key(&l.id))
    }

    /// The scoring request for the root table.
    pub fn request(&self) -> Option<ScoreRequest> {
        let lens = self.lens()?;
        let weights = match self.weights.get(&lens.id) {
            Some(w) => lens
                .indicators
                .iter()
                .zip(w)
                .map(|(i, w)| (i.id.clone(), *w))
                .collect(),
            None => Vec::new(),
        };
        Some(ScoreRequest {
            lens: lens.id.clone(),
            level: self.level,
            compare: self.compare,
            gemeente: self.gemeente.clone(),
            weights,
        })
    }

    pub fn screen(&self) -> Option<&Screen> {
        self.stack.last()
    }

    /// The active key-table contexts, most specific first. The privacy and lock keys
    /// ([`Ctx::Always`]) come last: the remap check keeps them apart from every other key.
    pub fn contexts(&self) -> Vec<Ctx> {
        if self.blank {
            return vec![Ctx::Blank];
        }
        if self.lock.is_some() {
            return vec![Ctx::Locked];
        }
        let mut ctxs = match self.mode {
            Mode::Help { .. } => vec![Ctx::Help],
            Mode::Filter { .. } | Mode::Command { .. } => vec![Ctx::Prompt],
            Mode::Purpose { .. } => vec![Ctx::Purpose],
            Mode::Finder(_) => vec![Ctx::Finder],
            Mode::ConfirmQuit | Mode::ConfirmOverwrite(_) | Mode::ConfirmExport(_) => {
                vec![Ctx::Confirm]
            }
            Mode::Normal => vec![self.screen_ctx(), Ctx::Global],
        };
        ctxs.push(Ctx::Always);
        ctxs
    }

    /// The key-table context of the current screen (help is per screen).
    pub fn screen_ctx(&self) -> Ctx {
        match self.screen() {
            None => Ctx::Lenses,
            Some(Screen::LensDetail(_)) => Ctx::LensDetail,
            Some(Screen::Area(_)) => Ctx::Area,
            Some(Screen::Entity(_)) => Ctx::Entity,
        }
    }

    /// Rows in a full-height list on this terminal (the view's chrome is 8 lines or less, one
    /// more with a banner).
    pub fn page(&self) -> usize {
        let chrome = 8 + usize::from(self.banner.is_some());
        usize::from(self.size.1).saturating_sub(chrome).max(1)
    }

    fn say(&mut self, text: String, error: bool) {
        self.status = Some(Status { text, error });
    }

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
                        scroll: (scroll + 1).min(super::keys::TABLE.len()),
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

    fn quit_now(&mut self) -> Option<Effect> {
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
