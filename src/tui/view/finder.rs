//! The fuzzy finder: a prompt and typed, ranked results; matched characters are bold and
//! underlined (and coloured in the colour theme), never colour alone.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::parts::{block, marker, row_style};
use crate::tui::app::{App, Finder, visible_offset};
use crate::tui::i18n::L;
use crate::tui::source::SearchHit;
use crate::tui::theme::Theme;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect, f: &Finder) {
    let lang = app.lang;
    frame.render_widget(Clear, area);
    let b = block(L::Finder.t(lang).to_string(), true, theme);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let [prompt, list] =
        Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(inner);
    let label = format!("{}: ", L::Search.t(lang));
    let x = (label.chars().count() + f.query.chars().count()) as u16;
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(label, theme.header),
            Span::raw(f.query.clone()),
        ])),
        prompt,
    );
    frame.set_cursor_position(Position::new(
        prompt.x + x.min(prompt.width.saturating_sub(1)),
        prompt.y,
    ));
    if let Some(e) = &f.error {
        frame.render_widget(Paragraph::new(Line::styled(e.clone(), theme.error)), list);
        return;
    }
    if f.hits.is_empty() && !f.query.is_empty() {
        frame.render_widget(Paragraph::new(L::NoHits.t(lang)), list);
        return;
    }
    let h = list.height as usize;
    let off = visible_offset(f.cursor, h);
    let lines: Vec<Line> = f
        .hits
        .iter()
        .enumerate()
        .skip(off)
        .take(h)
        .map(|(i, hit)| {
            let sel = i == f.cursor.pos;
            let mut spans = vec![
                Span::raw(format!("{} ", marker(sel, theme))),
                Span::styled(format!("{:<9}", hit.kind.label(lang)), theme.dim),
            ];
            spans.extend(marked(hit, theme));
            spans.push(Span::styled(format!("  {}", hit.context), theme.dim));
            Line::from(spans).style(row_style(sel, true, theme))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

/// The hit's text with matched characters styled, as runs of spans.
fn marked<'a>(hit: &SearchHit, theme: &Theme) -> Vec<Span<'a>> {
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_marked = false;
    for (i, c) in hit.text.chars().enumerate() {
        let m = hit.positions.contains(&i);
        if m != run_marked && !run.is_empty() {
            let style = if run_marked {
                theme.matched
            } else {
                theme.text
            };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_marked = m;
        run.push(c);
    }
    if !run.is_empty() {
        let style = if run_marked {
            theme.matched
        } else {
            theme.text
        };
        spans.push(Span::styled(run, style));
    }
    spans
}
