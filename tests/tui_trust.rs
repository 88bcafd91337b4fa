//! Trust in the interface, driven through `Session` as the event loop drives it: the purpose
//! asked before any entity detail, audit entries committed before a detail shows (and the
//! detail withheld when they cannot be), the idle lock and its unlock code, the privacy blank,
//! remapped keys, the banner, and `:export`. Snapshots of the new screens in every theme at
//! 80x24 and 120x40. Time is passed in, never slept.
#![allow(clippy::unwrap_used)]

#[path = "support/tui.rs"]
mod support;

use std::time::{Duration, Instant};

use schouw::audit::{self, Action as Done, Audit, MemoryLog, Object, Outcome, Reason, SessionInfo};
use schouw::hygiene::config::KeySpec;
use schouw::tui::Lang;
use schouw::tui::app::{App, AppOptions, Mode, Screen};
use schouw::tui::fake::FakeSource;
use schouw::tui::keys::KeyTable;
use schouw::tui::session::{Outward, Session};
use schouw::tui::theme::ThemeName;
use support::{draw, keys, screen_text, session, session_with, text};

const THEMES: [ThemeName; 3] = [ThemeName::Color, ThemeName::Mono, ThemeName::Ascii];
const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];
const BANNER: &str = "DEPARTEMENTAAL VERTROUWELIJK";

fn actions(log: &MemoryLog) -> Vec<Done> {
    log.entries().iter().map(|e| e.action).collect()
}

/// The area Molenkwartier with its flagged address A1 (Molenstraat 12) under the cursor.
const TO_A1: &str = ":open BU99010101<Enter>";

fn on_a1(s: &mut Session) {
    keys(s, TO_A1);
    let Some(Screen::Area(v)) = s.screen() else {
        panic!("not on the area")
    };
    let i = v.detail.flagged.iter().position(|l| l.key == "A1").unwrap();
    keys(s, &"j".repeat(i));
}

fn entity_title(s: &Session) -> Option<String> {
    match s.screen() {
        Some(Screen::Entity(v)) => Some(v.detail.title.clone()),
        _ => None,
    }
}

#[test]
fn the_first_entity_asks_for_a_purpose_and_esc_opens_nothing() {
    let (mut s, log) = session();
    // Area screens never ask.
    on_a1(&mut s);
    assert!(matches!(s.mode, Mode::Normal));
    assert_eq!(actions(&log), vec![Done::SessionStart]);
    // Enter on the address asks; Esc cancels and nothing opens or is logged.
    keys(&mut s, "<Enter>");
    assert!(matches!(s.mode, Mode::Purpose { .. }));
    let shown = screen_text(&mut s);
    assert!(
        shown.contains("Waarvoor bekijk je deze gegevens?"),
        "{shown}"
    );
    assert!(!shown.contains("Postcode:"), "{shown}");
    keys(&mut s, "zaak<Esc>");
    assert!(matches!(s.mode, Mode::Normal));
    assert_eq!(entity_title(&s), None);
    assert!(screen_text(&mut s).contains("geannuleerd: niets geopend"));
    assert_eq!(actions(&log), vec![Done::SessionStart]);
    // Blank answers are refused and the prompt stays.
    keys(&mut s, "<Enter>   <Enter>");
    assert!(matches!(s.mode, Mode::Purpose { refused: true, .. }));
    assert!(screen_text(&mut s).contains("1 tot 120 gewone tekens"));
    keys(&mut s, &"<Bksp>".repeat(3));
    keys(&mut s, "RIEC-2026-017<Enter>");
    assert_eq!(entity_title(&s).as_deref(), Some("Molenstraat 12"));
    let e = log.entries().pop().unwrap();
    assert_eq!(e.action, Done::OpenEntity);
    assert_eq!(e.object, Object::Address("A1".into()));
    assert_eq!(e.outcome, Outcome::Ok);
    assert_eq!(e.purpose.as_deref(), Some("RIEC-2026-017"));
    assert_eq!(e.lens, Some(("hennep".into(), "1".into())));
    // Once per session: the linked business opens at once, with the same purpose.
    keys(&mut s, "<Enter>");
    assert!(matches!(s.mode, Mode::Normal));
    let e = log.entries().pop().unwrap();
    assert_eq!(e.object, Object::Business("B1".into()));
    assert_eq!(e.purpose.as_deref(), Some("RIEC-2026-017"));
}

#[test]
fn the_purpose_can_be_seen_and_changed() {
    let (mut s, log) = session();
    keys(&mut s, ":doel<Enter>");
    let Mode::Purpose { input, .. } = &s.mode else {
        panic!("{:?}", s.mode)
    };
    assert_eq!(input, "");
    keys(&mut s, "zaak 1<Enter>");
    assert_eq!(s.purpose.as_deref(), Some("zaak 1"));
    // `:doel` alone shows the current one, ready to edit; `:purpose TEXT` replaces it.
    keys(&mut s, ":doel<Enter>");
    let Mode::Purpose { input, .. } = &s.mode else {
        panic!()
    };
    assert_eq!(input, "zaak 1");
    assert!(screen_text(&mut s).contains("> zaak 1"));
    keys(&mut s, "<Esc>:purpose zaak 2<Enter>");
    assert_eq!(s.purpose.as_deref(), Some("zaak 2"));
    assert!(screen_text(&mut s).contains("doel: zaak 2"));
    keys(&mut s, &format!(":doel {}<Enter>", "x".repeat(121)));
    assert_eq!(s.purpose.as_deref(), Some("zaak 2"));
    assert!(screen_text(&mut s).contains("het doel moet 1 tot 120"));
    on_a1(&mut s);
    keys(&mut s, "<Enter>");
    let e = log.entries().pop().unwrap();
    assert_eq!(e.purpose.as_deref(), Some("zaak 2"));
    // Every later entry carries it, a lock too.
    keys(&mut s, ":lock<Enter>");
    let e = log.entries().pop().unwrap();
    assert_eq!(
        (e.action, e.purpose.as_deref()),
        (Done::Lock, Some("zaak 2"))
    );
}

#[test]
fn a_search_hit_is_logged_as_search_open_without_the_search_text() {
    let (mut s, log) = session();
    keys(&mut s, "fkerkweg<Enter>zaak 9<Enter>");
    assert_eq!(entity_title(&s).as_deref(), Some("Kerkweg 3"));
    let e = log.entries().pop().unwrap();
    assert_eq!(e.action, Done::SearchOpen);
    assert!(matches!(e.object, Object::Address(_)));
    assert!(
        !format!("{:?}", log.entries())
            .to_lowercase()
            .contains("kerkweg")
    );
    // An area hit is area-level: not logged.
    let before = log.entries().len();
    keys(&mut s, "fstationsb<Enter>");
    assert!(matches!(s.screen(), Some(Screen::Area(_))));
    assert_eq!(log.entries().len(), before);
}

#[test]
fn when_the_log_cannot_take_the_entry_the_detail_is_not_shown() {
    let (mut s, log) = session();
    keys(&mut s, ":doel zaak 3<Enter>");
    on_a1(&mut s);
    log.set_failing(true);
    keys(&mut s, "<Enter>");
    assert_eq!(entity_title(&s), None);
    assert!(matches!(s.screen(), Some(Screen::Area(_))));
    let shown = screen_text(&mut s);
    assert!(shown.contains("audit niet beschikbaar"), "{shown}");
    assert!(shown.contains("de gegevens worden niet getoond"), "{shown}");
    assert!(!shown.contains("Postcode:"), "{shown}");
    // Nor from the finder.
    keys(&mut s, "fkerkweg<Enter>");
    assert_eq!(entity_title(&s), None);
    assert!(!screen_text(&mut s).contains("Snelle doorverkoop"));
    // Once the log works again, the same key opens it.
    log.set_failing(false);
    keys(&mut s, "<Esc>");
    on_a1(&mut s);
    keys(&mut s, "<Enter>");
    assert_eq!(entity_title(&s).as_deref(), Some("Molenstraat 12"));
}

#[test]
fn without_a_session_start_entry_there_is_no_session() {
    let log = MemoryLog::new();
    log.set_failing(true);
    let app = App::new(Box::new(FakeSource::new()), Lang::Nl);
    let r = Session::start(app, Box::new(log), Duration::from_secs(600), Instant::now());
    assert!(r.is_err());
}

#[test]
fn a_real_log_file_holds_the_chain_of_a_session() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fake.db.audit");
    let info = SessionInfo {
        session: "0123456789abcdef0123456789abcdef".into(),
        user: "analist".into(),
        origin: "tty=none".into(),
    };
    let log = Audit::open_at(&path, info, "f".repeat(64)).unwrap();
    let app = App::new(Box::new(FakeSource::new()), Lang::Nl);
    let mut s =
        Session::start(app, Box::new(log), Duration::from_secs(600), Instant::now()).unwrap();
    on_a1(&mut s);
    keys(&mut s, "<Enter>zaak 4<Enter>");
    assert_eq!(entity_title(&s).as_deref(), Some("Molenstraat 12"));
    s.end(Reason::Quit).unwrap();
    drop(s);
    let v = audit::verify(&path, None).unwrap();
    assert!(v.tamper.is_none(), "{v:?}");
    let rows: Vec<audit::Record> = audit::read_rows(&path)
        .unwrap()
        .iter()
        .map(audit::Record::from_row)
        .collect();
    let got: Vec<(&str, &str, Option<&str>)> = rows
        .iter()
        .map(|r| (r.action.as_str(), r.object.as_str(), r.purpose.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("session_start", "database", None),
            ("open_entity", "address:A1", Some("zaak 4")),
            ("session_end", "reason:quit", Some("zaak 4")),
        ]
    );
}

/// Text on the screen that only data can put there.
const DATA: &[&str] = &["Hennep", "BU99", "Molen", "Stationsbuurt", "Score"];

fn no_data(s: &mut Session) {
    for theme in THEMES {
        for (w, h) in SIZES.into_iter().chain([(40, 10)]) {
            let shown = text(draw(s, theme, w, h).backend().buffer());
            for d in DATA {
                assert!(!shown.contains(d), "{d} on a guarded screen:\n{shown}");
            }
        }
    }
}

fn code(s: &Session) -> String {
    s.lock.as_ref().unwrap().code.clone()
}

#[test]
fn idle_time_locks_and_only_the_shown_code_unlocks() {
    let (mut s, log) = session();
    let t0 = Instant::now();
    on_a1(&mut s);
    assert_eq!(s.tick(t0 + Duration::from_secs(599)), None);
    assert!(s.lock.is_none());
    assert_eq!(s.tick(t0 + Duration::from_secs(601)), Some(Outward::Purge));
    assert!(s.lock.is_some());
    no_data(&mut s);
    let c = code(&s);
    assert!(
        screen_text(&mut s).contains(&c.chars().map(String::from).collect::<Vec<_>>().join(" "))
    );
    // A burst of terminal replies (cursor position, device attributes) does not unlock:
    // Esc clears, digits and signs are not code letters, and a stray final letter is not the
    // code. Nor does it get in the way: only the last letters typed count.
    keys(&mut s, "<Esc>[12;40R<Esc>[?1;2c<Enter>");
    assert!(s.lock.is_some());
    assert!(s.lock.as_ref().unwrap().input.len() <= 1);
    keys(&mut s, "<Esc>");
    // A wrong code is refused and recorded; the right one (any case) unlocks.
    let wrong: String = c.chars().rev().collect::<String>().replace(&c, "AAAA");
    let wrong = if wrong == c {
        "AAAA".to_string()
    } else {
        wrong
    };
    keys(&mut s, &format!("{wrong}<Enter>"));
    assert!(s.lock.as_ref().unwrap().wrong);
    assert!(screen_text(&mut s).contains("onjuiste code"));
    keys(&mut s, &format!("{}<Enter>", c.to_lowercase()));
    assert!(s.lock.is_none());
    assert!(
        matches!(s.screen(), Some(Screen::Area(_))),
        "back where it was"
    );
    let tail: Vec<(Done, Object, Outcome)> = log
        .entries()
        .into_iter()
        .skip(1)
        .map(|e| (e.action, e.object, e.outcome))
        .collect();
    assert_eq!(
        tail,
        vec![
            (Done::Lock, Object::Reason(Reason::Idle), Outcome::Ok),
            (Done::Unlock, Object::None, Outcome::Refused),
            (Done::Unlock, Object::None, Outcome::Ok),
        ]
    );
}

#[test]
fn a_lock_left_standing_for_another_idle_period_ends_the_session() {
    let (mut s, _) = session();
    let t0 = Instant::now();
    assert_eq!(s.tick(t0 + Duration::from_secs(600)), Some(Outward::Purge));
    assert_eq!(s.tick(t0 + Duration::from_secs(1199)), None);
    assert_eq!(s.tick(t0 + Duration::from_secs(1200)), Some(Outward::Quit));
    assert!(s.quit);
    assert_eq!(s.end_reason, Reason::Idle);
    let e = s.end_entry(s.end_reason);
    assert_eq!(e.object, Object::Reason(Reason::Idle));
}

#[test]
fn unlocking_waits_for_its_entry() {
    let (mut s, log) = session();
    keys(&mut s, ":lock<Enter>");
    assert_eq!(
        log.entries().pop().unwrap().object,
        Object::Reason(Reason::User)
    );
    log.set_failing(true);
    let c = code(&s);
    keys(&mut s, &format!("{c}<Enter>"));
    assert!(s.lock.is_some());
    let shown = screen_text(&mut s);
    assert!(shown.contains("audit niet beschikbaar"), "{shown}");
    no_data(&mut s);
    // Ctrl-C still quits from the lock screen.
    assert_eq!(keys(&mut s, "<C-c>"), vec![Outward::Quit]);
}

#[test]
fn the_privacy_key_blanks_at_once_in_any_mode_and_any_key_returns() {
    let (mut s, log) = session();
    keys(&mut s, "jj");
    let row = s.table.pos;
    keys(&mut s, "<C-x>");
    assert!(s.blank);
    no_data(&mut s);
    // The key that returns does nothing else.
    keys(&mut s, "j");
    assert!(!s.blank);
    assert_eq!(s.table.pos, row);
    // While typing a filter Ctrl-X blanks instead of typing; the filter waits underneath.
    keys(&mut s, "/mol<C-x>");
    assert!(s.blank);
    assert_eq!(s.filter, "mol");
    keys(&mut s, "q");
    assert!(matches!(s.mode, Mode::Filter { .. }));
    assert_eq!(s.filter, "mol");
    assert_eq!(
        actions(&log),
        vec![Done::SessionStart, Done::PrivacyBlank, Done::PrivacyBlank]
    );
    // A failing log does not hold the blank back.
    log.set_failing(true);
    keys(&mut s, "<Esc><C-x>");
    assert!(s.blank);
}

fn remapped(pairs: &[(&str, &str)]) -> AppOptions {
    let v: Vec<(String, KeySpec)> = pairs
        .iter()
        .map(|(a, k)| (a.to_string(), KeySpec::parse(k).unwrap()))
        .collect();
    AppOptions {
        banner: None,
        keys: KeyTable::remapped(&v).unwrap(),
    }
}

#[test]
fn remapped_keys_work_and_show_in_footer_and_help() {
    let opts = remapped(&[("privacy", "ctrl-o"), ("lock", "f12"), ("finder", "z")]);
    let (mut s, _) = session_with(Box::new(FakeSource::new()), Lang::Nl, opts);
    keys(&mut s, "<C-x>");
    assert!(!s.blank);
    keys(&mut s, "<C-o>");
    assert!(s.blank);
    keys(&mut s, " ");
    let shown = text(draw(&mut s, ThemeName::Ascii, 120, 40).backend().buffer());
    let footer = shown.lines().last().unwrap().to_string();
    assert!(footer.contains("Ctrl-O scherm leeg"), "{footer}");
    assert!(!footer.contains("Ctrl-X"), "{footer}");
    keys(&mut s, "?");
    let help = screen_text(&mut s);
    assert!(
        help.contains("F12") && help.contains("scherm vergrendelen"),
        "{help}"
    );
    assert!(help.contains("z/Ctrl-P"), "{help}");
    keys(&mut s, "<Esc>z");
    assert!(matches!(s.mode, Mode::Finder(_)));
    keys(&mut s, "<Esc><F12>");
    assert!(s.lock.is_some());
}

fn with_banner() -> (Session, MemoryLog) {
    session_with(
        Box::new(FakeSource::new()),
        Lang::Nl,
        AppOptions {
            banner: Some(BANNER.into()),
            ..AppOptions::default()
        },
    )
}

#[test]
fn the_banner_is_on_every_screen_in_every_theme() {
    for script in [
        "",
        "i",
        "<Enter>",
        ":open BU99010101<Enter><Enter>",
        ":open BU99010101<Enter><Enter>zaak 5<Enter>",
        "fmolen",
        "?",
        ":le<Tab>",
        "<C-x>",
        ":lock<Enter>",
    ] {
        for theme in THEMES {
            for (w, h) in SIZES.into_iter().chain([(60, 10)]) {
                let (mut s, _) = with_banner();
                keys(&mut s, script);
                let shown = text(draw(&mut s, theme, w, h).backend().buffer());
                let top = shown.lines().next().unwrap();
                assert!(
                    top.contains(BANNER),
                    "{script:?} {theme:?} {w}x{h}:\n{shown}"
                );
            }
        }
    }
}

#[test]
fn export_from_the_interface_asks_writes_and_is_audited() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("scores.csv");
    let (mut s, log) = with_banner();
    keys(&mut s, "/veenhoeve<Enter>");
    let shown: Vec<String> = s.shown.iter().map(|&i| s.rows[i].code.clone()).collect();
    assert!(!shown.is_empty() && shown.len() < s.rows.len());
    keys(&mut s, &format!(":export {}<Enter>", out.display()));
    // A purpose first, then the question; n writes nothing.
    assert!(matches!(s.mode, Mode::Purpose { .. }));
    keys(&mut s, "rapportage 2026<Enter>");
    assert!(matches!(s.mode, Mode::ConfirmExport(_)));
    assert!(screen_text(&mut s).contains("Exporteren naar"));
    keys(&mut s, "n");
    assert!(!out.exists());
    keys(&mut s, &format!(":export {}<Enter>j", out.display()));
    let bytes = std::fs::read(&out).unwrap();
    let body = String::from_utf8(bytes.clone()).unwrap();
    let lines: Vec<&str> = body.lines().collect();
    assert_eq!(lines[0], format!("\"{BANNER}\""));
    assert!(
        lines[1].starts_with("\"lens hennep, versie 1, "),
        "{}",
        lines[1]
    );
    assert_eq!(lines[2], "\"patroon, geen bewijs\"");
    assert_eq!(lines.len(), 4 + shown.len(), "{body}");
    for (line, code) in lines[4..].iter().zip(&shown) {
        assert!(line.contains(code.as_str()), "{line}");
    }
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let exports: Vec<_> = log
        .entries()
        .into_iter()
        .filter(|e| e.action == Done::Export)
        .collect();
    assert_eq!(exports.len(), 2);
    assert_eq!(exports[1].rows, Some(shown.len() as u64));
    assert_eq!(
        exports[1].file_sha256.as_deref(),
        Some(audit::file_sha256(&out).unwrap().as_str())
    );
    assert_eq!(exports[1].purpose.as_deref(), Some("rapportage 2026"));
    assert_eq!(exports[1].object, Object::Lens("hennep".into()));
    assert!(screen_text(&mut s).contains("geexporteerd"));
    // The same name again: refused, the file unchanged.
    keys(&mut s, &format!(":export {}<Enter>j", out.display()));
    assert!(screen_text(&mut s).contains("bestaat al"));
    assert_eq!(std::fs::read(&out).unwrap(), bytes);
    // A failing log: nothing is written.
    log.set_failing(true);
    let other = dir.path().join("other.csv");
    keys(
        &mut s,
        &format!(":export {} excel<Enter>j", other.display()),
    );
    assert!(!other.exists());
    assert!(screen_text(&mut s).contains("er is niets geschreven"));
}

/// Snapshots of a screen in every theme and size; `mask` hides the random unlock code.
fn snap(name: &str, script: &str, banner: bool) {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for theme in THEMES {
            for (w, h) in SIZES {
                let (mut s, _) = if banner { with_banner() } else { session() };
                s.update(schouw::tui::keys::Action::Resize(w, h));
                keys(&mut s, script);
                let t = draw(&mut s, theme, w, h);
                let mut shown = format!("{}", t.backend());
                if let Some(l) = &s.lock {
                    let spaced: Vec<String> = l.code.chars().map(String::from).collect();
                    shown = shown.replace(&spaced.join(" "), "X X X X");
                }
                let id = format!("{name}_{theme:?}_{w}x{h}").to_lowercase();
                insta::assert_snapshot!(id, shown);
            }
        }
    });
}

#[test]
fn snapshots_of_the_guarding_screens() {
    snap("purpose", ":open BU99010101<Enter><Enter>zaak 2026", false);
    snap("lock", ":lock<Enter>AB", false);
    snap("blank", "<C-x>", false);
    snap("banner_root", "", true);
    snap("banner_lock", ":lock<Enter>", true);
}

#[test]
fn locking_drops_the_entity_and_the_purpose_which_is_asked_again() {
    for how in ["command", "idle"] {
        let (mut s, log) = session();
        on_a1(&mut s);
        keys(&mut s, "<Enter>zaak 7<Enter>");
        assert_eq!(entity_title(&s).as_deref(), Some("Molenstraat 12"));
        // A search in progress holds hits about entities too.
        keys(&mut s, "fmolen");
        match how {
            "command" => {
                keys(&mut s, "<Esc>:lock<Enter>");
            }
            _ => {
                s.tick(Instant::now() + Duration::from_secs(601));
                s.drawn();
            }
        }
        assert!(s.lock.is_some(), "{how}");
        assert!(
            s.stack.iter().all(|x| !matches!(x, Screen::Entity(_))),
            "{how}: an entity screen stayed behind the lock"
        );
        assert!(matches!(s.mode, Mode::Normal), "{how}");
        assert_eq!(s.purpose, None, "{how}");
        assert!(s.status.is_none(), "{how}");
        // The lock entry still carries the purpose it ends.
        let last = log.entries().pop().unwrap();
        assert_eq!(last.action, Done::Lock, "{how}");
        assert_eq!(last.purpose.as_deref(), Some("zaak 7"), "{how}");
        let c = code(&s);
        keys(&mut s, &format!("{c}<Enter>"));
        assert!(s.lock.is_none(), "{how}");
        assert!(matches!(s.screen(), Some(Screen::Area(_))), "{how}");
        assert!(!screen_text(&mut s).contains("zaak 7"), "{how}");
        // The next entity asks why again.
        keys(&mut s, "<Enter>");
        assert!(matches!(s.mode, Mode::Purpose { .. }), "{how}");
        assert_eq!(entity_title(&s), None, "{how}");
    }
}

#[test]
fn lock_and_blank_are_logged_after_the_frame_that_hides_the_screen() {
    let (mut s, log) = session();
    let ctrl_x = support::parse("<C-x>")[0];
    let (_, out) = s.key(&ctrl_x, Instant::now());
    assert_eq!(out, None);
    assert!(s.blank);
    // Blank first: nothing is written until the blank frame is drawn...
    assert!(s.hiding());
    assert_eq!(actions(&log), vec![Done::SessionStart]);
    // ...then the entry.
    assert!(s.drawn());
    assert!(!s.hiding());
    assert_eq!(actions(&log), vec![Done::SessionStart, Done::PrivacyBlank]);
    assert!(!s.drawn(), "written once");
    // The idle lock likewise: the purge first, the entry after the frame.
    keys(&mut s, "j");
    let out = s.tick(Instant::now() + Duration::from_secs(601));
    assert_eq!(out, Some(Outward::Purge));
    assert_eq!(actions(&log).last(), Some(&Done::PrivacyBlank));
    s.drawn();
    assert_eq!(actions(&log).last(), Some(&Done::Lock));
    // A lock that never saw its frame (a signal came first) is written at the end, before
    // `session_end`.
    let c = code(&s);
    keys(&mut s, &format!("{c}<Enter>"));
    s.apply(schouw::tui::keys::Action::Lock);
    let (last, _) = s.finish(Reason::Signal);
    let last: Vec<(Done, Object)> = last.into_iter().map(|e| (e.action, e.object)).collect();
    assert_eq!(
        last,
        vec![
            (Done::Lock, Object::Reason(Reason::User)),
            (Done::SessionEnd, Object::Reason(Reason::Signal))
        ]
    );
}

#[test]
fn the_footer_always_shows_the_command_line_key() {
    let (mut s, _) = session();
    let footer = |s: &mut Session| {
        let shown = text(draw(s, ThemeName::Color, 80, 24).backend().buffer());
        shown.lines().last().unwrap().to_string()
    };
    let root = footer(&mut s);
    assert!(root.contains(": commando"), "{root}");
    on_a1(&mut s);
    let area = footer(&mut s);
    assert!(area.contains(": commando"), "{area}");
    keys(&mut s, "<Enter>zaak 1<Enter>");
    let entity = footer(&mut s);
    assert!(entity.contains(": commando"), "{entity}");
}
