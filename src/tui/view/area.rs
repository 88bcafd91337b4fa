//! Area detail: score, rank, tier and coverage; every indicator with value, comparison median,
//! normalised score and contribution as bars; flagged entities (paged) and recent signals; and
//! the line that a score is a pattern, not proof.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use super::parts::{bar, block, marker, num, percent, right, row_style};
use crate::tui::app::{App, AreaPanel, AreaView, visible_offset};
use crate::tui::i18n::L;
use crate::tui::source::Tier;
use crate::tui::theme::Theme;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect, v: &AreaView) {
    let lang = app.lang;
    let d = &v.detail;
    let n = d.indicators.len() as u16;
    let [head, inds, lists] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length((n + 3).min(area.height / 2)),
        Constraint::Fill(1),
    ])
    .areas(area);

    let r = &d.row;
    let tier_style = match r.tier {
        Tier::High => theme.high,
        Tier::Elevated => theme.elevated,
        _ => theme.text,
    };
    let rank = r.rank.map_or("-".into(), |n| n.to_string());
    let lines = vec![
        Line::from(vec![
            Span::styled(format!("{} {}", r.code, r.name), theme.title),
            Span::raw(format!(
                " ({})  {}: {}",
                r.gemeente,
                L::LensDetail.t(lang),
                v.req.lens
            )),
        ]),
        Line::from(vec![
            Span::styled(format!("{} ", L::Score.t(lang)), theme.header),
            Span::raw(format!("{}  ", num(r.score, 1))),
            Span::styled(format!("{} ", L::Rank.t(lang)), theme.header),
            Span::raw(format!("{rank} {} {}  ", L::Of.t(lang), d.of)),
            Span::styled(r.tier.label(lang), tier_style),
            Span::styled(format!("  {} ", L::Coverage.t(lang)), theme.header),
            Span::raw(percent(r.coverage)),
        ]),
        Line::styled(L::PatternNotProof.t(lang), theme.warning),
    ];
    frame.render_widget(Paragraph::new(lines), head);

    indicators(app, theme, frame, inds, v);

    let [flagged, signals] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(lists);
    let focused = v.focus == AreaPanel::Flagged;
    let mut title = format!("{} ({}", L::Flagged.t(lang), d.flagged.len());
    title.push_str(if v.more || v.flags_pending { "+)" } else { ")" });
    let b = block(title, focused, theme);
    let inner = b.inner(flagged);
    frame.render_widget(b, flagged);
    let h = inner.height as usize;
    let off = visible_offset(v.flagged, h);
    let lines: Vec<Line> = d
        .flagged
        .iter()
        .enumerate()
        .skip(off)
        .take(h)
        .map(|(i, e)| {
            let sel = i == v.flagged.pos;
            Line::from(vec![
                Span::raw(format!("{} ", marker(sel, theme))),
                Span::raw(e.label.clone()),
                Span::styled(format!("  {}", e.detail), theme.dim),
            ])
            .style(row_style(sel, focused, theme))
        })
        .collect();
    let lines = if lines.is_empty() {
        let text = if v.flags_pending {
            L::Computing
        } else {
            L::None
        };
        vec![Line::raw(text.t(lang))]
    } else {
        lines
    };
    frame.render_widget(Paragraph::new(lines), inner);

    let focused = v.focus == AreaPanel::Signals;
    let b = block(L::Signals.t(lang).to_string(), focused, theme);
    let inner = b.inner(signals);
    frame.render_widget(b, signals);
    let h = inner.height as usize;
    let off = visible_offset(v.signals, h);
    let lines: Vec<Line> = d
        .signals
        .iter()
        .enumerate()
        .skip(off)
        .take(h)
        .map(|(i, s)| {
            let sel = i == v.signals.pos;
            Line::raw(format!(
                "{} {} {} ({})",
                marker(sel, theme),
                s.date,
                s.kind,
                s.source
            ))
            .style(row_style(sel, focused, theme))
        })
        .collect();
    let lines = if lines.is_empty() {
        vec![Line::raw(L::None.t(lang))]
    } else {
        lines
    };
    frame.render_widget(Paragraph::new(lines), inner);
}

fn indicators(app: &App, theme: &Theme, frame: &mut Frame, area: Rect, v: &AreaView) {
    let lang = app.lang;
    let focused = v.focus == AreaPanel::Indicators;
    let b = block(L::Indicators.t(lang).to_string(), focused, theme);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let bar_w = if inner.width >= 110 { 20 } else { 8 };
    let h = inner.height.saturating_sub(1) as usize;
    let off = visible_offset(v.indicators, h);
    let max_contrib = v
        .detail
        .indicators
        .iter()
        .filter_map(|i| i.contribution)
        .fold(0.0_f64, f64::max)
        .max(1.0);
    let rows: Vec<Row> = v
        .detail
        .indicators
        .iter()
        .enumerate()
        .skip(off)
        .take(h)
        .map(|(i, ind)| {
            let sel = i == v.indicators.pos;
            let mut cells = vec![
                Cell::from(marker(sel, theme)),
                Cell::from(ind.label.clone()),
                right(num(ind.value, 1)),
                right(num(ind.median, 1)),
            ];
            cells.extend([
                right(num(ind.normalised, 0)),
                Cell::from(bar(ind.normalised.map(|n| n / 100.0), None, bar_w, theme)),
                right(num(ind.contribution, 1)),
                Cell::from(bar(
                    ind.contribution.map(|c| c / max_contrib),
                    None,
                    bar_w,
                    theme,
                )),
            ]);
            Row::new(cells).style(row_style(sel, focused, theme))
        })
        .collect();
    let mut head = vec![
        Cell::from(""),
        Cell::from(L::Indicator.t(lang)),
        right(L::Value.t(lang).into()),
        right(L::Median.t(lang).into()),
    ];
    let mut widths = vec![
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(7),
        Constraint::Length(7),
    ];
    head.extend([
        right(L::Normalised.t(lang).into()),
        Cell::from(""),
        right(L::Contribution.t(lang).into()),
        Cell::from(""),
    ]);
    widths.extend([
        Constraint::Length(7),
        Constraint::Length(bar_w as u16),
        Constraint::Length(8),
        Constraint::Length(bar_w as u16),
    ]);
    let table = Table::new(rows, widths).header(Row::new(head).style(theme.header));
    frame.render_widget(table, inner);
}
