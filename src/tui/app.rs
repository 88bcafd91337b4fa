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
mod safe;
mod screens;
mod table;
mod update;

use std::collections::HashMap;

pub use command::{COMMANDS, Candidates, Cmd};
pub use export::{ExportFailure, ExportJob};
pub use lock::{CODE_LEN, Lock};
pub use purpose::{Then, Via};
pub use safe::Safe;
pub use screens::{AreaPanel, AreaView, EntityView, Finder, LensView, Mode, Panel, Screen};
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
}
