//! Opens the interface over the fictional in-memory region, for trying the keys and for the
//! pseudo-terminal tests (`tests/tui_pty.rs`). `cargo run --example tui_fake -- [color|mono|ascii]
//! [en] [banner]`. Searching for `panic!` makes the source panic, to test that the terminal is
//! restored. The audit log is kept in memory (there is no database file to put it beside);
//! `banner` shows the banner "DEPARTEMENTAAL VERTROUWELIJK". For the tests of the audit's
//! timing: `audit=FILE` writes the log to an audit file instead, and `stall` makes every entry
//! after the session start take a minute (a log on a hanging share).

use std::path::Path;

use schouw::audit::{Audit, AuditError, Entry, MemoryLog, Recorder, SessionInfo};
use schouw::tui::fake::FakeSource;
use schouw::tui::{
    AreaDetail, AreaRow, DataSource, EntityDetail, EntityLine, EntityRef, Lang, LensSummary,
    ScoreRequest, SearchHit, ThemeName, TuiOptions,
};

/// The fake source, except that the search `panic!` panics with a message that must never
/// reach the terminal.
struct Source(FakeSource);

impl DataSource for Source {
    fn lenses(&self) -> Vec<LensSummary> {
        self.0.lenses()
    }
    fn scores(&mut self, req: &ScoreRequest) -> Result<Vec<AreaRow>, String> {
        self.0.scores(req)
    }
    fn area_detail(&mut self, req: &ScoreRequest, area: &str) -> Result<AreaDetail, String> {
        self.0.area_detail(req, area)
    }
    fn entity(&mut self, id: &EntityRef) -> Result<EntityDetail, String> {
        self.0.entity(id)
    }
    fn flagged_page(
        &mut self,
        lens: &str,
        area: &str,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Vec<EntityLine>, String> {
        self.0.flagged_page(lens, area, after, limit)
    }
    fn search(&mut self, query: &str, limit: usize) -> Result<Vec<SearchHit>, String> {
        assert!(query != "panic!", "secret data Molenstraat 12");
        self.0.search(query, limit)
    }
}

/// An in-memory log whose entries after the first take a minute each.
struct Stalled {
    log: MemoryLog,
    n: usize,
}

impl Recorder for Stalled {
    fn record(&mut self, entry: Entry) -> Result<(), AuditError> {
        self.n += 1;
        if self.n > 1 {
            std::thread::sleep(std::time::Duration::from_secs(60));
        }
        self.log.record(entry)
    }
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let theme = args.iter().find_map(|a| ThemeName::parse(a));
    let lang = if args.iter().any(|a| a == "en") {
        Lang::En
    } else {
        Lang::Nl
    };
    let banner = args
        .iter()
        .any(|a| a == "banner")
        .then(|| "DEPARTEMENTAAL VERTROUWELIJK".to_string());
    let file = args.iter().find_map(|a| a.strip_prefix("audit="));
    let audit: Box<dyn Recorder + Send> = match file {
        Some(path) => Box::new(Audit::open_at(
            Path::new(path),
            SessionInfo::current(),
            "f".repeat(64),
        )?),
        None if args.iter().any(|a| a == "stall") => Box::new(Stalled {
            log: MemoryLog::new(),
            n: 0,
        }),
        None => Box::new(MemoryLog::new()),
    };
    schouw::tui::run(
        Box::new(Source(FakeSource::new())),
        audit,
        TuiOptions {
            theme,
            lang,
            banner,
            ..TuiOptions::default()
        },
    )
}
