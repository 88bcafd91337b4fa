//! Drawing only: `render(&App, &Theme, &mut Frame)` reads the state and draws one frame. No I/O,
//! nothing written back. One file per screen under `view/`; `parts` holds the shared pieces
//! (blocks, markers, bars, breadcrumb, status and footer lines). Only visible rows are built.
//!
//! In the `ascii` theme a final pass replaces every non-ASCII cell (from data such as `é`) with
//! ASCII, so nothing but ASCII reaches the screen whatever the data holds.

mod area;
mod entity;
mod finder;
mod guard;
mod help;
mod lens_detail;
mod lenses;
mod parts;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use super::app::{App, Mode, Screen};
use super::i18n::L;
use super::theme::{Theme, ascii_fold};

/// The supported minimum terminal size.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Draws the whole screen: the banner line first when one is configured, then the blanked
/// screen, the lock screen, "too small" or the current screen.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame) {
    let mut area = frame.area();
    if let Some(text) = &app.banner {
        let [top, rest] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        guard::banner(text, theme, frame, top);
        area = rest;
    }
    let full = frame.area();
    if app.blank {
        guard::blank(app, theme, frame, area);
    } else if let Some(lock) = &app.lock {
        guard::lock(app, theme, frame, area, lock);
    } else if full.width < MIN_WIDTH || full.height < MIN_HEIGHT {
        too_small(app, theme, frame, area);
    } else {
        screen(app, theme, frame, area);
    }
    if theme.ascii() {
        asciify(frame.buffer_mut());
    }
}

fn too_small(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lines = vec![
        Line::styled(L::TooSmall.t(app.lang), theme.title),
        Line::raw(L::NeedSize.t(app.lang)),
    ];
    let [_, mid, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(2),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(lines).alignment(Alignment::Center), mid);
}

fn screen(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let [crumbs, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    parts::breadcrumb(app, theme, frame, crumbs);
    match &app.mode {
        Mode::Help { scroll } => help::render(app, theme, frame, body, *scroll),
        Mode::Finder(f) => finder::render(app, theme, frame, body, f),
        _ => match app.screen() {
            None => lenses::render(app, theme, frame, body),
            Some(Screen::LensDetail(v)) => lens_detail::render(app, theme, frame, body, v),
            Some(Screen::Area(v)) => area::render(app, theme, frame, body, v),
            Some(Screen::Entity(v)) => entity::render(app, theme, frame, body, v),
        },
    }
    if let Mode::Purpose { input, refused, .. } = &app.mode {
        guard::purpose(app, theme, frame, body, input, *refused);
    }
    frame.render_widget(Clear, status);
    parts::status(app, theme, frame, status);
    parts::footer(app, theme, frame, footer);
}

/// Replaces every non-ASCII symbol in the buffer with ASCII.
fn asciify(buf: &mut Buffer) {
    for cell in &mut buf.content {
        if !cell.symbol().is_ascii() {
            let folded = cell.symbol().chars().next().map_or("?", ascii_fold);
            // One cell holds one character: keep the first of a fold like `ij`.
            cell.set_symbol(&folded[..1]);
        }
    }
}
