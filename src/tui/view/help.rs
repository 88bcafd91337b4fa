//! Help for the current screen, generated from the key table: this screen's keys, then the keys
//! that work everywhere (two columns when there is room).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::parts::block;
use crate::tui::app::App;
use crate::tui::i18n::L;
use crate::tui::keys::Ctx;
use crate::tui::theme::Theme;

fn section<'a>(title: &str, ctx: Ctx, app: &App, theme: &Theme) -> Vec<Line<'a>> {
    let mut lines = vec![Line::styled(title.to_string(), theme.header)];
    for (_, k, what) in app.keys.help(&[ctx], app.lang) {
        lines.push(Line::from(vec![
            Span::styled(format!("{k:<16}"), theme.title),
            Span::raw(what),
        ]));
    }
    lines
}

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect, scroll: usize) {
    let lang = app.lang;
    frame.render_widget(Clear, area);
    let b = block(
        format!("{} ({})", L::Help.t(lang), L::Keys.t(lang)),
        true,
        theme,
    );
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let screen_title = match app.screen_ctx() {
        Ctx::LensDetail => L::LensDetail,
        Ctx::Area => L::Area,
        Ctx::Entity => L::Entity,
        _ => L::Lenses,
    }
    .t(lang);
    let here = section(screen_title, app.screen_ctx(), app, theme);
    let mut global = section(L::Global.t(lang), Ctx::Global, app, theme);
    global.extend(
        section(L::Global.t(lang), Ctx::Always, app, theme)
            .into_iter()
            .skip(1),
    );
    let scroll = scroll.min(u16::MAX as usize) as u16;
    if inner.width >= 76 {
        let [l, r] = Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
            .areas(inner);
        frame.render_widget(Paragraph::new(here).scroll((scroll, 0)), l);
        frame.render_widget(Paragraph::new(global).scroll((scroll, 0)), r);
    } else {
        let mut all = here;
        all.push(Line::raw(""));
        all.extend(global);
        frame.render_widget(Paragraph::new(all).scroll((scroll, 0)), inner);
    }
}
