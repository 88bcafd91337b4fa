//! The app state and `update(Action)`: the only place state changes. Screens form a stack over
//! the root (lenses + score table): lens detail, area detail, entity detail. Modes (help, `/`
//! filter, `:` command line, fuzzy finder, yes/no questions) sit on top of the current screen.
//!
//! Reads go through the [`DataSource`], wrapped by [`Safe`] so every answer is sanitised once on
//! the way in. Writes (saving a tuned lens) and terminal work leave as an [`Effect`] for the event
//! loop; `update` draws nothing and touches no terminal or file.

mod command;
mod table;

use std::collections::HashMap;

pub use command::{COMMANDS, Candidates, Cmd};
pub use table::{Column, Cursor, arrange, visible_offset};

use super::i18n::{L, Lang};
use super::keys::{Action, Ctx};
use super::source::*;
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
    fn search(&mut self, query: &str) -> Result<Vec<SearchHit>, String> {
        self.0
            .search(query, FINDER_LIMIT)
            .map(Clean::clean)
            .map_err(err)
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
}

#[derive(Clone, Debug)]
pub struct EntityView {
    pub detail: EntityDetail,
    pub cursor: Cursor,
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
    pending_save: Option<TunedLens>,
}

enum Move {
    By(isize),
    To(usize),
    End,
}

impl App {
    pub fn new(source: Box<dyn DataSource>, lang: Lang) -> App {
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
            pending_save: None,
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

    /// The active key-table contexts, most specific first.
    pub fn contexts(&self) -> Vec<Ctx> {
        match self.mode {
            Mode::Help { .. } => vec![Ctx::Help],
            Mode::Filter { .. } | Mode::Command { .. } => vec![Ctx::Prompt],
            Mode::Finder(_) => vec![Ctx::Finder],
            Mode::ConfirmQuit | Mode::ConfirmOverwrite(_) => vec![Ctx::Confirm],
            Mode::Normal => vec![self.screen_ctx(), Ctx::Global],
        }
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

    /// Rows in a full-height list on this terminal (the view's chrome is 8 lines or less).
    pub fn page(&self) -> usize {
        usize::from(self.size.1).saturating_sub(8).max(1)
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
            Action::QuitNow => return self.quit_now(),
            Action::Saved(result) => {
                self.saved(result);
                return None;
            }
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
            Mode::Finder(f) => {
                self.finder_key(action, f);
                None
            }
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
            Action::Open => self.open(),
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

    pub fn selected_row(&self) -> Option<&AreaRow> {
        self.shown.get(self.table.pos).map(|&i| &self.rows[i])
    }

    fn select_lens(&mut self, i: usize) {
        let page = self.page();
        self.lens_cursor.set(i, self.lenses.len(), page);
        if let Some((level, compare)) = self.lens().map(|l| (l.level, l.compare)) {
            self.level = level;
            self.compare = compare;
        }
        self.rescore();
    }

    /// Asks the source for the table again, keeping the cursor on the same area if it stays.
    pub fn rescore(&mut self) {
        let keep = self.selected_row().map(|r| r.code.clone());
        self.rows = match self.request().map(|r| self.source.scores(&r)) {
            Some(Ok(rows)) => rows,
            Some(Err(e)) => {
                self.say(e, true);
                Vec::new()
            }
            None => Vec::new(),
        };
        self.rearrange(keep);
    }

    fn rearrange(&mut self, keep: Option<String>) {
        self.shown = arrange(&self.rows, &self.filter, self.sort);
        let pos = keep
            .and_then(|c| self.shown.iter().position(|&i| self.rows[i].code == c))
            .unwrap_or(0);
        let page = self.page();
        self.table.set(pos, self.shown.len(), page);
    }

    fn sort_by(&mut self, col: Column, asc: bool) {
        self.sort = Some((col, asc));
        self.column = col;
        let keep = self.selected_row().map(|r| r.code.clone());
        self.rearrange(keep);
    }

    fn switch_panel(&mut self, forward: bool) {
        match self.stack.last_mut() {
            None => {
                self.focus = match self.focus {
                    Panel::Lenses => Panel::Table,
                    Panel::Table => Panel::Lenses,
                }
            }
            Some(Screen::LensDetail(v)) => v.focus_ranking = !v.focus_ranking,
            Some(Screen::Area(v)) => {
                use AreaPanel::*;
                v.focus = match (v.focus, forward) {
                    (Indicators, true) | (Signals, false) => Flagged,
                    (Flagged, true) | (Indicators, false) => Signals,
                    (Signals, true) | (Flagged, false) => Indicators,
                }
            }
            Some(Screen::Entity(_)) => {}
        }
    }

    fn move_cursor(&mut self, mv: Move) {
        let page = self.page();
        let apply = |c: &mut Cursor, len: usize| match mv {
            Move::By(d) => c.move_by(d, len, page),
            Move::To(p) => c.set(p, len, page),
            Move::End => c.set(usize::MAX, len, page),
        };
        let rows = self.shown.len();
        match self.stack.last_mut() {
            None if self.focus == Panel::Lenses => {
                let mut c = self.lens_cursor;
                apply(&mut c, self.lenses.len());
                if c.pos != self.lens_cursor.pos {
                    self.select_lens(c.pos);
                }
                self.lens_cursor = c;
            }
            None => apply(&mut self.table, rows),
            Some(Screen::LensDetail(v)) => {
                if v.focus_ranking {
                    apply(&mut v.ranking, rows);
                } else {
                    let n = self
                        .lenses
                        .get(self.lens_cursor.pos)
                        .map_or(0, |l| l.indicators.len());
                    apply(&mut v.cursor, n);
                }
            }
            Some(Screen::Area(v)) => match v.focus {
                AreaPanel::Indicators => apply(&mut v.indicators, v.detail.indicators.len()),
                AreaPanel::Signals => apply(&mut v.signals, v.detail.signals.len()),
                AreaPanel::Flagged => {
                    let wants_more = match mv {
                        Move::By(d) => {
                            v.flagged.pos as isize + d >= v.detail.flagged.len() as isize
                        }
                        Move::End => true,
                        Move::To(_) => false,
                    };
                    if wants_more && v.more {
                        self.load_flagged();
                    }
                    if let Some(Screen::Area(v)) = self.stack.last_mut() {
                        apply(&mut v.flagged, v.detail.flagged.len());
                    }
                }
            },
            Some(Screen::Entity(v)) => {
                let n = v.targets().len();
                apply(&mut v.cursor, n);
            }
        }
    }

    /// Fetches the next page of flagged entities (keyset: after the last key loaded).
    fn load_flagged(&mut self) {
        let Some(Screen::Area(v)) = self.stack.last() else {
            return;
        };
        let Some(last) = v.detail.flagged.last() else {
            return;
        };
        let (lens, area, after) = (
            v.req.lens.clone(),
            v.detail.row.code.clone(),
            last.key.clone(),
        );
        let page = self.source.flagged_page(&lens, &area, &after);
        if let Some(Screen::Area(v)) = self.stack.last_mut() {
            match page {
                Ok(lines) => {
                    v.more = lines.len() >= PAGE;
                    v.detail.flagged.extend(lines);
                }
                Err(e) => {
                    v.more = false;
                    self.say(e, true);
                }
            }
        }
    }

    fn open(&mut self) {
        match self.stack.last() {
            None if self.focus == Panel::Lenses => self.push_lens_detail(),
            None => {
                if let Some(code) = self.selected_row().map(|r| r.code.clone()) {
                    self.open_area(&code);
                }
            }
            Some(Screen::LensDetail(v)) => {
                if v.focus_ranking
                    && let Some(&i) = self.shown.get(v.ranking.pos)
                {
                    let code = self.rows[i].code.clone();
                    self.open_area(&code);
                }
            }
            Some(Screen::Area(v)) => {
                let target = match v.focus {
                    AreaPanel::Flagged => v
                        .detail
                        .flagged
                        .get(v.flagged.pos)
                        .map(|l| l.target.clone()),
                    AreaPanel::Signals => v
                        .detail
                        .signals
                        .get(v.signals.pos)
                        .and_then(|s| s.target.clone()),
                    AreaPanel::Indicators => None,
                };
                if let Some(t) = target {
                    self.open_entity(&t);
                }
            }
            Some(Screen::Entity(v)) => {
                if let Some(t) = v.targets().get(v.cursor.pos).map(|t| (*t).clone()) {
                    self.open_entity(&t);
                }
            }
        }
    }

    fn push_lens_detail(&mut self) {
        if self.lens().is_some() {
            self.stack.push(Screen::LensDetail(LensView {
                cursor: Cursor::default(),
                ranking: Cursor::default(),
                focus_ranking: false,
            }));
        }
    }

    /// Opens an area under the root table's lens and settings.
    pub fn open_area(&mut self, code: &str) {
        let Some(req) = self.request() else {
            return;
        };
        match self.source.area_detail(&req, code) {
            Ok(detail) => {
                self.status = None;
                let more = detail.flagged.len() >= PAGE;
                self.stack.push(Screen::Area(Box::new(AreaView {
                    req,
                    detail,
                    focus: AreaPanel::Flagged,
                    indicators: Cursor::default(),
                    flagged: Cursor::default(),
                    signals: Cursor::default(),
                    more,
                })));
            }
            Err(e) => self.say(e, true),
        }
    }

    pub fn open_entity(&mut self, id: &EntityRef) {
        match self.source.entity(id) {
            Ok(detail) => {
                self.status = None;
                self.stack.push(Screen::Entity(Box::new(EntityView {
                    detail,
                    cursor: Cursor::default(),
                })));
            }
            Err(e) => self.say(e, true),
        }
    }

    fn tune(&mut self, action: &Action) {
        let Some(Screen::LensDetail(v)) = self.stack.last() else {
            return;
        };
        let i = v.cursor.pos;
        let Some(lens) = self.lens().cloned() else {
            return;
        };
        let mut w = self.lens_weights(&lens);
        match action {
            Action::WeightUp if i < w.len() => w[i] = (w[i] + 1.0).min(10.0),
            Action::WeightDown if i < w.len() => w[i] = (w[i] - 1.0).max(0.0),
            Action::WeightReset => {
                self.weights.remove(&lens.id);
                self.rescore();
                return;
            }
            _ => return,
        }
        let original: Vec<f64> = lens.indicators.iter().map(|d| d.weight).collect();
        if w == original {
            self.weights.remove(&lens.id);
        } else {
            self.weights.insert(lens.id.clone(), w);
        }
        self.rescore();
    }

    fn filter_key(&mut self, action: Action, before: String) {
        match action {
            Action::Input(c) => self.filter.push(c),
            Action::Erase => {
                self.filter.pop();
            }
            Action::Accept => return,
            Action::Cancel => self.filter = before.clone(),
            _ => {}
        }
        if action != Action::Cancel {
            self.mode = Mode::Filter { before };
        }
        let keep = self.selected_row().map(|r| r.code.clone());
        self.rearrange(keep);
    }

    fn candidates(&self) -> Candidates {
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

    fn command_key(
        &mut self,
        action: Action,
        mut input: String,
        tab: Option<(Vec<String>, usize)>,
    ) -> Option<Effect> {
        let mut next_tab = None;
        match action {
            Action::Input(c) => input.push(c),
            Action::Erase => {
                input.pop();
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

    fn execute(&mut self, input: &str) -> Option<Effect> {
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
                        Ok(hits) if !hits.is_empty() => self.open_hit(&hits[0].target.clone()),
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
        }
        None
    }

    fn saved(&mut self, result: Result<String, SaveError>) {
        let pending = self.pending_save.take();
        match result {
            Ok(path) => self.say(format!("{}: {path}", L::Saved.t(self.lang)), false),
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
    }

    fn open_hit(&mut self, target: &Target) {
        match target {
            Target::Area(code) => self.open_area(code),
            Target::Entity(e) => self.open_entity(e),
        }
    }

    fn finder_key(&mut self, action: Action, mut f: Finder) {
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
                if let Some(h) = f.hits.get(f.cursor.pos) {
                    let t = h.target.clone();
                    self.open_hit(&t);
                }
                return;
            }
            Action::Cancel => return,
            _ => false,
        };
        if requery {
            f.cursor = Cursor::default();
            f.error = None;
            if f.query.trim().is_empty() {
                f.hits.clear();
            } else {
                match self.source.search(&f.query) {
                    Ok(h) => f.hits = h,
                    Err(e) => {
                        f.hits.clear();
                        f.error = Some(e);
                    }
                }
            }
        }
        self.mode = Mode::Finder(f);
    }
}
