//! Three themes: `color` (16 ANSI colours that read on dark and light backgrounds), `mono` (no
//! colour at all, only bold/reverse/underline; chosen by NO_COLOR) and `ascii` (mono with ASCII
//! borders and markers, no Unicode on screen; chosen for TERM=vt100/linux/dumb or a non-UTF-8
//! locale). Selection is a pure function of an explicit choice and the environment.
//!
//! Meaning never rests on colour alone: the selected row has a `>` marker in every theme, the
//! tier is written out, and fuzzy matches are bold and underlined.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeName {
    Color,
    Mono,
    Ascii,
}

impl ThemeName {
    pub fn parse(s: &str) -> Option<ThemeName> {
        match s {
            "color" => Some(ThemeName::Color),
            "mono" => Some(ThemeName::Mono),
            "ascii" => Some(ThemeName::Ascii),
            _ => None,
        }
    }
}

/// The environment variables theme selection reads; `Env::from_process` reads them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Env {
    pub no_color: Option<String>,
    pub term: Option<String>,
    pub lc_all: Option<String>,
    pub lc_ctype: Option<String>,
    pub lang: Option<String>,
}

impl Env {
    pub fn from_process() -> Env {
        let v = |k| std::env::var(k).ok();
        Env {
            no_color: v("NO_COLOR"),
            term: v("TERM"),
            lc_all: v("LC_ALL"),
            lc_ctype: v("LC_CTYPE"),
            lang: v("LANG"),
        }
    }

    /// The effective character-type locale (POSIX order: LC_ALL, LC_CTYPE, LANG).
    fn locale(&self) -> &str {
        [&self.lc_all, &self.lc_ctype, &self.lang]
            .into_iter()
            .flatten()
            .find(|s| !s.is_empty())
            .map_or("C", String::as_str)
    }

    fn utf8(&self) -> bool {
        let l = self.locale().to_ascii_lowercase();
        l.contains("utf-8") || l.contains("utf8")
    }
}

/// Picks the theme: an explicit choice wins; then ASCII for terminals or locales that cannot
/// show Unicode; then mono when NO_COLOR is set and not empty; else colour.
pub fn select(explicit: Option<ThemeName>, env: &Env) -> ThemeName {
    if let Some(t) = explicit {
        return t;
    }
    let term = env.term.as_deref().unwrap_or("dumb");
    let plain_term = matches!(term, "" | "dumb" | "linux" | "vt52")
        || term.starts_with("vt1")
        || term.starts_with("vt2");
    if plain_term || !env.utf8() {
        return ThemeName::Ascii;
    }
    if env.no_color.as_deref().is_some_and(|v| !v.is_empty()) {
        return ThemeName::Mono;
    }
    ThemeName::Color
}

/// Styles and glyphs for one theme.
#[derive(Clone, Debug)]
pub struct Theme {
    pub name: ThemeName,
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub header: Style,
    pub selected: Style,
    /// The selected row of a panel that does not have focus.
    pub selected_idle: Style,
    pub focus_border: Style,
    pub border: Style,
    pub matched: Style,
    pub error: Style,
    pub warning: Style,
    pub high: Style,
    pub elevated: Style,
    pub bar: Style,
    pub bar_median: Style,
    pub border_set: border::Set<'static>,
    pub marker: &'static str,
    pub bar_full: &'static str,
    pub bar_empty: &'static str,
    pub median_mark: &'static str,
    pub sort_asc: &'static str,
    pub sort_desc: &'static str,
    pub crumb_sep: &'static str,
    pub ellipsis: &'static str,
}

/// ASCII box: `+`, `-`, `|`.
pub const ASCII_BORDER: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

impl Theme {
    pub fn new(name: ThemeName) -> Theme {
        let b = Style::new().add_modifier(Modifier::BOLD);
        let mono = Theme {
            name,
            text: Style::new(),
            dim: Style::new(),
            title: b,
            header: b.add_modifier(Modifier::UNDERLINED),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            selected_idle: Style::new().add_modifier(Modifier::UNDERLINED),
            focus_border: b,
            border: Style::new(),
            matched: b.add_modifier(Modifier::UNDERLINED),
            error: b.add_modifier(Modifier::REVERSED),
            warning: b,
            high: b,
            elevated: Style::new(),
            bar: Style::new(),
            bar_median: b,
            border_set: border::PLAIN,
            marker: ">",
            bar_full: "█",
            bar_empty: "·",
            median_mark: "│",
            sort_asc: "▲",
            sort_desc: "▼",
            crumb_sep: " › ",
            ellipsis: "…",
        };
        match name {
            ThemeName::Mono => mono,
            ThemeName::Ascii => Theme {
                border_set: ASCII_BORDER,
                bar_full: "#",
                bar_empty: ".",
                median_mark: "|",
                sort_asc: "^",
                sort_desc: "v",
                crumb_sep: " > ",
                ellipsis: "~",
                ..mono
            },
            // Only colours that read on both dark and light backgrounds as foreground (red,
            // magenta, green; never yellow, cyan, blue, white or black text), white on red where
            // a background is used. Titles stay in the terminal's own colour.
            ThemeName::Color => Theme {
                focus_border: b.fg(Color::Magenta),
                error: b.fg(Color::White).bg(Color::Red),
                warning: b.fg(Color::Magenta),
                high: b.fg(Color::Red),
                elevated: Style::new().fg(Color::Magenta),
                bar: Style::new().fg(Color::Green),
                bar_median: b.fg(Color::Red),
                matched: b.add_modifier(Modifier::UNDERLINED).fg(Color::Magenta),
                ..mono
            },
        }
    }

    pub fn ascii(&self) -> bool {
        self.name == ThemeName::Ascii
    }
}

/// Replaces a non-ASCII character with its nearest ASCII letters (`é` → `e`) or `?`.
pub fn ascii_fold(c: char) -> &'static str {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => "a",
        'À' | 'Á' | 'Â' | 'Ä' | 'Ã' | 'Å' => "A",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'È' | 'É' | 'Ê' | 'Ë' => "E",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' => "I",
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'ø' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Ö' | 'Õ' | 'Ø' => "O",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' => "U",
        'ç' => "c",
        'Ç' => "C",
        'ñ' => "n",
        'Ñ' => "N",
        'ĳ' => "ij",
        'Ĳ' => "IJ",
        'ß' => "ss",
        '€' => "E",
        '‘' | '’' | '´' => "'",
        '“' | '”' => "\"",
        '–' | '—' => "-",
        '…' => "~",
        _ => "?",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(term: Option<&str>, lang: Option<&str>, no_color: Option<&str>) -> Env {
        Env {
            term: term.map(Into::into),
            lang: lang.map(Into::into),
            no_color: no_color.map(Into::into),
            ..Env::default()
        }
    }

    #[test]
    fn selection_precedence() {
        let utf = Some("nl_NL.UTF-8");
        use ThemeName::*;
        assert_eq!(select(None, &env(Some("xterm-256color"), utf, None)), Color);
        assert_eq!(select(None, &env(Some("xterm"), utf, Some("1"))), Mono);
        assert_eq!(select(None, &env(Some("xterm"), utf, Some(""))), Color);
        for t in ["vt100", "vt220", "linux", "dumb"] {
            assert_eq!(select(None, &env(Some(t), utf, None)), Ascii, "{t}");
        }
        assert_eq!(select(None, &env(None, utf, None)), Ascii);
        assert_eq!(select(None, &env(Some("xterm"), Some("C"), None)), Ascii);
        assert_eq!(select(None, &env(Some("xterm"), None, None)), Ascii);
        assert_eq!(
            select(None, &env(Some("screen"), Some("en_US.utf8"), Some("x"))),
            Mono
        );
        // LC_ALL overrides LANG.
        let mut e = env(Some("xterm"), utf, None);
        e.lc_all = Some("POSIX".into());
        assert_eq!(select(None, &e), Ascii);
        // An explicit choice wins over everything.
        assert_eq!(
            select(Some(Color), &env(Some("vt100"), None, Some("1"))),
            Color
        );
        assert_eq!(select(Some(Mono), &env(Some("xterm"), utf, None)), Mono);
    }

    #[test]
    fn colour_theme_uses_colours_that_read_on_dark_and_light() {
        let t = Theme::new(ThemeName::Color);
        for st in [
            t.text,
            t.dim,
            t.title,
            t.header,
            t.selected,
            t.selected_idle,
            t.focus_border,
            t.border,
            t.matched,
            t.error,
            t.warning,
            t.high,
            t.elevated,
            t.bar,
            t.bar_median,
        ] {
            match (st.fg, st.bg) {
                (None, None) => {}
                (Some(Color::Red | Color::Magenta | Color::Green), None) => {}
                (Some(Color::White), Some(Color::Red)) => {}
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn ascii_theme_glyphs_are_ascii() {
        let t = Theme::new(ThemeName::Ascii);
        for s in [
            t.marker,
            t.bar_full,
            t.bar_empty,
            t.median_mark,
            t.sort_asc,
            t.sort_desc,
            t.crumb_sep,
            t.ellipsis,
            t.border_set.top_left,
            t.border_set.horizontal_top,
            t.border_set.vertical_left,
        ] {
            assert!(s.is_ascii(), "{s}");
        }
        assert_eq!(ascii_fold('é'), "e");
        assert_eq!(ascii_fold('漢'), "?");
    }
}
