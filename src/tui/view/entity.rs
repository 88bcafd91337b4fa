//! Entity detail: facts and flags with evidence on the left; linked items (each opens with
//! Enter) and signals on the right.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::parts::{block, marker, row_style};
use crate::tui::app::{App, EntityView, visible_offset};
use crate::tui::i18n::L;
use crate::tui::theme::Theme;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect, v: &EntityView) {
    let lang = app.lang;
    let d = &v.detail;
    let left_w = if area.width >= 120 { 48 } else { 34 };
    let [left, right] =
        Layout::horizontal([Constraint::Length(left_w), Constraint::Fill(1)]).areas(area);

    let mut lines = vec![Line::styled(d.title.clone(), theme.title), Line::raw("")];
    for (f, val) in &d.facts {
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", f.label(lang)), theme.header),
            Span::raw(val.clone()),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(L::Flags.t(lang), theme.header));
    if v.flags_pending {
        lines.push(Line::raw(L::Computing.t(lang)));
    } else if d.flags.is_empty() {
        lines.push(Line::raw(L::None.t(lang)));
    }
    for f in &d.flags {
        lines.push(Line::styled(format!("* {}", f.label), theme.warning));
        lines.push(Line::raw(format!("  {}", f.evidence)));
    }
    let b = block(L::Facts.t(lang).to_string(), false, theme);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(b),
        left,
    );

    // Linked items and signals as one list; headings are not selectable.
    let mut rows: Vec<(Option<usize>, Line)> = Vec::new();
    let mut n = 0;
    for (link, items) in &d.linked {
        rows.push((None, Line::styled(link.label(lang), theme.header)));
        for it in items {
            let sel = n == v.cursor.pos;
            rows.push((
                Some(n),
                Line::from(vec![
                    Span::raw(format!("{} ", marker(sel, theme))),
                    Span::raw(it.label.clone()),
                    Span::styled(format!("  {}", it.detail), theme.dim),
                ])
                .style(row_style(sel, true, theme)),
            ));
            n += 1;
        }
    }
    rows.push((None, Line::styled(L::Signals.t(lang), theme.header)));
    if d.signals.is_empty() {
        rows.push((None, Line::raw(format!("  {}", L::None.t(lang)))));
    }
    for s in &d.signals {
        let text = format!("{} {} ({})", s.date, s.kind, s.source);
        if s.target.is_some() {
            let sel = n == v.cursor.pos;
            rows.push((
                Some(n),
                Line::raw(format!("{} {text}", marker(sel, theme)))
                    .style(row_style(sel, true, theme)),
            ));
            n += 1;
        } else {
            rows.push((None, Line::raw(format!("  {text}"))));
        }
    }
    let b = block(L::Linked.t(lang).to_string(), true, theme);
    let inner = b.inner(right);
    frame.render_widget(b, right);
    // Scroll so the selected line is visible; offsets are in display lines.
    let sel_line = rows
        .iter()
        .position(|(i, _)| *i == Some(v.cursor.pos))
        .unwrap_or(0);
    let h = inner.height as usize;
    let cursor = crate::tui::app::Cursor {
        pos: sel_line,
        offset: 0,
    };
    let off = visible_offset(cursor, h);
    let lines: Vec<Line> = rows.into_iter().skip(off).take(h).map(|r| r.1).collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
