//! The screens that guard the data: the classification banner (a line on every screen), the
//! purpose prompt (a box over the screen it was asked from, before anything is fetched), the
//! lock screen and the blanked screen. The lock and blank screens draw no data at all: only
//! the banner, their own words and, on the lock screen, the unlock code.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Position, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::parts::{self, block};
use crate::tui::app::{App, CODE_LEN, Lock};
use crate::tui::i18n::L;
use crate::tui::theme::Theme;

/// The banner line: the configured text, centred, reversed and bold in every theme.
pub fn banner(text: &str, theme: &Theme, frame: &mut Frame, area: Rect) {
    let style = theme.selected.add_modifier(Modifier::BOLD);
    let width = area.width as usize;
    let text = parts::cut(text, width, theme);
    let pad = width.saturating_sub(parts::text_width(&text));
    let line = format!("{}{text}{}", " ".repeat(pad / 2), " ".repeat(pad - pad / 2));
    frame.render_widget(Paragraph::new(Line::styled(line, style)), area);
}

/// A box of `w` x `h` cells centred in `area` (clipped to it).
fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let [_, mid, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(h.min(area.height)),
        Constraint::Fill(1),
    ])
    .areas(area);
    let [_, mid, _] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(w.min(area.width)),
        Constraint::Fill(1),
    ])
    .areas(mid);
    mid
}

/// The purpose prompt over the current screen.
pub fn purpose(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    input: &str,
    refused: bool,
) {
    let lang = app.lang;
    let r = centred(area, 66, 9);
    frame.render_widget(Clear, r);
    let b = block(L::PurposeTitle.t(lang).to_string(), true, theme);
    let inner = b.inner(r);
    frame.render_widget(b, r);
    let shown = format!("> {input}");
    // Keep the end of a long answer in view.
    let room = inner.width.saturating_sub(1) as usize;
    let n = shown.chars().count();
    let shown: String = shown.chars().skip(n.saturating_sub(room)).collect();
    let cursor = shown.chars().count();
    let mut lines = vec![
        Line::styled(L::PurposeAsk.t(lang), theme.header),
        Line::raw(L::PurposeHow.t(lang)),
        Line::styled(L::PurposeLogged.t(lang), theme.dim),
        Line::raw(""),
        Line::raw(shown),
    ];
    if refused {
        lines.push(Line::styled(L::PurposeRule.t(lang), theme.error));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    if inner.height > 4 {
        let x = inner.x + (cursor as u16).min(inner.width.saturating_sub(1));
        frame.set_cursor_position(Position::new(x, inner.y + 4));
    }
}

/// The lock screen: why, the code to type, what was typed, how to quit. No data.
pub fn lock(app: &App, theme: &Theme, frame: &mut Frame, area: Rect, lock: &Lock) {
    let lang = app.lang;
    frame.render_widget(Clear, area);
    let [body, footer] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let why = match lock.reason {
        crate::audit::Reason::Idle => L::LockedIdle,
        _ => L::LockedUser,
    };
    let typed: String = lock
        .input
        .chars()
        .chain(std::iter::repeat('_'))
        .take(CODE_LEN)
        .collect();
    let mut lines = vec![
        Line::styled(L::LockedTitle.t(lang), theme.title),
        Line::raw(""),
        Line::raw(why.t(lang)),
        Line::raw(L::UnlockAsk.t(lang)),
        Line::raw(""),
        Line::from(vec![
            Span::styled(
                spaced(&lock.code),
                theme.selected.add_modifier(Modifier::BOLD),
            ),
            Span::raw("   "),
            Span::raw(spaced(&typed)),
        ]),
        Line::raw(""),
    ];
    if lock.wrong {
        lines.push(Line::styled(L::UnlockWrong.t(lang), theme.error));
    }
    if let Some(r) = &lock.refused {
        lines.push(Line::styled(r.clone(), theme.error));
    }
    lines.push(Line::styled(L::UnlockQuit.t(lang), theme.dim));
    let h = lines.len() as u16;
    frame.render_widget(
        Paragraph::new(lines)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        centred(body, 70, h),
    );
    parts::footer(app, theme, frame, footer);
}

fn spaced(s: &str) -> String {
    s.chars().map(String::from).collect::<Vec<_>>().join(" ")
}

/// The blanked screen: nothing but a hint at the bottom.
pub fn blank(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    frame.render_widget(Clear, area);
    if area.height > 0 {
        let last = Rect::new(area.x, area.y + area.height - 1, area.width, 1);
        frame.render_widget(
            Paragraph::new(Line::styled(L::Blanked.t(app.lang), theme.dim)),
            last,
        );
    }
}
