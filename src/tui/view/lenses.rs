//! The root screen: the lens panel (with the selected lens's settings) beside the area score
//! table. Columns drop right-to-left by priority when the terminal is narrow.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, Wrap};

use super::parts::{block, cut, marker, num, percent, right, row_style, text_width};
use crate::tui::app::{App, Column, Panel, visible_offset};
use crate::tui::i18n::L;
use crate::tui::source::{AreaRow, Tier};
use crate::tui::theme::Theme;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let left = if area.width >= 120 { 32 } else { 24 };
    let [side, main] =
        Layout::horizontal([Constraint::Length(left), Constraint::Fill(1)]).areas(area);
    let [list, info] = Layout::vertical([Constraint::Fill(1), Constraint::Length(9)]).areas(side);
    lens_list(app, theme, frame, list);
    lens_info(app, theme, frame, info);
    score_table(app, theme, frame, main);
}

fn lens_list(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let focused = app.focus == Panel::Lenses;
    let b = block(L::Lenses.t(app.lang).to_string(), focused, theme);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let h = inner.height as usize;
    let off = visible_offset(app.lens_cursor, h);
    let w = inner.width as usize;
    let lines: Vec<Line> = app
        .lenses
        .iter()
        .enumerate()
        .skip(off)
        .take(h)
        .map(|(i, l)| {
            let sel = i == app.lens_cursor.pos;
            let count = l
                .top_tier
                .map_or_else(|| theme.ellipsis.to_string(), |n| n.to_string());
            let name_w = w.saturating_sub(count.len() + 3);
            let name = cut(&l.name, name_w, theme);
            let pad = name_w.saturating_sub(text_width(&name));
            Line::styled(
                format!("{} {name}{} {count}", marker(sel, theme), " ".repeat(pad)),
                row_style(sel, focused, theme),
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn lens_info(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let b = block(L::LensDetail.t(lang).to_string(), false, theme);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let Some(l) = app.lens() else {
        return;
    };
    let kv = |k: L, v: String| {
        Line::from(vec![
            Span::styled(format!("{}: ", k.t(lang)), theme.header),
            Span::raw(v),
        ])
    };
    let gemeente = app
        .gemeente
        .clone()
        .unwrap_or_else(|| L::AllGemeenten.t(lang).to_string());
    let mut lines = vec![
        Line::styled(l.id.clone(), theme.title),
        kv(L::LevelWord, app.level.label(lang).to_string()),
        kv(L::CompareWord, app.compare.label(lang).to_string()),
        kv(L::Gemeente, gemeente),
        kv(
            L::TopTier,
            match l.top_tier {
                Some(n) => format!("{n} ({})", Tier::High.label(lang)),
                None => L::Computing.t(lang).to_string(),
            },
        ),
    ];
    if app.tuned() {
        lines.push(Line::styled(L::Tuned.t(lang), theme.warning));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}

/// Columns in drop order (first dropped first) and their widths.
fn columns(width: u16) -> Vec<(Column, u16)> {
    let all = [
        (Column::Rank, 4),
        (Column::Code, 10),
        (Column::Name, 14),
        (Column::Gemeente, 12),
        (Column::Inhabitants, 6),
        (Column::Score, 6),
        (Column::Tier, 8),
        (Column::Coverage, 7),
        (Column::Top, 16),
    ];
    let drop = [
        Column::Top,
        Column::Inhabitants,
        Column::Coverage,
        Column::Gemeente,
        Column::Code,
    ];
    let mut cols: Vec<(Column, u16)> = all.to_vec();
    let need = |c: &[(Column, u16)]| c.iter().map(|x| x.1 + 1).sum::<u16>() + 2;
    for d in drop {
        if need(&cols) <= width {
            break;
        }
        cols.retain(|c| c.0 != d);
    }
    cols
}

fn header(c: Column, app: &App) -> String {
    let lang = app.lang;
    match c {
        Column::Rank => L::Rank,
        Column::Code => L::Code,
        Column::Name => L::Name,
        Column::Gemeente => L::Gemeente,
        Column::Inhabitants => L::Inhabitants,
        Column::Score => L::Score,
        Column::Tier => L::Tier,
        Column::Coverage => L::Coverage,
        Column::Top => L::Top,
    }
    .t(lang)
    .to_string()
}

fn cell<'a>(c: Column, r: &AreaRow, app: &App, theme: &Theme) -> Cell<'a> {
    match c {
        Column::Rank => right(r.rank.map_or("-".into(), |n| n.to_string())),
        Column::Code => Cell::from(r.code.clone()),
        Column::Name => Cell::from(r.name.clone()),
        Column::Gemeente => Cell::from(r.gemeente.clone()),
        Column::Inhabitants => right(r.inhabitants.map_or("-".into(), |n| n.to_string())),
        Column::Score => right(num(r.score, 1)),
        Column::Tier => {
            let style = match r.tier {
                Tier::High => theme.high,
                Tier::Elevated => theme.elevated,
                _ => theme.text,
            };
            Cell::from(Span::styled(r.tier.label(app.lang), style))
        }
        Column::Coverage => right(percent(r.coverage)),
        Column::Top => Cell::from(r.top.join(", ")),
    }
}

fn score_table(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let focused = app.focus == Panel::Table;
    // The selected column is named here: at narrow widths it may be one that is not shown.
    let mut column = format!("{}: {}", L::ColumnWord.t(lang), header(app.column, app));
    if let Some((c, asc)) = app.sort
        && c == app.column
    {
        column.push_str(if asc { theme.sort_asc } else { theme.sort_desc });
    }
    let mut title = format!(
        "{} {} {}/{}, {column}",
        L::Scores.t(lang),
        app.level.label(lang),
        app.shown.len(),
        app.rows.len()
    );
    if !app.filter.is_empty() {
        title.push_str(&format!(" {} \"{}\"", L::Filter.t(lang), app.filter));
    }
    let b = block(
        cut(&title, area.width.saturating_sub(4) as usize, theme),
        focused,
        theme,
    );
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let cols = columns(inner.width);
    let mut widths = vec![Constraint::Length(1)];
    widths.extend(cols.iter().map(|(c, w)| {
        if *c == Column::Name {
            Constraint::Min(*w)
        } else {
            Constraint::Length(*w)
        }
    }));
    let head = Row::new(
        std::iter::once(Cell::from("")).chain(cols.iter().map(|(c, _)| {
            let mut text = header(*c, app);
            let mut style = theme.header;
            if let Some((s, asc)) = app.sort
                && s == *c
            {
                text.push_str(if asc { theme.sort_asc } else { theme.sort_desc });
            }
            if *c == app.column && focused {
                style = style.patch(theme.selected);
            }
            let numeric = matches!(
                c,
                Column::Rank | Column::Inhabitants | Column::Score | Column::Coverage
            );
            let line = Line::from(Span::styled(text, style));
            Cell::from(if numeric {
                line.alignment(Alignment::Right)
            } else {
                line
            })
        })),
    );
    let h = inner.height.saturating_sub(1) as usize;
    let off = visible_offset(app.table, h);
    let rows: Vec<Row> = app
        .shown
        .iter()
        .enumerate()
        .skip(off)
        .take(h)
        .map(|(i, &ri)| {
            let r = &app.rows[ri];
            let sel = i == app.table.pos;
            Row::new(
                std::iter::once(Cell::from(marker(sel, theme)))
                    .chain(cols.iter().map(|(c, _)| cell(*c, r, app, theme))),
            )
            .style(row_style(sel, focused, theme))
        })
        .collect();
    if rows.is_empty() {
        let [_, msg] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
        let text = if app.loading { L::Computing } else { L::NoHits };
        frame.render_widget(Paragraph::new(text.t(lang)), msg);
    }
    frame.render_widget(
        Table::new(rows, widths).header(head).column_spacing(1),
        inner,
    );
}
