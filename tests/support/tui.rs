//! Driving the interface without a terminal, shared by the interface tests: key scripts go
//! through the key table into a [`Session`] (the app with its audit log, exactly as the event
//! loop drives it), frames are drawn into ratatui's `TestBackend`.
#![allow(dead_code)]

use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use schouw::audit::MemoryLog;
use schouw::tui::app::{App, AppOptions};
use schouw::tui::fake::FakeSource;
use schouw::tui::keys::Action;
use schouw::tui::session::{Outward, Session};
use schouw::tui::theme::{Theme, ThemeName};
use schouw::tui::{DataSource, Lang, view};

/// A session over `source` with an in-memory audit log; returns the log to look into.
pub fn session_with(
    source: Box<dyn DataSource>,
    lang: Lang,
    opts: AppOptions,
) -> (Session, MemoryLog) {
    let log = MemoryLog::new();
    let app = App::with_options(source, lang, opts);
    let s = Session::start(
        app,
        Box::new(log.clone()),
        std::time::Duration::from_secs(600),
        Instant::now(),
    )
    .unwrap();
    (s, log)
}

/// A Dutch session over the fake region.
pub fn session() -> (Session, MemoryLog) {
    session_with(Box::new(FakeSource::new()), Lang::Nl, AppOptions::default())
}

/// Parses a key script: plain characters are keys; `<Enter>`, `<Esc>`, `<Bksp>`, `<Tab>`,
/// `<Down>`, `<Up>`, `<PgDn>`, `<PgUp>`, `<F12>` and `<C-x>` (Ctrl) name the others.
pub fn parse(script: &str) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    let mut chars = script.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '<' || chars.peek().is_none() {
            out.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
            continue;
        }
        let name: String = chars.by_ref().take_while(|&c| c != '>').collect();
        let ev = match name.as_str() {
            "Enter" => KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
            "Esc" => KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
            "Bksp" => KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE),
            "Tab" => KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE),
            "Down" => KeyEvent::new(KeyCode::Down, KeyModifiers::NONE),
            "Up" => KeyEvent::new(KeyCode::Up, KeyModifiers::NONE),
            "PgDn" => KeyEvent::new(KeyCode::PageDown, KeyModifiers::NONE),
            "PgUp" => KeyEvent::new(KeyCode::PageUp, KeyModifiers::NONE),
            "F12" => KeyEvent::new(KeyCode::F(12), KeyModifiers::NONE),
            "lt" => KeyEvent::new(KeyCode::Char('<'), KeyModifiers::NONE),
            n if n.starts_with("C-") => KeyEvent::new(
                KeyCode::Char(n.chars().nth(2).unwrap()),
                KeyModifiers::CONTROL,
            ),
            other => panic!("unknown key {other}"),
        };
        out.push(ev);
    }
    out
}

/// Sends a key script through the session like the event loop does; returns the terminal
/// work asked for.
pub fn keys(s: &mut Session, script: &str) -> Vec<Outward> {
    let mut out = Vec::new();
    for ev in parse(script) {
        if let (_, Some(o)) = s.key(&ev, Instant::now()) {
            out.push(o);
        }
        // As the event loop does around each frame (here: one frame per key).
        s.settle();
        s.drawn();
    }
    out
}

pub fn draw(app: &mut App, theme: ThemeName, w: u16, h: u16) -> Terminal<TestBackend> {
    app.update(Action::Resize(w, h));
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    let theme = Theme::new(theme);
    t.draw(|f| view::render(app, &theme, f)).unwrap();
    t
}

pub fn text(buf: &Buffer) -> String {
    let w = buf.area.width as usize;
    buf.content
        .chunks(w)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn screen_text(app: &mut App) -> String {
    text(draw(app, ThemeName::Color, 120, 40).backend().buffer())
}
