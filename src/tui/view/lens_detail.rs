//! Lens detail: description, indicators with weight (tunable with `+`/`-`), direction and
//! normalisation, and the live ranking that re-ranks as the weights change.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, Wrap};

use super::parts::{bar, block, boxplot, marker, num, row_style};
use crate::tui::app::{App, LensView, visible_offset};
use crate::tui::i18n::L;
use crate::tui::source::Direction;
use crate::tui::theme::Theme;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect, v: &LensView) {
    let lang = app.lang;
    let Some(lens) = app.lens() else {
        return;
    };
    let n = lens.indicators.len() as u16;
    let [desc, inds, ranking] = Layout::vertical([
        Constraint::Length(5),
        Constraint::Length((n + 3).min(area.height / 2)),
        Constraint::Fill(1),
    ])
    .areas(area);

    let b = block(
        format!("{} {}", L::LensDetail.t(lang), lens.name),
        false,
        theme,
    );
    let text = vec![
        Line::from(vec![
            Span::styled(format!("{}: ", L::LevelWord.t(lang)), theme.header),
            Span::raw(format!("{}  ", lens.level.label(lang))),
            Span::styled(format!("{}: ", L::CompareWord.t(lang)), theme.header),
            Span::raw(app.compare.label(lang)),
        ]),
        Line::raw(lens.description.clone()),
    ];
    frame.render_widget(
        Paragraph::new(text).wrap(Wrap { trim: true }).block(b),
        desc,
    );

    let weights = app.lens_weights(lens);
    let total: f64 = weights.iter().sum();
    let focused = !v.focus_ranking;
    let mut title = L::Indicators.t(lang).to_string();
    if app.tuned() {
        title.push_str(&format!(" ({})", L::Tuned.t(lang)));
    }
    let b = block(title, focused, theme);
    let inner = b.inner(inds);
    frame.render_widget(b, inds);
    let h = inner.height.saturating_sub(1) as usize;
    let off = visible_offset(v.cursor, h);
    let rows: Vec<Row> = lens
        .indicators
        .iter()
        .zip(&weights)
        .enumerate()
        .skip(off)
        .take(h)
        .map(|(i, (d, w))| {
            let sel = i == v.cursor.pos;
            let changed = (*w - d.weight).abs() > f64::EPSILON;
            let dir = match d.direction {
                Direction::HigherIsRiskier => L::Higher,
                Direction::LowerIsRiskier => L::Lower,
            };
            let share = if total > 0.0 { Some(w / total) } else { None };
            Row::new(vec![
                Cell::from(marker(sel, theme)),
                Cell::from(d.label.clone()),
                Cell::from(Span::styled(
                    format!("{}{}", num(Some(*w), 0), if changed { "*" } else { "" }),
                    if changed { theme.warning } else { theme.text },
                )),
                Cell::from(bar(share, None, 6, theme)),
                Cell::from(dir.t(lang)),
                Cell::from(d.normalization.clone()),
                Cell::from(d.distribution.map_or(String::new(), |q| boxplot(q, 12))),
            ])
            .style(row_style(sel, focused, theme))
        })
        .collect();
    let head = Row::new(vec![
        Cell::from(""),
        Cell::from(L::Indicator.t(lang)),
        Cell::from(L::Weight.t(lang)),
        Cell::from(""),
        Cell::from(L::Direction.t(lang)),
        Cell::from(L::Normalisation.t(lang)),
        Cell::from(L::Distribution.t(lang)),
    ])
    .style(theme.header);
    let widths = [
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(7),
        Constraint::Length(6),
        Constraint::Length(12),
        Constraint::Length(6),
        Constraint::Length(12),
    ];
    frame.render_widget(Table::new(rows, widths).header(head), inner);

    let focused = v.focus_ranking;
    let b = block(L::Ranking.t(lang).to_string(), focused, theme);
    let inner = b.inner(ranking);
    frame.render_widget(b, ranking);
    let h = inner.height as usize;
    let off = visible_offset(v.ranking, h);
    let rows: Vec<Row> = app
        .shown
        .iter()
        .enumerate()
        .skip(off)
        .take(h)
        .map(|(i, &ri)| {
            let r = &app.rows[ri];
            let sel = i == v.ranking.pos;
            Row::new(vec![
                Cell::from(marker(sel, theme)),
                Cell::from(r.rank.map_or("-".into(), |n| n.to_string())),
                Cell::from(r.code.clone()),
                Cell::from(r.name.clone()),
                Cell::from(num(r.score, 1)),
                Cell::from(bar(r.score.map(|s| s / 100.0), None, 20, theme)),
                Cell::from(r.tier.label(lang)),
            ])
            .style(row_style(sel, focused, theme))
        })
        .collect();
    let widths = [
        Constraint::Length(1),
        Constraint::Length(4),
        Constraint::Length(10),
        Constraint::Fill(1),
        Constraint::Length(5),
        Constraint::Length(20),
        Constraint::Length(8),
    ];
    frame.render_widget(Table::new(rows, widths), inner);
}
