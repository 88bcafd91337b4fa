//! The state of each screen above the root (lens, area and entity detail), of the fuzzy finder
//! and of the modes that sit on top of the current screen.

use super::*;

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
