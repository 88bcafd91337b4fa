//! Pieces every screen uses: bordered blocks, the `>` row marker, numbers, bars, the
//! breadcrumb, the status/prompt line and the footer generated from the key table.

use ratatui::Frame;
use ratatui::layout::{Alignment, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph};

use crate::tui::app::{App, Mode, Screen};
use crate::tui::i18n::L;
use crate::tui::keys::{Action, Hint};
use crate::tui::theme::Theme;

/// A bordered block with a title; focused blocks have a bold border.
pub fn block<'a>(title: String, focused: bool, theme: &Theme) -> Block<'a> {
    let style = if focused {
        theme.focus_border
    } else {
        theme.border
    };
    Block::bordered()
        .border_set(theme.border_set)
        .border_style(style)
        .title(Line::styled(format!(" {title} "), theme.title))
}

/// The marker column: `>` on the selected row in every theme.
pub fn marker(selected: bool, theme: &Theme) -> &'static str {
    if selected { theme.marker } else { " " }
}

/// The style of a row: reversed when selected in the focused list, underlined when selected in
/// another list.
pub fn row_style(selected: bool, focused: bool, theme: &Theme) -> Style {
    match (selected, focused) {
        (true, true) => theme.selected,
        (true, false) => theme.selected_idle,
        _ => theme.text,
    }
}

/// A right-aligned table cell (numbers line up on their last digit).
pub fn right<'a>(text: String) -> Cell<'a> {
    Cell::from(Line::from(text).alignment(Alignment::Right))
}

pub fn num(v: Option<f64>, decimals: usize) -> String {
    match v {
        Some(v) => format!("{v:.decimals$}"),
        None => "-".into(),
    }
}

pub fn percent(v: f64) -> String {
    format!("{:.0}%", v * 100.0)
}

/// The number of terminal columns `s` takes (wide characters take two, combining marks
/// none), as ratatui lays it out.
pub fn text_width(s: &str) -> usize {
    Span::raw(s).width()
}

/// Cuts `s` to `width` columns, marking the cut with the theme's ellipsis. Counts columns, not
/// characters, so that what follows a wide character stays where it belongs.
pub fn cut(s: &str, width: usize, theme: &Theme) -> String {
    if text_width(s) <= width {
        return s.to_string();
    }
    let room = width.saturating_sub(text_width(theme.ellipsis));
    let mut out = String::new();
    let mut used = 0;
    for g in Span::raw(s).styled_graphemes(Style::default()) {
        let w = text_width(g.symbol);
        if used + w > room {
            break;
        }
        used += w;
        out.push_str(g.symbol);
    }
    out.push_str(theme.ellipsis);
    out
}

/// A horizontal bar for `fraction` (0–1) in `width` cells, with the median mark if given.
pub fn bar<'a>(
    fraction: Option<f64>,
    median: Option<f64>,
    width: usize,
    theme: &Theme,
) -> Line<'a> {
    let Some(f) = fraction else {
        return Line::raw(" ".repeat(width));
    };
    let full = ((f.clamp(0.0, 1.0) * width as f64).round() as usize).min(width);
    let mark =
        median.map(|m| ((m.clamp(0.0, 1.0) * width as f64) as usize).min(width.saturating_sub(1)));
    let mut spans = Vec::new();
    for i in 0..width {
        let span = if Some(i) == mark {
            Span::styled(theme.median_mark, theme.bar_median)
        } else if i < full {
            Span::styled(theme.bar_full, theme.bar)
        } else {
            Span::styled(theme.bar_empty, theme.dim)
        };
        spans.push(span);
    }
    Line::from(spans)
}

/// A box plot of `[min, p25, median, p75, max]` in `width` cells, ASCII in every theme:
/// `-` whiskers, `=` the middle half, `|` the median.
pub fn boxplot(q: [f64; 5], width: usize) -> String {
    let span = q[4] - q[0];
    let at = |v: f64| {
        if span > 0.0 {
            (((v - q[0]) / span) * (width.saturating_sub(1)) as f64).round() as usize
        } else {
            width / 2
        }
    };
    let p: Vec<usize> = q.iter().map(|v| at(*v)).collect();
    (0..width)
        .map(|x| {
            if x == p[2] {
                '|'
            } else if (p[1]..=p[3]).contains(&x) {
                '='
            } else if (p[0]..=p[4]).contains(&x) {
                '-'
            } else {
                ' '
            }
        })
        .collect()
}

/// The top line: where the user is, root first.
pub fn breadcrumb(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let mut parts: Vec<String> = Vec::new();
    let lens = app.lens().map_or(String::new(), |l| l.id.clone());
    parts.push(format!("{}: {lens}", L::Lenses.t(app.lang)));
    for s in &app.stack {
        parts.push(match s {
            Screen::LensDetail(_) => format!("{} {lens}", L::LensDetail.t(app.lang)),
            Screen::Area(v) => format!("{} {}", v.detail.row.code, v.detail.row.name),
            Screen::Entity(v) => v.detail.title.clone(),
        });
    }
    let text = crumbs(&parts, area.width as usize, theme);
    frame.render_widget(Paragraph::new(Line::styled(text, theme.title)), area);
}

/// Joins breadcrumb parts; when too long, the oldest parts go first (the current place stays
/// visible), marked with the ellipsis.
pub fn crumbs(parts: &[String], width: usize, theme: &Theme) -> String {
    let len = text_width;
    let mut from = 0;
    loop {
        let mut text = parts[from..].join(theme.crumb_sep);
        if from > 0 {
            text = format!("{}{}{text}", theme.ellipsis, theme.crumb_sep);
        }
        if len(&text) <= width || from + 1 >= parts.len() {
            return cut(&text, width, theme);
        }
        from += 1;
    }
}

/// The line above the footer: the prompt being typed, a question, or the last message.
pub fn status(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let (line, cursor) = match &app.mode {
        Mode::Filter { .. } => {
            let text = format!("/{}", app.filter);
            let n = text.chars().count();
            (Line::raw(text), Some(n))
        }
        Mode::Command { input, .. } => {
            let text = format!(":{input}");
            let n = text.chars().count();
            (Line::raw(text), Some(n))
        }
        Mode::ConfirmQuit => (Line::styled(L::QuitAsk.t(lang), theme.warning), None),
        Mode::ConfirmExport(job) => (Line::styled(app.export_question(job), theme.warning), None),
        Mode::Purpose { .. } => (Line::raw(""), None),
        Mode::ConfirmOverwrite(_) => (Line::styled(L::OverwriteAsk.t(lang), theme.warning), None),
        _ => match &app.status {
            Some(s) if s.error => (Line::styled(s.text.clone(), theme.error), None),
            Some(s) => (Line::raw(s.text.clone()), None),
            // At the root: the selected area's top contributors (the table may lack the room).
            None => match app
                .selected_row()
                .filter(|_| app.stack.is_empty() && matches!(app.mode, Mode::Normal))
            {
                Some(r) if !r.top.is_empty() => (
                    Line::from(vec![
                        Span::styled(format!("{} {}: ", r.code, L::Top.t(lang)), theme.header),
                        Span::raw(r.top.join(", ")),
                    ]),
                    None,
                ),
                _ => (Line::raw(""), None),
            },
        },
    };
    frame.render_widget(Paragraph::new(line), area);
    if let Some(n) = cursor {
        let x = area.x + (n as u16).min(area.width.saturating_sub(1));
        frame.set_cursor_position(Position::new(x, area.y));
    }
}

/// The bottom line: main keys of the current screen, from the key table in force, with the
/// command-line, privacy and help keys always at the right (they are how to find the rest).
pub fn footer(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let (mut right, left): (Vec<Hint>, Vec<Hint>) = app
        .keys
        .footer(&app.contexts(), app.lang)
        .into_iter()
        .partition(|h| matches!(h.action, Action::Command | Action::Help | Action::Privacy));
    right.sort_by_key(|h| h.action == Action::Help);
    let hint_width = |h: &Hint| h.key.chars().count() + h.label.chars().count() + 1;
    let right_width: usize =
        right.iter().map(hint_width).sum::<usize>() + 2 * right.len().saturating_sub(1);
    let mut spans = Vec::new();
    let mut width = 0usize;
    for h in left {
        let w = hint_width(&h) + 2;
        if width + w + right_width > area.width as usize {
            break;
        }
        width += w;
        spans.push(Span::styled(h.key, theme.header));
        spans.push(Span::raw(format!(" {}  ", h.label)));
    }
    let pad = (area.width as usize).saturating_sub(width + right_width);
    spans.push(Span::raw(" ".repeat(pad)));
    for (i, h) in right.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(h.key, theme.header));
        spans.push(Span::raw(format!(" {}", h.label)));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breadcrumb_keeps_the_current_place() {
        let t = Theme::new(crate::tui::theme::ThemeName::Ascii);
        let parts: Vec<String> = [
            "Lenzen: hennep",
            "BU99010101 Molenkwartier",
            "Molenstraat 12",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            crumbs(&parts, 80, &t),
            "Lenzen: hennep > BU99010101 Molenkwartier > Molenstraat 12"
        );
        assert_eq!(
            crumbs(&parts, 45, &t),
            "~ > BU99010101 Molenkwartier > Molenstraat 12"
        );
        assert_eq!(crumbs(&parts, 10, &t), "~ > Molen~");
    }

    #[test]
    fn cutting_counts_columns() {
        let t = Theme::new(crate::tui::theme::ThemeName::Color);
        // Two wide characters take four columns: a cut at 4 keeps them whole...
        assert_eq!(cut("👩🔬 Lab", 4, &t), "👩…");
        assert_eq!(text_width(&cut("👩🔬 Lab", 4, &t)), 3);
        // ...and never leaves more columns than asked for.
        for w in 0..10 {
            assert!(
                text_width(&cut("ｶﾞｷﾞ 中文 e\u{301}x", w, &t)) <= w.max(1),
                "{w}"
            );
        }
        assert_eq!(cut("abc", 3, &t), "abc");
    }

    #[test]
    fn boxplot_marks_quartiles_and_median() {
        assert_eq!(boxplot([0.0, 25.0, 50.0, 75.0, 100.0], 11), "---==|===--");
        assert_eq!(boxplot([5.0; 5], 5), "  |  ");
    }
}
