//! Interface benchmark over a real database: the app state with the store-backed source
//! (background worker included), drawn into ratatui's `TestBackend` at 120x40, no terminal.
//! Measures the first frame from opening the database, the time until the score table and
//! then every lens's scores and flags have come in from the worker, key to frame for
//! navigation while the worker is still busy and after it is done (table, lens panel, opening
//! an area and an entity, back), the fuzzy finder per keystroke, and the peak memory of the
//! process.
//!
//! Run with `SCHOUW_BENCH_DB=/path/to/db cargo bench --bench tui_store` (add
//! `SCHOUW_BENCH_ALL=1` to wait until every lens is scored before the later figures; the national
//! database: `schouw gen DIR --scale national`, `schouw import` and `schouw index`). Figures are printed,
//! never asserted. Without `SCHOUW_BENCH_DB` it says so and does nothing.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use schouw::commands::browse::StoreSource;
use schouw::lens::{self, LoadOptions};
use schouw::model::AreaLevel;
use schouw::store::Store;
use schouw::tui::app::{App, Effect};
use schouw::tui::keys::Action;
use schouw::tui::theme::{Theme, ThemeName};
use schouw::tui::{DataSource, Lang, view};

type Term = Terminal<TestBackend>;

fn frame(app: &App, term: &mut Term, theme: &Theme) {
    term.draw(|f| view::render(app, theme, f)).expect("draw");
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn report(name: &str, mut times: Vec<Duration>) {
    if times.is_empty() {
        return;
    }
    times.sort();
    let p = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
    println!(
        "{name:<34} n={:<5} median {:>8.2} ms  p99 {:>8.2} ms  max {:>8.2} ms",
        times.len(),
        ms(p(0.5)),
        ms(p(0.99)),
        ms(times[times.len() - 1])
    );
}

/// Peak resident memory of this process so far, in MB.
fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// Applies an action and answers the effects a session would (audit entries succeed).
fn act(app: &mut App, a: Action) {
    let mut effect = app.update(a);
    while let Some(e) = effect.take() {
        effect = match e {
            Effect::Audit(_) | Effect::Lock(_) => app.update(Action::Audited(Ok(()))),
            _ => None,
        };
    }
}

/// Key to frame for each action.
fn timed(app: &mut App, term: &mut Term, theme: &Theme, actions: &[Action]) -> Vec<Duration> {
    actions
        .iter()
        .map(|a| {
            let t = Instant::now();
            act(app, a.clone());
            app.settle();
            frame(app, term, theme);
            t.elapsed()
        })
        .collect()
}

/// Applies every `Loaded` that has come in; true when one did.
fn drain(app: &mut App, wake: &Receiver<()>) -> bool {
    let mut any = false;
    while wake.try_recv().is_ok() {
        app.update(Action::Loaded);
        any = true;
    }
    any
}

/// Waits for background work until `done` holds.
fn wait_until(app: &mut App, wake: &Receiver<()>, done: impl Fn(&mut App) -> bool) {
    while !done(app) {
        if wake.recv_timeout(Duration::from_secs(600)).is_err() {
            panic!("no progress from the worker in 10 minutes");
        }
        app.update(Action::Loaded);
    }
}

fn navigation() -> Vec<Action> {
    (0..2000)
        .map(|i| match i % 40 {
            0..=24 => Action::Down,
            25..=29 => Action::PageDown,
            30..=34 => Action::Up,
            _ => Action::PageUp,
        })
        .collect()
}

/// Search texts taken from the database: a street with a number, a postcode, a trade name
/// and a KvK number.
fn samples(store: &Store) -> Vec<String> {
    let mut out = Vec::new();
    let year = store
        .latest_area_year(AreaLevel::Buurt)
        .ok()
        .flatten()
        .unwrap_or(0);
    let buurten = store
        .areas_at(AreaLevel::Buurt, year, None)
        .unwrap_or_default();
    for b in buurten.iter().step_by(97).take(40) {
        for a in store
            .addresses_in(b.code.as_str(), None, 20)
            .unwrap_or_default()
        {
            if out.is_empty() {
                out.push(a.label.to_lowercase());
                out.extend(a.postcode.clone());
            }
            if let Some(biz) = store
                .businesses_at(&a.id, 5)
                .unwrap_or_default()
                .into_iter()
                .next()
            {
                out.push(biz.name.to_lowercase());
                out.push(biz.kvk.clone());
                return out;
            }
        }
    }
    out
}

fn main() {
    let Some(db) = std::env::var_os("SCHOUW_BENCH_DB").map(PathBuf::from) else {
        println!("SCHOUW_BENCH_DB is not set: nothing to measure");
        return;
    };
    let theme = Theme::new(ThemeName::Color);
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("terminal");

    let start = Instant::now();
    let store = Store::open_read_only(&db).expect("open the database");
    let lenses = lens::load(&LoadOptions::default()).lenses;
    let opened = start.elapsed();
    // As `schouw open` without --as-of: the worker finds the reference date.
    let mut source = StoreSource::new(store, lenses, None).expect("source");
    let (tx, wake) = mpsc::channel();
    source.set_waker(Box::new(move || {
        let _ = tx.send(());
    }));
    let mut app = App::new(Box::new(source), Lang::Nl);
    app.update(Action::Resize(120, 40));
    frame(&app, &mut term, &theme);
    let first = start.elapsed();
    println!("database opened                    {:>8.2} ms", ms(opened));
    println!(
        "first frame                        {:>8.2} ms (table {})",
        ms(first),
        if app.loading { "computing" } else { "ready" }
    );

    // Keys while the first table is computed.
    let mut busy = Vec::new();
    while app.loading {
        busy.extend(timed(
            &mut app,
            &mut term,
            &theme,
            &[Action::Down, Action::Up],
        ));
        if drain(&mut app, &wake) {
            frame(&app, &mut term, &theme);
        } else {
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    println!(
        "score table ready                  {:>8.2} ms ({} areas)",
        ms(start.elapsed()),
        app.rows.len()
    );
    report("keys while the table computes", busy);

    // Navigation while the worker scores and flags the other lenses.
    let nav = navigation();
    let t = timed(&mut app, &mut term, &theme, &nav);
    report("navigation (worker busy)", t);

    // The fuzzy finder, one keystroke at a time.
    let store = Store::open_read_only(&db).expect("open the database");
    let texts = samples(&store);
    drop(store);
    let mut finder = Vec::new();
    for text in &texts {
        act(&mut app, Action::Finder);
        let keys: Vec<Action> = text.chars().map(Action::Input).collect();
        let t = timed(&mut app, &mut term, &theme, &keys);
        let hits = match &app.mode {
            schouw::tui::app::Mode::Finder(f) => f.hits.len(),
            _ => 0,
        };
        println!(
            "finder {:<27} {} keys, {hits} hits, slowest {:.2} ms",
            format!("\"{text}\""),
            t.len(),
            t.iter().map(|d| ms(*d)).fold(0.0, f64::max)
        );
        finder.extend(t);
        act(&mut app, Action::Cancel);
    }
    report("finder keystroke (worker busy)", finder);

    // With SCHOUW_BENCH_ALL set, wait until every lens is scored (minutes at national scale
    // on a busy machine); otherwise go on while the worker scores the rest.
    if std::env::var_os("SCHOUW_BENCH_ALL").is_some() {
        wait_until(&mut app, &wake, |app| {
            app.lenses.iter().all(|l| l.top_tier.is_some())
        });
        println!(
            "every lens scored                  {:>8.2} ms",
            ms(start.elapsed())
        );
    }
    drain(&mut app, &wake);
    println!(
        "lenses scored so far               {:>5} of {}",
        app.lenses.iter().filter(|l| l.top_tier.is_some()).count(),
        app.lenses.len()
    );
    println!("peak memory so far                 {:>8.1} MB", peak_mb());

    let t = timed(&mut app, &mut term, &theme, &nav);
    report("navigation key to frame", t);

    // The lens panel: every lens in turn (each re-ranks its table).
    let mut lens_keys = vec![Action::NextPanel];
    lens_keys.extend(std::iter::repeat_n(Action::Down, app.lenses.len() - 1));
    lens_keys.extend(std::iter::repeat_n(Action::Up, app.lenses.len() - 1));
    let mut t = timed(&mut app, &mut term, &theme, &lens_keys);
    t.remove(0);
    report("lens switch key to frame", t);
    act(&mut app, Action::NextPanel);

    // The purpose is asked once per session; give it before measuring the entity opens.
    act(&mut app, Action::Command);
    for c in "doel bench 1".chars() {
        act(&mut app, Action::Input(c));
    }
    act(&mut app, Action::Accept);

    // Areas and entities: open the top areas, their first flagged entity, and back.
    let mut area = Vec::new();
    let mut entity = Vec::new();
    let mut back = Vec::new();
    for i in 0..20 {
        act(&mut app, Action::Top);
        for _ in 0..i {
            act(&mut app, Action::Down);
        }
        let t0 = Instant::now();
        area.extend(timed(&mut app, &mut term, &theme, &[Action::Open]));
        if app.stack.is_empty() {
            continue;
        }
        // The lens's flagged entities come from the worker the first time.
        let pending = |app: &mut App| matches!(app.stack.last(), Some(schouw::tui::app::Screen::Area(v)) if v.flags_pending);
        if pending(&mut app) {
            wait_until(&mut app, &wake, |app| !pending(app));
            println!(
                "flagged entities of the lens in     {:>8.2} ms",
                ms(t0.elapsed())
            );
        }
        let opened = timed(&mut app, &mut term, &theme, &[Action::Open]);
        if app.stack.len() == 2 {
            entity.extend(opened);
            back.extend(timed(&mut app, &mut term, &theme, &[Action::Back]));
        }
        back.extend(timed(&mut app, &mut term, &theme, &[Action::Back]));
    }
    report("open area key to frame", area);
    report("open entity key to frame", entity);
    report("back key to frame", back);

    // Another level: the key returns at once, the table comes from the worker.
    let t0 = Instant::now();
    let key = timed(&mut app, &mut term, &theme, &[Action::Level]);
    wait_until(&mut app, &wake, |app| !app.loading);
    report("level switch key to frame", key);
    println!(
        "level switch until the table       {:>8.2} ms ({} areas)",
        ms(t0.elapsed()),
        app.rows.len()
    );

    println!("peak memory (whole run)            {:>8.1} MB", peak_mb());
}
