//! Opens the interface over the fictional in-memory region, for trying the keys and for the
//! pseudo-terminal tests (`tests/tui_pty.rs`). `cargo run --example tui_fake -- [color|mono|ascii]
//! [en] [banner]`. Searching for `panic!` makes the source panic, to test that the terminal is
//! restored. The audit log is kept in memory (there is no database file to put it beside);
//! `banner` shows the banner "DEPARTEMENTAAL VERTROUWELIJK".

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
    schouw::tui::run(
        Box::new(Source(FakeSource::new())),
        Box::new(schouw::audit::MemoryLog::new()),
        TuiOptions {
            theme,
            lang,
            banner,
            ..TuiOptions::default()
        },
    )
}
