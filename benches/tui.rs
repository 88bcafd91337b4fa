//! Interface benchmark without a terminal: the app state and renderer over a fake source with
//! national-scale area counts (14,500 buurten), drawn into ratatui's `TestBackend` at 120x40.
//! Measures the first frame, key to frame for navigation and for filter keystrokes, and a live
//! weight change (which includes the fake source's re-scoring, not the real engine's).
//!
//! Run with `cargo bench --bench tui`. Figures are printed, never asserted.

use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use schouw::tui::app::App;
use schouw::tui::fake::FakeSource;
use schouw::tui::keys::Action;
use schouw::tui::theme::{Theme, ThemeName};
use schouw::tui::{Lang, view};

const AREAS: usize = 14_500;

fn frame(app: &App, term: &mut Terminal<TestBackend>, theme: &Theme) {
    term.draw(|f| view::render(app, theme, f)).expect("draw");
}

fn report(name: &str, mut times: Vec<Duration>) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let p = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
    println!(
        "{name:<28} n={:<5} median {:>7.2} ms  p99 {:>7.2} ms  max {:>7.2} ms",
        times.len(),
        ms(p(0.5)),
        ms(p(0.99)),
        ms(times[times.len() - 1])
    );
}

fn main() {
    let theme = Theme::new(ThemeName::Color);
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("terminal");

    let source = FakeSource::scaled(AREAS);
    let start = Instant::now();
    let mut app = App::new(Box::new(source), Lang::Nl);
    app.update(Action::Resize(120, 40));
    frame(&app, &mut term, &theme);
    println!(
        "first frame ({} areas)         {:>7.2} ms",
        app.rows.len(),
        start.elapsed().as_secs_f64() * 1000.0
    );

    let mut nav = Vec::new();
    for i in 0..2000 {
        let a = match i % 40 {
            0..=24 => Action::Down,
            25..=29 => Action::PageDown,
            30..=34 => Action::Up,
            _ => Action::PageUp,
        };
        let t = Instant::now();
        app.update(a);
        frame(&app, &mut term, &theme);
        nav.push(t.elapsed());
    }
    report("navigation key to frame", nav);

    let mut filter = Vec::new();
    app.update(Action::Filter);
    for c in "proefbuurt 12".chars().chain(std::iter::repeat_n('x', 3)) {
        let t = Instant::now();
        app.update(Action::Input(c));
        app.settle();
        frame(&app, &mut term, &theme);
        filter.push(t.elapsed());
    }
    for _ in 0..16 {
        let t = Instant::now();
        app.update(Action::Erase);
        frame(&app, &mut term, &theme);
        filter.push(t.elapsed());
    }
    app.update(Action::Accept);
    report("filter keystroke to frame", filter);

    let mut sort = Vec::new();
    for a in [
        Action::SortAsc,
        Action::SortDesc,
        Action::Left,
        Action::SortAsc,
    ] {
        let t = Instant::now();
        app.update(a);
        frame(&app, &mut term, &theme);
        sort.push(t.elapsed());
    }
    report("sort to frame", sort);

    app.update(Action::LensDetail);
    let mut tune = Vec::new();
    for a in [
        Action::WeightUp,
        Action::WeightUp,
        Action::WeightDown,
        Action::WeightDown,
    ] {
        let t = Instant::now();
        app.update(a);
        frame(&app, &mut term, &theme);
        tune.push(t.elapsed());
    }
    report("weight change (fake scoring)", tune);
}
