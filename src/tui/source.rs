//! The TUI's own view of the data: the [`DataSource`] trait and the plain view-model types it
//! returns. The interface never sees the store, SQL or the scoring engine; the commands layer
//! implements this trait over them (and [`super::fake::FakeSource`] implements it in memory for
//! tests and benchmarks).
//!
//! Everything a source returns is untrusted text. [`Clean`] passes every string through
//! [`crate::sanitize`] once, when the answer enters the app (see `app::Safe`), so views can
//! draw whatever is in the state.

mod clean;
#[cfg(test)]
mod tests;

pub use clean::{Clean, clean_marked};

/// Area level of a lens or a score table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    Buurt,
    Wijk,
    Gemeente,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Buurt, Level::Wijk, Level::Gemeente];

    /// The keyword used in lens files and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Level::Buurt => "buurt",
            Level::Wijk => "wijk",
            Level::Gemeente => "gemeente",
        }
    }

    pub fn parse(s: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.key() == s.trim())
    }

    pub fn next(self) -> Level {
        match self {
            Level::Buurt => Level::Wijk,
            Level::Wijk => Level::Gemeente,
            Level::Gemeente => Level::Buurt,
        }
    }
}

/// The set of areas a score is compared with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Compare {
    All,
    Gemeente,
    Stedelijkheid,
}

impl Compare {
    pub const ALL: [Compare; 3] = [Compare::All, Compare::Gemeente, Compare::Stedelijkheid];

    pub fn key(self) -> &'static str {
        match self {
            Compare::All => "all",
            Compare::Gemeente => "gemeente",
            Compare::Stedelijkheid => "stedelijkheid",
        }
    }

    pub fn parse(s: &str) -> Option<Compare> {
        Compare::ALL.into_iter().find(|c| c.key() == s.trim())
    }

    pub fn next(self) -> Compare {
        match self {
            Compare::All => Compare::Gemeente,
            Compare::Gemeente => Compare::Stedelijkheid,
            Compare::Stedelijkheid => Compare::All,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    HigherIsRiskier,
    LowerIsRiskier,
}

/// One indicator of a lens as the lens file defines it.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorDef {
    pub id: String,
    pub label: String,
    /// The weight in the lens file (before any live tuning).
    pub weight: f64,
    pub direction: Direction,
    /// How values are normalised, as the lens file names it (e.g. `percentile`, `minmax`).
    pub normalization: String,
    /// Distribution of the indicator's values over the lens's areas: min, 25th percentile,
    /// median, 75th percentile, max. `None` when not known.
    pub distribution: Option<[f64; 5]>,
}

/// A lens as listed in the lens panel.
#[derive(Clone, Debug, PartialEq)]
pub struct LensSummary {
    pub id: String,
    pub name: String,
    pub level: Level,
    pub compare: Compare,
    /// The lens author's version (recorded in audit entries and export headers).
    pub version: String,
    /// Number of areas in the top tier under the lens's own settings; `None` while it is
    /// being computed.
    pub top_tier: Option<usize>,
    pub description: String,
    pub indicators: Vec<IndicatorDef>,
}

/// What the score table asks for.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreRequest {
    pub lens: String,
    pub level: Level,
    pub compare: Compare,
    /// Only areas within this gemeente (code `GM....`), if set.
    pub gemeente: Option<String>,
    /// Weight overrides by indicator id (live tuning); indicators not listed keep their weight.
    pub weights: Vec<(String, f64)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    High,
    Elevated,
    Normal,
    /// Listed but not scored (e.g. below the lens's population threshold).
    NotScored,
}

/// One row of the score table.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaRow {
    pub code: String,
    pub name: String,
    pub gemeente_code: String,
    pub gemeente: String,
    pub inhabitants: Option<u64>,
    /// 0–100, `None` when not scored.
    pub score: Option<f64>,
    /// 1-based rank among scored areas.
    pub rank: Option<usize>,
    pub tier: Tier,
    /// Share of the lens weight that had data, 0–1.
    pub coverage: f64,
    /// Labels of the indicators that contribute most, largest first.
    pub top: Vec<String>,
}

/// One indicator of one area under one lens.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorLine {
    pub id: String,
    pub label: String,
    pub value: Option<f64>,
    /// Median of the comparison set.
    pub median: Option<f64>,
    /// Normalised score 0–100.
    pub normalised: Option<f64>,
    /// Points this indicator adds to the area score (0–100 scale).
    pub contribution: Option<f64>,
    pub weight: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntityKind {
    Address,
    Business,
    Party,
    Signal,
}

/// A reference to one entity; opening it asks [`DataSource::entity`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct EntityRef {
    pub kind: EntityKind,
    pub id: String,
}

/// One entity in a list (flagged entities, linked items). `key` is the keyset-paging key: the
/// next page starts after the last line's key.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityLine {
    pub target: EntityRef,
    pub key: String,
    pub label: String,
    /// Short extra text: flags, role, dates.
    pub detail: String,
}

/// One signal (a registration by a partner).
#[derive(Clone, Debug, PartialEq)]
pub struct SignalLine {
    pub date: String,
    pub kind: String,
    pub source: String,
    /// The entity the signal is about, if it can be opened.
    pub target: Option<EntityRef>,
}

/// Everything the area detail screen shows.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaDetail {
    pub row: AreaRow,
    /// Number of scored areas the rank is out of.
    pub of: usize,
    pub indicators: Vec<IndicatorLine>,
    /// The first page of flagged entities: at most [`super::app::PAGE`]; fewer means that is
    /// all of them (more through [`DataSource::flagged_page`]).
    pub flagged: Vec<EntityLine>,
    pub signals: Vec<SignalLine>,
}

/// Labels of facts about an entity; the TUI translates them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fact {
    Address,
    Postcode,
    Area,
    Kvk,
    Vestiging,
    Sbi,
    Started,
    Ended,
    Residents,
    Pseudonym,
    LegalForm,
    Kind,
    Date,
    Source,
}

/// Headings of groups of linked entities.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    Businesses,
    FormerBusinesses,
    Owners,
    Transfers,
    Establishments,
    Parties,
    Addresses,
    About,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FlagLine {
    pub label: String,
    pub evidence: String,
}

/// An address, business, party or signal with its linked items.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityDetail {
    pub target: EntityRef,
    pub title: String,
    pub facts: Vec<(Fact, String)>,
    pub flags: Vec<FlagLine>,
    pub linked: Vec<(Link, Vec<EntityLine>)>,
    pub signals: Vec<SignalLine>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HitKind {
    Area,
    Address,
    Postcode,
    Business,
    Kvk,
}

/// What a search hit opens.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    Area(String),
    Entity(EntityRef),
}

/// One fuzzy-finder result, best first. `positions` are char indices into `text` that matched.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchHit {
    pub kind: HitKind,
    pub text: String,
    pub positions: Vec<usize>,
    /// Where it is (gemeente, postcode, ...).
    pub context: String,
    pub target: Target,
}

/// A lens with tuned weights, to be saved as a new lens file by the commands layer.
#[derive(Clone, Debug, PartialEq)]
pub struct TunedLens {
    pub base: String,
    pub id: String,
    pub weights: Vec<(String, f64)>,
    /// Replace an existing file of that id (only after the user confirmed).
    pub overwrite: bool,
}

/// A score table for export (the same type `schouw export` builds).
pub use crate::export::ExportTable;

#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    /// A lens file with this id exists; the TUI asks before overwriting.
    Exists,
    Failed(String),
}

/// Work a source may do off the input path, asked about with [`DataSource::ready`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Need<'a> {
    /// What [`DataSource::scores`] needs for this request.
    Scores(&'a ScoreRequest),
    /// What [`DataSource::area_detail`] needs to score this area (at its own level).
    Area(&'a ScoreRequest, &'a str),
    /// The flagged entities of one lens ([`DataSource::flagged_page`], and the flags on
    /// [`DataSource::entity`]).
    Flags(&'a str),
}

/// Called by a source's background work when something it computed is ready; the event
/// loop then sends [`super::keys::Action::Loaded`].
pub type Waker = Box<dyn Fn() + Send>;

/// The data the TUI reads. Errors are short messages for the status line; the TUI shows them
/// (sanitised) and carries on. Implementations should keep each call bounded (pages, limits):
/// they run on the input path. Work that cannot be bounded (scoring a lens, evaluating its
/// flags) runs in the background: the app asks [`DataSource::ready`] first and calls the
/// method only once that says yes, so a call never waits for it.
pub trait DataSource {
    /// Whether `need` is at hand. When it is not, the source starts the work off the input
    /// path (once) and calls its waker when it is done. A source without background work is
    /// always ready.
    fn ready(&mut self, need: Need<'_>) -> bool {
        let _ = need;
        true
    }
    /// The waker to call when background work is done (see [`Need`]).
    fn set_waker(&mut self, waker: Waker) {
        let _ = waker;
    }
    /// All lenses, in display order.
    fn lenses(&self) -> Vec<LensSummary>;
    /// The score table for one lens, ranked (best rank first).
    fn scores(&mut self, req: &ScoreRequest) -> Result<Vec<AreaRow>, String>;
    /// One area under the settings of the table it was opened from. The area may be at another
    /// level than `req.level` (opened by code or from the finder): score it among its own level.
    fn area_detail(&mut self, req: &ScoreRequest, area: &str) -> Result<AreaDetail, String>;
    /// With the flags of the lenses whose flags are at hand: the app asks
    /// [`Need::Flags`] for the lens in use first, and asks again once it is ready.
    fn entity(&mut self, id: &EntityRef) -> Result<EntityDetail, String>;
    /// The next page of flagged entities of `lens` in `area`, after key `after`.
    fn flagged_page(
        &mut self,
        lens: &str,
        area: &str,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Vec<EntityLine>, String>;
    fn search(&mut self, query: &str, limit: usize) -> Result<Vec<SearchHit>, String>;
    /// Writes a tuned lens to the user's lens directory; returns the path written, for the
    /// status line. Called by the event loop for [`super::app::Effect::SaveLens`].
    fn save_lens(&mut self, lens: &TunedLens) -> Result<String, SaveError> {
        let _ = lens;
        Err(SaveError::Failed("saving lenses is not available".into()))
    }
    /// The score table of `req` for [`super::app::Effect::Export`]: the areas `areas` (codes)
    /// in that order, as the interface shows them, with every indicator's value.
    fn export_scores(
        &mut self,
        req: &ScoreRequest,
        areas: &[String],
    ) -> Result<ExportTable, String> {
        let _ = (req, areas);
        Err("exporting is not available here".into())
    }
}
