//! The terminal interface without a terminal: keystroke scripts drive `App` through the key
//! table, frames are drawn into ratatui's `TestBackend`, and screens are compared with insta
//! snapshots (`tests/snapshots/`) in every theme at 80x24 and 120x40. Colour and ASCII rules are
//! asserted cell by cell, since snapshots carry text only.
#![allow(clippy::unwrap_used)]

#[path = "support/tui.rs"]
mod support;

use ratatui::buffer::Buffer;
use ratatui::style::Color;
use schouw::audit::{Action as Audited, Object};
use schouw::tui::app::{App, AppOptions, AreaPanel, Mode, Screen};
use schouw::tui::fake::FakeSource;
use schouw::tui::keys::{self, Action};
use schouw::tui::session::{Outward, Session};
use schouw::tui::theme::ThemeName;
use schouw::tui::{EntityKind, Lang};
use support::{draw, keys, screen_text, session_with, text};

fn app() -> Session {
    support::session().0
}

/// The screens every theme and size is snapshotted in, as key scripts from the start.
const SCREENS: &[(&str, &str)] = &[
    ("root", ""),
    ("lens_detail", "i+"),
    ("area", "<Enter>"),
    (
        "entity",
        ":open BU99010101<Enter><Enter>zaak 2026-017<Enter>",
    ),
    ("finder", "fmolen"),
    ("help", "?"),
    ("command", ":le<Tab>"),
];

#[test]
fn snapshots_of_every_screen_in_every_theme() {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for (name, script) in SCREENS {
            for theme in [ThemeName::Color, ThemeName::Mono, ThemeName::Ascii] {
                for (w, h) in [(80, 24), (120, 40)] {
                    let mut a = app();
                    a.update(Action::Resize(w, h));
                    keys(&mut a, script);
                    let t = draw(&mut a, theme, w, h);
                    let snap = format!("{name}_{theme:?}_{w}x{h}").to_lowercase();
                    insta::assert_snapshot!(snap, t.backend());
                }
            }
        }
        let (mut a, _) = session_with(Box::new(FakeSource::new()), Lang::En, AppOptions::default());
        keys(&mut a, "<Enter>");
        insta::assert_snapshot!(
            "area_english_80x24",
            draw(&mut a, ThemeName::Ascii, 80, 24).backend()
        );
        insta::assert_snapshot!(
            "too_small",
            draw(&mut app(), ThemeName::Color, 79, 24).backend()
        );
    });
}

fn all_screens(theme: ThemeName, check: impl Fn(&str, &Buffer)) {
    for (name, script) in SCREENS {
        for (w, h) in [(80, 24), (120, 40), (60, 10)] {
            let mut a = app();
            keys(&mut a, script);
            let t = draw(&mut a, theme, w, h);
            check(&format!("{name} {w}x{h}"), t.backend().buffer());
        }
    }
}

#[test]
fn mono_sets_no_colour_anywhere() {
    all_screens(ThemeName::Mono, |name, buf| {
        for c in &buf.content {
            assert_eq!((c.fg, c.bg), (Color::Reset, Color::Reset), "{name}: {c:?}");
        }
    });
}

#[test]
fn ascii_draws_only_ascii_and_no_colour() {
    all_screens(ThemeName::Ascii, |name, buf| {
        for c in &buf.content {
            assert!(c.symbol().is_ascii(), "{name}: {:?}", c.symbol());
            assert_eq!((c.fg, c.bg), (Color::Reset, Color::Reset), "{name}");
        }
    });
}

#[test]
fn selected_row_has_a_marker_in_every_theme() {
    for theme in [ThemeName::Color, ThemeName::Mono, ThemeName::Ascii] {
        let mut a = app();
        keys(&mut a, "jj");
        let t = draw(&mut a, theme, 80, 24);
        let s = text(t.backend().buffer());
        let code = a.selected_row().unwrap().code.clone();
        let line = s.lines().find(|l| l.contains(&code)).unwrap();
        assert!(line.contains("> "), "{theme:?}: {line}");
    }
}

#[test]
fn drill_down_lens_area_entity_linked_and_back() {
    let mut a = app();
    assert!(screen_text(&mut a).contains("Hennepteelt"));

    // Open the area Molenkwartier through the filter, then drill in.
    keys(&mut a, "/molen<Enter>");
    assert_eq!(a.shown.len(), 1);
    keys(&mut a, "<Enter>");
    let Some(Screen::Area(v)) = a.screen() else {
        panic!("not on area")
    };
    assert_eq!(v.detail.row.code, "BU99010101");
    assert_eq!(v.focus, AreaPanel::Flagged);
    let s = screen_text(&mut a);
    assert!(s.contains("Patroon, geen bewijs"), "{s}");
    assert!(s.contains("Molenstraat 12"));

    // Find the flagged address A1 in the list.
    let first = match a.screen() {
        Some(Screen::Area(v)) => v.detail.flagged.iter().position(|l| l.key == "A1").unwrap(),
        _ => unreachable!(),
    };
    for _ in 0..first {
        keys(&mut a, "j");
    }
    keys(&mut a, "<Enter>");
    // The first entity of the session asks why; the answer opens it.
    assert!(matches!(a.mode, Mode::Purpose { .. }));
    assert!(a.screen().is_some_and(|s| matches!(s, Screen::Area(_))));
    keys(&mut a, "signaal 2026-031<Enter>");
    let Some(Screen::Entity(v)) = a.screen() else {
        panic!("not on entity")
    };
    assert_eq!(v.detail.title, "Molenstraat 12");
    let s = screen_text(&mut a);
    assert!(s.contains("Groeihal Noord B.V."));
    // Escapes in data are shown, not obeyed.
    assert!(s.contains("Kapsalon ^[[31mRood^[[0m"), "{s}");

    // Linked business, then its party, then back twice.
    keys(&mut a, "<Enter>");
    let Some(Screen::Entity(v)) = a.screen() else {
        panic!()
    };
    assert_eq!(v.detail.target.id, "B1");
    keys(&mut a, "j<Enter>");
    let Some(Screen::Entity(v)) = a.screen() else {
        panic!()
    };
    assert_eq!(v.detail.target.kind, EntityKind::Party);
    assert!(screen_text(&mut a).contains("Partij 7f3a"));
    let crumbs = screen_text(&mut a).lines().next().unwrap().to_string();
    assert!(crumbs.contains("BU99010101 Molenkwartier"), "{crumbs}");

    keys(&mut a, "<Esc><Bksp>");
    let Some(Screen::Entity(v)) = a.screen() else {
        panic!()
    };
    assert_eq!(v.detail.title, "Molenstraat 12");
    keys(&mut a, "qq");
    assert!(a.screen().is_none());
    // At the root q asks; Esc never quits; n cancels; j quits.
    keys(&mut a, "<Esc><Esc>q");
    assert!(matches!(a.mode, Mode::ConfirmQuit));
    assert!(screen_text(&mut a).contains("Afsluiten?"));
    keys(&mut a, "n");
    assert!(!a.quit);
    let out = keys(&mut a, "qj");
    assert_eq!(out, vec![Outward::Quit]);
    assert!(a.quit);
}

#[test]
fn weights_change_live_and_rerank() {
    let mut a = app();
    let before: Vec<String> = a.shown.iter().map(|&i| a.rows[i].code.clone()).collect();
    keys(&mut a, "i");
    assert!(matches!(a.screen(), Some(Screen::LensDetail(_))));
    // Remove every weight but the last indicator's: ranking follows that indicator alone.
    keys(&mut a, "------jj---j++++");
    assert!(a.tuned());
    let after: Vec<String> = a.shown.iter().map(|&i| a.rows[i].code.clone()).collect();
    assert_ne!(before, after);
    let s = screen_text(&mut a);
    assert!(s.contains("aangepast"), "{s}");
    // Ranking panel opens an area with the tuned weights.
    keys(&mut a, "<Tab><Enter>");
    let Some(Screen::Area(v)) = a.screen() else {
        panic!()
    };
    assert_eq!(v.detail.row.code, after[0]);
    assert!(!v.req.weights.is_empty());
    keys(&mut a, "<Esc>0");
    assert!(!a.tuned());
}

#[test]
fn saving_a_tuned_lens_asks_before_overwriting_and_is_audited() {
    let (mut a, log) = support::session();
    keys(&mut a, "i+S<Enter>");
    assert!(screen_text(&mut a).contains("opgeslagen: lenzen/hennep-eigen.toml"));
    // Same id again: the source says it exists; the app asks; j confirms with overwrite.
    keys(&mut a, "S<Enter>");
    assert!(matches!(a.mode, Mode::ConfirmOverwrite(_)));
    keys(&mut a, "j");
    assert!(matches!(a.mode, Mode::Normal));
    assert!(screen_text(&mut a).contains("opgeslagen: lenzen/hennep-eigen.toml"));
    let saves: Vec<_> = log
        .entries()
        .into_iter()
        .filter(|e| e.action == Audited::LensSave)
        .collect();
    assert_eq!(saves.len(), 2, "{saves:?}");
    assert_eq!(saves[0].object, Object::Lens("hennep-eigen".into()));
    assert_eq!(saves[0].lens, Some(("hennep".into(), "1".into())));
}

#[test]
fn sort_filter_level_and_gemeente() {
    let mut a = app();
    // Sort by name ascending via the command line, then by score descending with `]`.
    keys(&mut a, ":sort name<Enter>");
    let names: Vec<&str> = a.shown.iter().map(|&i| a.rows[i].name.as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(names, sorted);
    // Column cursor: `h` from name moves to code; `[` sorts by it.
    keys(&mut a, "h[");
    assert_eq!(a.rows[a.shown[0]].code, "BU99010101");
    // Filter by gemeente name; Esc in the prompt restores the previous filter.
    keys(&mut a, "/veenhoeve<Enter>");
    assert!(a.shown.iter().all(|&i| a.rows[i].gemeente_code == "GM9902"));
    keys(&mut a, "/xyz<Esc>");
    assert_eq!(a.filter, "veenhoeve");
    keys(&mut a, &format!("/{}", "<Bksp>".repeat(9)));
    assert_eq!(a.shown.len(), a.rows.len());
    assert!(matches!(a.mode, Mode::Filter { .. }));
    // One more Backspace on the empty prompt closes it (the filter stays empty).
    keys(&mut a, "<Bksp>");
    assert!(matches!(a.mode, Mode::Normal));
    keys(&mut a, ":<Bksp>");
    assert!(matches!(a.mode, Mode::Normal));
    // Level switch.
    keys(&mut a, ":level wijk<Enter>");
    assert!(a.rows.iter().all(|r| r.code.starts_with("WK")));
    keys(&mut a, "nn");
    assert!(a.rows.iter().all(|r| r.code.starts_with("BU")));
    // Restrict to the selected row's gemeente and back.
    keys(&mut a, "m");
    let g = a.gemeente.clone().unwrap();
    assert!(a.rows.iter().all(|r| r.gemeente_code == g));
    keys(&mut a, "m");
    assert!(a.gemeente.is_none());
    // Unknown commands say so.
    keys(&mut a, ":frobnicate<Enter>");
    assert!(screen_text(&mut a).contains("onbekend commando: frobnicate"));
}

#[test]
fn fuzzy_finder_marks_matches_and_opens_hits() {
    let mut a = app();
    keys(&mut a, "<C-p>kerkweg");
    let Mode::Finder(f) = &a.mode else { panic!() };
    assert_eq!(f.hits[0].text, "Kerkweg 3");
    // Matched characters are bold and underlined in every theme.
    for theme in [ThemeName::Color, ThemeName::Mono, ThemeName::Ascii] {
        let t = draw(&mut a, theme, 80, 24);
        let buf = t.backend().buffer();
        let s = text(buf);
        let (y, line) = s
            .lines()
            .enumerate()
            .find(|(_, l)| l.contains("Kerkweg 3"))
            .unwrap();
        let x = line.find("Kerkweg").unwrap() as u16;
        let cell = &buf[(x, y as u16)];
        use ratatui::style::Modifier;
        assert!(
            cell.modifier
                .contains(Modifier::BOLD | Modifier::UNDERLINED),
            "{theme:?}"
        );
    }
    keys(&mut a, "<Enter>zaak 12<Enter>");
    let Some(Screen::Entity(v)) = a.screen() else {
        panic!()
    };
    assert_eq!(v.detail.title, "Kerkweg 3");
    // An area hit opens the area.
    keys(&mut a, "fstationsb<Enter>");
    let Some(Screen::Area(v)) = a.screen() else {
        panic!()
    };
    assert_eq!(v.detail.row.code, "BU99010103");
}

#[test]
fn command_line_completes_and_opens() {
    let mut a = app();
    keys(&mut a, ":lens w<Tab><Enter>");
    assert_eq!(a.lens().unwrap().id, "witwassen");
    keys(&mut a, ":le<Tab>");
    let Mode::Command { input, .. } = &a.mode else {
        panic!()
    };
    assert_eq!(input, "lens ");
    keys(&mut a, "<Tab>");
    let Mode::Command { input, .. } = &a.mode else {
        panic!()
    };
    assert_eq!(input, "level ");
    keys(&mut a, "<Esc>:open BU99010203<Enter>");
    let Some(Screen::Area(v)) = a.screen() else {
        panic!()
    };
    assert_eq!(v.detail.row.name, "Café-kwartier");
    keys(&mut a, ":lens hennep<Enter>");
    assert!(a.screen().is_none());
    let out = keys(&mut a, ":q<Enter>");
    assert_eq!(out, vec![Outward::Quit]);
}

#[test]
fn flagged_entities_page_in_while_scrolling() {
    let mut a = app();
    keys(&mut a, ":open BU99010101<Enter>");
    let loaded = |a: &App| match a.screen() {
        Some(Screen::Area(v)) => (v.detail.flagged.len(), v.more),
        _ => panic!(),
    };
    let (first, more) = loaded(&a);
    assert_eq!(first, schouw::tui::app::PAGE);
    assert!(more);
    keys(&mut a, "G");
    let (after, _) = loaded(&a);
    assert!(after > first, "{after}");
    keys(&mut a, "GGG");
    let (all, more) = loaded(&a);
    assert!(!more);
    assert_eq!(all, 47);
    let Some(Screen::Area(v)) = a.screen() else {
        panic!()
    };
    let mut keys_seen: Vec<&str> = v.detail.flagged.iter().map(|l| l.key.as_str()).collect();
    keys_seen.dedup();
    assert_eq!(keys_seen.len(), all, "keyset pages overlap");
    keys(&mut a, "G");
    assert_eq!(loaded(&a).0, all);
}

#[test]
fn help_is_generated_from_the_key_table_per_screen() {
    let mut a = app();
    keys(&mut a, "?");
    let s = screen_text(&mut a);
    // Every binding of this screen and the global ones appears with its keys and text.
    for (_, k, what) in keys::help(&[keys::Ctx::Lenses, keys::Ctx::Global], Lang::Nl) {
        assert!(s.contains(&k) && s.contains(what), "{k} {what}\n{s}");
    }
    assert!(!s.contains("gewicht omhoog"));
    keys(&mut a, "<Esc>i?");
    assert!(screen_text(&mut a).contains("gewicht omhoog"));
    // The footer shows the main keys of the screen.
    keys(&mut a, "<Esc>");
    let s = screen_text(&mut a);
    assert!(s.lines().last().unwrap().contains("+ gewicht omhoog"));
}

#[test]
fn resize_below_minimum_says_so_and_recovers() {
    let mut a = app();
    let s = text(draw(&mut a, ThemeName::Color, 40, 10).backend().buffer());
    assert!(s.contains("venster te klein"));
    let (mut e, _) = session_with(Box::new(FakeSource::new()), Lang::En, AppOptions::default());
    let s = text(draw(&mut e, ThemeName::Ascii, 79, 30).backend().buffer());
    assert!(s.contains("window too small"));
    let s = text(draw(&mut a, ThemeName::Color, 80, 24).backend().buffer());
    assert!(!s.contains("venster te klein"));
    assert!(s.contains("Hennepteelt"));
}

/// The fake source, counting searches.
struct Counting(FakeSource, std::rc::Rc<std::cell::Cell<usize>>);

impl schouw::tui::DataSource for Counting {
    fn lenses(&self) -> Vec<schouw::tui::LensSummary> {
        self.0.lenses()
    }
    fn scores(
        &mut self,
        req: &schouw::tui::ScoreRequest,
    ) -> Result<Vec<schouw::tui::AreaRow>, String> {
        self.0.scores(req)
    }
    fn area_detail(
        &mut self,
        req: &schouw::tui::ScoreRequest,
        area: &str,
    ) -> Result<schouw::tui::AreaDetail, String> {
        self.0.area_detail(req, area)
    }
    fn entity(&mut self, id: &schouw::tui::EntityRef) -> Result<schouw::tui::EntityDetail, String> {
        self.0.entity(id)
    }
    fn flagged_page(
        &mut self,
        lens: &str,
        area: &str,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Vec<schouw::tui::EntityLine>, String> {
        self.0.flagged_page(lens, area, after, limit)
    }
    fn search(&mut self, query: &str, limit: usize) -> Result<Vec<schouw::tui::SearchHit>, String> {
        self.1.set(self.1.get() + 1);
        self.0.search(query, limit)
    }
}

#[test]
fn finder_searches_once_per_batch_of_typed_keys() {
    let count = std::rc::Rc::new(std::cell::Cell::new(0));
    let mut a: App = App::new(
        Box::new(Counting(FakeSource::new(), count.clone())),
        Lang::Nl,
    );
    a.update(Action::Finder);
    for c in "molen".chars() {
        a.update(Action::Input(c));
    }
    assert_eq!(count.get(), 0);
    a.settle();
    assert_eq!(count.get(), 1);
    let Mode::Finder(f) = &a.mode else { panic!() };
    assert!(!f.hits.is_empty());
    a.settle();
    assert_eq!(count.get(), 1);
    // Enter right after typing searches first, then opens the best hit (an address: after
    // the purpose is given).
    a.update(Action::Input('s'));
    a.update(Action::Accept);
    assert_eq!(count.get(), 2);
    assert!(matches!(a.mode, Mode::Purpose { .. }), "{:?}", a.mode);
}

/// A source whose every call but `lenses` fails with an escape sequence in the message.
struct Broken;

impl schouw::tui::DataSource for Broken {
    fn lenses(&self) -> Vec<schouw::tui::LensSummary> {
        FakeSource::new().lenses()
    }
    fn scores(
        &mut self,
        _: &schouw::tui::ScoreRequest,
    ) -> Result<Vec<schouw::tui::AreaRow>, String> {
        Err("kapot\x1b[2J".into())
    }
    fn area_detail(
        &mut self,
        _: &schouw::tui::ScoreRequest,
        _: &str,
    ) -> Result<schouw::tui::AreaDetail, String> {
        Err("kapot\x1b[2J".into())
    }
    fn entity(&mut self, _: &schouw::tui::EntityRef) -> Result<schouw::tui::EntityDetail, String> {
        Err("kapot\x1b[2J".into())
    }
    fn flagged_page(
        &mut self,
        _: &str,
        _: &str,
        _: Option<&str>,
        _: usize,
    ) -> Result<Vec<schouw::tui::EntityLine>, String> {
        Err("kapot\x1b[2J".into())
    }
    fn search(&mut self, _: &str, _: usize) -> Result<Vec<schouw::tui::SearchHit>, String> {
        Err("kapot\x1b[2J".into())
    }
}

#[test]
fn an_empty_or_failing_source_never_panics_and_errors_are_shown_safely() {
    let (mut a, _) = session_with(Box::new(Broken), Lang::Nl, AppOptions::default());
    assert!(screen_text(&mut a).contains("kapot^[[2J"));
    for script in [
        "",
        "jjkGg<Enter>i+-S<Enter><Tab><Enter>",
        "/x<Enter>[]hlncm",
        "fabc",
        "<Esc>:open BU99010101<Enter>",
        ":open Molenstraat<Enter>",
        ":doel zaak 1<Enter>:open Molenstraat<Enter>",
        ":lens x<Enter>:level wijk<Enter>:sort score<Enter>",
        "?jjj<Esc>",
    ] {
        keys(&mut a, script);
        for theme in [ThemeName::Color, ThemeName::Ascii] {
            for (w, h) in [(80, 24), (120, 40)] {
                draw(&mut a, theme, w, h);
            }
        }
    }
    keys(&mut a, ":open BU99010101<Enter>");
    let s = screen_text(&mut a);
    assert!(s.contains("kapot^[[2J"), "{s}");
    keys(&mut a, "<Esc>fabc");
    assert!(screen_text(&mut a).contains("kapot^[[2J"));
    // With no lenses at all nothing panics either.
    let (mut e, _) = session_with(Box::new(Empty), Lang::En, AppOptions::default());
    for script in [
        "",
        "jGg<Enter>i+S<Enter><Tab><Enter>",
        ":open BU1<Enter>",
        "?",
    ] {
        keys(&mut e, script);
        draw(&mut e, ThemeName::Mono, 80, 24);
    }
}

/// No lenses; every call fails.
struct Empty;

impl schouw::tui::DataSource for Empty {
    fn lenses(&self) -> Vec<schouw::tui::LensSummary> {
        Vec::new()
    }
    fn scores(
        &mut self,
        r: &schouw::tui::ScoreRequest,
    ) -> Result<Vec<schouw::tui::AreaRow>, String> {
        Broken.scores(r)
    }
    fn area_detail(
        &mut self,
        r: &schouw::tui::ScoreRequest,
        a: &str,
    ) -> Result<schouw::tui::AreaDetail, String> {
        Broken.area_detail(r, a)
    }
    fn entity(&mut self, e: &schouw::tui::EntityRef) -> Result<schouw::tui::EntityDetail, String> {
        Broken.entity(e)
    }
    fn flagged_page(
        &mut self,
        l: &str,
        a: &str,
        after: Option<&str>,
        n: usize,
    ) -> Result<Vec<schouw::tui::EntityLine>, String> {
        Broken.flagged_page(l, a, after, n)
    }
    fn search(&mut self, q: &str, n: usize) -> Result<Vec<schouw::tui::SearchHit>, String> {
        Broken.search(q, n)
    }
}
