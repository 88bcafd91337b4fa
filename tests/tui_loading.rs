//! Background work in the interface: a source that is still computing (its scores, a lens's
//! flags, every lens's flags) is never waited for. The table, the top-tier counts, an area's
//! flagged list and an entity's flags say "berekenen…", keys keep working, and
//! `Action::Loaded` fills them in once the source is ready.
#![allow(clippy::unwrap_used)]

#[path = "support/tui.rs"]
mod support;

use std::cell::Cell;
use std::rc::Rc;

use schouw::tui::app::{App, Mode, Screen};
use schouw::tui::fake::FakeSource;
use schouw::tui::keys::Action;
use schouw::tui::{
    AreaDetail, AreaRow, DataSource, EntityDetail, EntityLine, EntityRef, Lang, LensSummary, Need,
    ScoreRequest, SearchHit,
};
use support::{keys, screen_text, session_with};

/// What the source has ready, switched by the test.
#[derive(Default)]
struct Ready {
    scores: Cell<bool>,
    flags: Cell<bool>,
    /// Calls of anything but `ready` and `lenses` while not ready (must stay 0).
    early: Cell<usize>,
}

/// The fake source behind a gate: not ready until the test says so.
struct Slow(FakeSource, Rc<Ready>);

impl Slow {
    fn check(&self, ready: bool) {
        if !ready {
            self.1.early.set(self.1.early.get() + 1);
        }
    }
}

impl DataSource for Slow {
    fn ready(&mut self, need: Need<'_>) -> bool {
        match need {
            Need::Scores(_) | Need::Area(..) => self.1.scores.get(),
            Need::Flags(_) => self.1.flags.get(),
        }
    }
    fn lenses(&self) -> Vec<LensSummary> {
        let mut l = self.0.lenses();
        if !self.1.scores.get() {
            l.iter_mut().for_each(|l| l.top_tier = None);
        }
        l
    }
    fn scores(&mut self, req: &ScoreRequest) -> Result<Vec<AreaRow>, String> {
        self.check(self.1.scores.get());
        self.0.scores(req)
    }
    fn area_detail(&mut self, req: &ScoreRequest, area: &str) -> Result<AreaDetail, String> {
        self.check(self.1.scores.get());
        let mut d = self.0.area_detail(req, area)?;
        if !self.1.flags.get() {
            d.flagged.clear();
        }
        Ok(d)
    }
    fn entity(&mut self, id: &EntityRef) -> Result<EntityDetail, String> {
        let mut d = self.0.entity(id)?;
        if !self.1.flags.get() {
            d.flags.clear();
        }
        Ok(d)
    }
    fn flagged_page(
        &mut self,
        lens: &str,
        area: &str,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Vec<EntityLine>, String> {
        self.check(self.1.flags.get());
        self.0.flagged_page(lens, area, after, limit)
    }
    fn search(&mut self, query: &str, limit: usize) -> Result<Vec<SearchHit>, String> {
        self.0.search(query, limit)
    }
}

fn slow() -> (schouw::tui::session::Session, Rc<Ready>) {
    let ready = Rc::new(Ready::default());
    let source = Slow(FakeSource::new(), ready.clone());
    let (s, _) = session_with(Box::new(source), Lang::Nl, Default::default());
    (s, ready)
}

fn loaded(app: &mut App) {
    app.update(Action::Loaded);
}

#[test]
fn the_table_says_computing_until_the_scores_are_loaded() {
    let (mut s, ready) = slow();
    assert!(s.loading && s.rows.is_empty());
    let text = screen_text(&mut s);
    assert!(text.contains("berekenen…"), "{text}");
    // Keys keep working meanwhile: the lens panel, help, the finder.
    keys(&mut s, "<Tab>j?");
    assert!(matches!(s.mode, Mode::Help { .. }));
    keys(&mut s, "<Esc><Tab>");
    assert_eq!(s.lens_cursor.pos, 1);
    // Nothing to load yet: still computing.
    loaded(&mut s);
    assert!(s.loading);

    ready.scores.set(true);
    loaded(&mut s);
    assert!(!s.loading && !s.rows.is_empty());
    assert!(s.lenses.iter().all(|l| l.top_tier.is_some()));
    assert!(!screen_text(&mut s).contains("berekenen…"));
    assert_eq!(
        ready.early.get(),
        0,
        "nothing was asked before it was ready"
    );
}

#[test]
fn an_area_opened_before_its_level_is_scored_opens_when_it_is() {
    let (mut s, ready) = slow();
    keys(&mut s, ":open BU99010101<Enter>");
    assert!(s.screen().is_none());
    assert!(screen_text(&mut s).contains("berekenen…"));
    ready.scores.set(true);
    ready.flags.set(true);
    loaded(&mut s);
    let Some(Screen::Area(v)) = s.screen() else {
        panic!("the area opened once scored")
    };
    assert_eq!(v.detail.row.code, "BU99010101");
    assert_eq!(ready.early.get(), 0);
}

#[test]
fn flagged_entities_and_entity_flags_fill_in_when_the_flags_are_loaded() {
    let (mut s, ready) = slow();
    ready.scores.set(true);
    loaded(&mut s);
    keys(&mut s, "/molen<Enter><Enter>");
    let Some(Screen::Area(v)) = s.screen() else {
        panic!("not on area")
    };
    assert!(v.flags_pending && v.detail.flagged.is_empty() && !v.more);
    assert!(screen_text(&mut s).contains("berekenen…"));
    // Scrolling the empty list asks for no page.
    keys(&mut s, "jjG");
    assert_eq!(ready.early.get(), 0);

    ready.flags.set(true);
    loaded(&mut s);
    let Some(Screen::Area(v)) = s.screen() else {
        panic!()
    };
    assert!(!v.flags_pending);
    let first = v.detail.flagged.iter().position(|l| l.key == "A1").unwrap();

    // An entity opened while flags are computed shows them once they are loaded.
    ready.flags.set(false);
    for _ in 0..first {
        keys(&mut s, "j");
    }
    keys(&mut s, "<Enter>zaak 2026-017<Enter>");
    let Some(Screen::Entity(v)) = s.screen() else {
        panic!("not on entity")
    };
    assert!(v.flags_pending && v.detail.flags.is_empty());
    assert!(screen_text(&mut s).contains("berekenen…"));
    ready.flags.set(true);
    loaded(&mut s);
    let Some(Screen::Entity(v)) = s.screen() else {
        panic!()
    };
    assert!(
        !v.flags_pending && !v.detail.flags.is_empty(),
        "{:?}",
        v.detail
    );
    assert!(!screen_text(&mut s).contains("berekenen…"));
    assert_eq!(ready.early.get(), 0);
}
