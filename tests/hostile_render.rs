//! Hostile data through the real interface and the real terminal backend (`security.md` T-01
//! to T-03, T-05, T-06, U-01 to U-05). A data source puts one hostile value into every string
//! it returns (lens names, area names, gemeenten, indicator labels, entity titles, facts,
//! flags, linked items, signals, search hits and error messages). The app draws a walk over
//! the screens (score table, lens detail, area detail, entity detail, finder, and the status
//! line and finder with errors) through ratatui's `CrosstermBackend` into a `Vec<u8>`, in one
//! terminal, so redraws and diffs are covered too. For every frame:
//! - an allow-list scanner reads the bytes: the only escape sequences are the ones ratatui
//!   emits (cursor moves, SGR, show/hide cursor, clear), no other C0 byte, no DEL, no C1
//!   (`C2 80`–`C2 9F`), no bidi, zero-width or other invisible code point;
//! - the bytes go through the `vt100` terminal emulator: no title, icon name, clipboard, bell or
//!   unknown sequence, and every cell shows what ratatui meant to draw there;
//! - the same walk with a benign value of the same display width gives the same emulator
//!   screen in every cell outside the value's fields (so nothing moved, was overwritten or
//!   survived a redraw);
//! - the fields show a visible marker.

#[path = "support/tui.rs"]
mod support;

use std::cell::RefCell;
use std::rc::Rc;

use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::{Terminal, TerminalOptions, Viewport};
use schouw::tui::app::{App, AppOptions, Mode, Screen};
use schouw::tui::keys::Action;
use schouw::tui::theme::{Theme, ThemeName};
use schouw::tui::*;

/// The hostile values, by the case they come from.
const HOSTILE: &[(&str, &str)] = &[
    (
        "T-01 OSC title, clear, SGR",
        "Bakkerij \x1b]0;PWNED\x07de \x1b[2J\x1b[31mRood\x1b[0m",
    ),
    (
        "T-01 cursor move, fake UI",
        "\x1b[1;1HOK bevestigd\x1b[5;5H",
    ),
    ("T-01 DCS", "Kapper \x1bPq#0;2;0;0;0\x1b\\ Zuid"),
    ("T-06 OSC 52 clipboard", "x\x1b]52;c;SGVsbG8=\x07y"),
    (
        "T-06 OSC 8 hyperlink",
        "\x1b]8;;file:///etc/passwd\x1b\\klik\x1b]8;;\x1b\\",
    ),
    ("T-02 C1 OSC", "\u{9d}0;C1TITLE\u{9c}"),
    ("T-02 C1 CSI", "Markt \u{9b}2J 3"),
    ("T-02 cp1252 decoded", "Café \u{9d}0;Xœ \u{81}"),
    ("T-03 carriage return", "Jansen\rXXXXXX"),
    ("T-03 tab", "a\tb"),
    ("T-03 backspace", "a\x08\x08\x08b"),
    ("T-03 other C0 and DEL", "v\x0bt\x0cf\nn\0z\x7fd"),
    ("T-05 ENQ and title report", "Vraag\x05\x1b[21t"),
    ("U-01 RLO trade name", "Jansen\u{202E}VB gnidloH\u{202C}"),
    ("U-01 RLO KvK", "1234\u{202E}5678"),
    (
        "U-01 isolates and marks",
        "a\u{2066}b\u{2069}c\u{200E}d\u{200F}e\u{061C}f",
    ),
    ("U-02 zero-width", "A\u{200B}B\u{2060}C\u{FEFF}D"),
    ("U-02 soft hyphen, tag", "Zee\u{AD}haven\u{E0041}"),
    ("U-02 variation selector", "Hart\u{FE0F}je"),
    ("U-03 homoglyph", "B\u{430}kkerij"),
    ("U-04 ZWJ emoji", "👩\u{200D}🔬 Lab"),
    ("U-04 flag", "🇳🇱 NL"),
    ("U-04 skin tone", "👍🏽 ok"),
    ("U-04 combining", "e\u{301}e\u{301}e\u{301}"),
    ("U-04 halfwidth dakuten", "ｶﾞｷﾞ"),
    ("U-05 line separator", "Straat 1\u{2028}Nep 2"),
    (
        "U-05 paragraph separator, NEL",
        "Straat 1\u{2029}Nep\u{85}2",
    ),
];

/// Values that are hostile only to the eye: they must be drawn in place (nothing moves), but
/// they are text, so they get no marker.
const NO_MARKER: &[&str] = &["U-04 combining"];

/// The benign character: one column wide, in no label of the interface.
const BENIGN: char = 'Ж';

/// A source that puts `value` into every string it returns. With `fail`, opening an entity and
/// searching fail with `value` as the message.
struct Source {
    value: String,
    fail: bool,
}

impl Source {
    fn v(&self) -> String {
        self.value.clone()
    }

    fn row(&self, rank: usize) -> AreaRow {
        AreaRow {
            code: self.v(),
            name: self.v(),
            gemeente_code: self.v(),
            gemeente: self.v(),
            inhabitants: Some(1000 + rank as u64),
            score: Some(90.0 - rank as f64),
            rank: Some(rank),
            tier: Tier::High,
            coverage: 1.0,
            top: vec![self.v()],
        }
    }

    fn entity_line(&self, id: &str) -> EntityLine {
        EntityLine {
            target: EntityRef {
                kind: EntityKind::Business,
                id: id.into(),
            },
            key: id.into(),
            label: self.v(),
            detail: self.v(),
        }
    }

    fn signal(&self) -> SignalLine {
        SignalLine {
            date: self.v(),
            kind: self.v(),
            source: self.v(),
            target: None,
        }
    }

    fn indicator(&self, id: &str) -> IndicatorDef {
        IndicatorDef {
            id: id.into(),
            label: self.v(),
            weight: 1.0,
            direction: Direction::HigherIsRiskier,
            normalization: self.v(),
            distribution: Some([0.0, 1.0, 2.0, 3.0, 4.0]),
        }
    }
}

impl DataSource for Source {
    fn lenses(&self) -> Vec<LensSummary> {
        vec![LensSummary {
            id: self.v(),
            name: self.v(),
            level: Level::Buurt,
            compare: Compare::All,
            version: self.v(),
            top_tier: Some(2),
            description: self.v(),
            indicators: vec![self.indicator("a"), self.indicator("b")],
        }]
    }

    fn scores(&mut self, _: &ScoreRequest) -> Result<Vec<AreaRow>, String> {
        Ok((1..=3).map(|r| self.row(r)).collect())
    }

    fn area_detail(&mut self, _: &ScoreRequest, _: &str) -> Result<AreaDetail, String> {
        let line = |id: &str| IndicatorLine {
            id: id.into(),
            label: self.v(),
            value: Some(3.0),
            median: Some(2.0),
            normalised: Some(80.0),
            contribution: Some(40.0),
            weight: 1.0,
        };
        Ok(AreaDetail {
            row: self.row(1),
            of: 3,
            indicators: vec![line("a"), line("b")],
            flagged: vec![self.entity_line("E1"), self.entity_line("E2")],
            signals: vec![self.signal(), self.signal()],
        })
    }

    fn entity(&mut self, id: &EntityRef) -> Result<EntityDetail, String> {
        if self.fail {
            return Err(self.v());
        }
        Ok(EntityDetail {
            target: id.clone(),
            title: self.v(),
            facts: vec![(Fact::Address, self.v()), (Fact::Kvk, self.v())],
            flags: vec![FlagLine {
                label: self.v(),
                evidence: self.v(),
            }],
            linked: vec![(Link::Businesses, vec![self.entity_line("E3")])],
            signals: vec![self.signal()],
        })
    }

    fn flagged_page(
        &mut self,
        _: &str,
        _: &str,
        _: Option<&str>,
        _: usize,
    ) -> Result<Vec<EntityLine>, String> {
        Ok(Vec::new())
    }

    fn search(&mut self, _: &str, _: usize) -> Result<Vec<SearchHit>, String> {
        if self.fail {
            return Err(self.v());
        }
        Ok(vec![SearchHit {
            kind: HitKind::Business,
            text: self.v(),
            positions: vec![0, 1],
            context: self.v(),
            target: Target::Entity(EntityRef {
                kind: EntityKind::Business,
                id: "E1".into(),
            }),
        }])
    }
}

/// Typing a purpose and giving it (asked before the first entity detail).
fn purpose() -> Vec<Action> {
    "zaak 1"
        .chars()
        .map(Action::Input)
        .chain([Action::Accept])
        .collect()
}

/// The walk over the screens: a name and the actions that lead there from the step before.
fn walk(fail: bool) -> Vec<(&'static str, Vec<Action>)> {
    let finder = vec![Action::Finder, Action::Input('z'), Action::Input('o')];
    if fail {
        return vec![
            ("scores", vec![]),
            ("area", vec![Action::Open]),
            ("purpose prompt", vec![Action::Open]),
            ("status line error", purpose()),
            ("finder error", finder),
        ];
    }
    vec![
        ("scores", vec![]),
        ("lens detail", vec![Action::LensDetail]),
        ("scores again", vec![Action::Back]),
        ("area", vec![Action::Open]),
        ("purpose prompt", vec![Action::Open]),
        ("entity", purpose()),
        ("linked entity", vec![Action::Open]),
        ("back to area", vec![Action::Back, Action::Back]),
        ("finder", finder),
        ("finder result opened", vec![Action::Accept]),
    ]
}

/// Where the app is: the mode on top, else the screen (with an error in the status line).
fn where_is(app: &App) -> &'static str {
    match (&app.mode, app.screen()) {
        (Mode::Purpose { .. }, _) => "purpose",
        (Mode::Finder(f), _) if f.error.is_some() => "finder error",
        (Mode::Finder(_), _) => "finder",
        _ if app.status.as_ref().is_some_and(|s| s.error) => "error",
        (_, None) => "scores",
        (_, Some(Screen::LensDetail(_))) => "lens",
        (_, Some(Screen::Area(_))) => "area",
        (_, Some(Screen::Entity(_))) => "entity",
    }
}

/// Where each step of the walk must be.
fn expected(step: &str) -> &'static str {
    match step {
        "scores" | "scores again" => "scores",
        "lens detail" => "lens",
        "area" | "back to area" => "area",
        "purpose prompt" => "purpose",
        "status line error" => "error",
        "finder error" => "finder error",
        "finder" => "finder",
        _ => "entity",
    }
}

/// What the emulator reports besides the screen.
#[derive(Default, Debug)]
struct Events {
    log: Vec<String>,
}

#[derive(Clone, Default)]
struct Recorder(Rc<RefCell<Events>>);

impl Recorder {
    fn note(&self, what: String) {
        self.0.borrow_mut().log.push(what);
    }
}

impl vt100::Callbacks for Recorder {
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.note("bell".into());
    }
    fn visual_bell(&mut self, _: &mut vt100::Screen) {
        self.note("visual bell".into());
    }
    fn resize(&mut self, _: &mut vt100::Screen, r: (u16, u16)) {
        self.note(format!("resize {r:?}"));
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, n: &[u8]) {
        self.note(format!("icon name {:?}", String::from_utf8_lossy(n)));
    }
    fn set_window_title(&mut self, _: &mut vt100::Screen, t: &[u8]) {
        self.note(format!("title {:?}", String::from_utf8_lossy(t)));
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _: &[u8], d: &[u8]) {
        self.note(format!("clipboard {:?}", String::from_utf8_lossy(d)));
    }
    fn paste_from_clipboard(&mut self, _: &mut vt100::Screen, _: &[u8]) {
        self.note("paste".into());
    }
    fn unhandled_char(&mut self, _: &mut vt100::Screen, c: char) {
        self.note(format!("unhandled char {c:?}"));
    }
    fn unhandled_control(&mut self, _: &mut vt100::Screen, b: u8) {
        self.note(format!("unhandled control {b:#04x}"));
    }
    fn unhandled_escape(&mut self, _: &mut vt100::Screen, i1: Option<u8>, i2: Option<u8>, b: u8) {
        self.note(format!("unhandled escape {i1:?} {i2:?} {b:#04x}"));
    }
    fn unhandled_csi(
        &mut self,
        _: &mut vt100::Screen,
        i1: Option<u8>,
        i2: Option<u8>,
        params: &[&[u16]],
        c: char,
    ) {
        // ratatui resets the underline colour (SGR 59), which vt100 does not model.
        let underline_colour = c == 'm' && params.first().is_some_and(|p| p[0] == 58 || p[0] == 59);
        if !underline_colour {
            self.note(format!("unhandled csi {i1:?} {i2:?} {params:?} {c:?}"));
        }
    }
    fn unhandled_osc(&mut self, _: &mut vt100::Screen, params: &[&[u8]]) {
        self.note(format!("unhandled osc {params:?}"));
    }
}

/// Checks that `bytes` hold only the escape sequences ratatui emits and no control, C1,
/// bidi or invisible code point of their own.
fn scan(bytes: &[u8]) -> Result<(), String> {
    let mut text = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == 0x1b {
            if bytes.get(i + 1) != Some(&b'[') {
                return Err(format!("ESC not followed by [ at byte {i}"));
            }
            let mut j = i + 2;
            while j < bytes.len() && (0x30..=0x3f).contains(&bytes[j]) {
                j += 1;
            }
            let params = &bytes[i + 2..j];
            let fin = *bytes.get(j).ok_or("sequence cut off")?;
            let private = params.first() == Some(&b'?');
            let allowed = match fin {
                // Cursor position, SGR (colours, attributes), clear screen / line.
                b'H' | b'm' | b'J' | b'K' => !private,
                // Show / hide the cursor.
                b'h' | b'l' => params == b"?25",
                _ => false,
            };
            if !allowed {
                return Err(format!(
                    "escape sequence not emitted by ratatui at byte {i}: ESC [{}{}",
                    String::from_utf8_lossy(params),
                    fin as char
                ));
            }
            i = j + 1;
            continue;
        }
        if b < 0x20 || b == 0x7f {
            return Err(format!("control byte {b:#04x} at byte {i}"));
        }
        if b == 0xC2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)) {
            return Err(format!("C1 control C2 {:02X} at byte {i}", bytes[i + 1]));
        }
        text.push(b);
        i += 1;
    }
    let text = String::from_utf8(text).map_err(|e| format!("not UTF-8: {e}"))?;
    if let Some(c) = text.chars().find(|c| schouw::sanitize::is_unsafe(*c)) {
        return Err(format!(
            "code point U+{:04X} reached the terminal",
            c as u32
        ));
    }
    Ok(())
}

/// The display width ratatui gives a (sanitised) value.
fn width(shown: &str) -> usize {
    let room = shown.chars().count() as u16 * 3 + 1;
    let mut buf = Buffer::empty(Rect::new(0, 0, room, 1));
    buf.set_stringn(0, 0, shown, room as usize, Style::default())
        .0 as usize
}

/// A benign value that ratatui lays out like `shown`: every grapheme becomes as many
/// [`BENIGN`] characters as it is wide; spaces stay, so words wrap at the same places.
fn benign_like(shown: &str) -> String {
    ratatui::text::Span::raw(shown)
        .styled_graphemes(Style::default())
        .map(|g| {
            if g.symbol.chars().all(char::is_whitespace) {
                g.symbol.to_string()
            } else {
                std::iter::repeat_n(BENIGN, width(g.symbol)).collect()
            }
        })
        .collect()
}

/// One cell as the emulator shows it: its text and what of its style can be seen. On a blank
/// cell only the background, underline and reverse video show (ratatui does not redraw a blank
/// cell whose bold or foreground colour alone changed, and no one could see it).
#[derive(Clone, Debug, PartialEq)]
struct Seen {
    text: String,
    style: String,
    /// Underlined, reversed, and bold where that shows.
    attrs: (bool, bool, bool),
    /// The second column of a wide character.
    continuation: bool,
}

fn seen(screen: &vt100::Screen, w: u16, h: u16) -> Vec<Vec<Seen>> {
    (0..h)
        .map(|y| {
            (0..w)
                .map(|x| {
                    let c = screen.cell(y, x).unwrap();
                    let text = match c.contents() {
                        "" => " ".to_string(),
                        t => t.to_string(),
                    };
                    let blank = text == " ";
                    let style = if blank {
                        format!("{:?}", c.bgcolor())
                    } else {
                        format!(
                            "{:?}{:?}{}{}",
                            c.fgcolor(),
                            c.bgcolor(),
                            c.dim(),
                            c.italic()
                        )
                    };
                    let attrs = (c.underline(), c.inverse(), c.bold() && !blank);
                    Seen {
                        text,
                        style,
                        attrs,
                        continuation: c.is_wide_continuation(),
                    }
                })
                .collect()
        })
        .collect()
}

/// The `Vec<u8>` the backend writes into, shared so that each frame's bytes can be taken.
#[derive(Clone, Default)]
struct Bytes(Rc<RefCell<Vec<u8>>>);

impl std::io::Write for Bytes {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// One step of a walk: its name, the bytes written, the emulator screen and ratatui's buffer.
type Frame = (&'static str, Vec<u8>, Vec<Vec<Seen>>, Buffer);

/// The frames of one walk: for each step, the bytes written and the emulator screen after it.
struct Walk {
    frames: Vec<Frame>,
    events: Recorder,
}

fn run(value: &str, fail: bool, theme: ThemeName, (w, h): (u16, u16)) -> Walk {
    let source = Source {
        value: value.to_owned(),
        fail,
    };
    let (mut session, _log) =
        support::session_with(Box::new(source), Lang::Nl, AppOptions::default());
    session.apply(Action::Resize(w, h));
    let theme = Theme::new(theme);
    let area = Rect::new(0, 0, w, h);
    let written = Bytes::default();
    let mut terminal = Terminal::with_options(
        CrosstermBackend::new(written.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(area),
        },
    )
    .unwrap();
    let events = Recorder::default();
    let mut parser = vt100::Parser::new_with_callbacks(
        h.try_into().unwrap(),
        w.try_into().unwrap(),
        0,
        events.clone(),
    );
    let mut frames = Vec::new();
    for (name, actions) in walk(fail) {
        for a in actions {
            session.apply(a);
            session.settle();
        }
        let app = session.app();
        assert_eq!(
            where_is(app),
            expected(name),
            "the walk went astray at {name}"
        );
        let drawn = terminal
            .draw(|f| schouw::tui::view::render(app, &theme, f))
            .unwrap()
            .buffer
            .clone();
        let bytes = std::mem::take(&mut *written.0.borrow_mut());
        parser.process(&bytes);
        frames.push((name, bytes, seen(parser.screen(), w, h), drawn));
    }
    Walk { frames, events }
}

/// The emulator shows what ratatui drew: same symbol in every cell (a wide symbol's second
/// cell is the emulator's continuation).
fn emulator_matches_buffer(screen: &[Vec<Seen>], buf: &Buffer) -> Result<(), String> {
    for (y, row) in screen.iter().enumerate() {
        let mut x = 0;
        while x < row.len() {
            let cell = &row[x];
            let want = buf[(x as u16, y as u16)].symbol();
            let want = if want.is_empty() { " " } else { want };
            // A symbol ratatui draws over several columns may be several cells in the terminal
            // (a halfwidth kana and its voiced mark); together they must hold the same text.
            let span = if want.len() == 1 {
                1
            } else {
                width(want).max(1)
            };
            let shown: String = row[x..(x + span).min(row.len())]
                .iter()
                .filter(|c| !c.continuation)
                .map(|c| c.text.as_str())
                .collect();
            let shown = if span > 1 { shown.trim_end() } else { &shown };
            if shown != want {
                return Err(format!(
                    "cell ({x},{y}): ratatui drew {want:?}, the terminal shows {shown:?}"
                ));
            }
            let m = buf[(x as u16, y as u16)].modifier;
            let drawn = (
                m.contains(Modifier::UNDERLINED),
                m.contains(Modifier::REVERSED),
                m.contains(Modifier::BOLD) && want != " ",
            );
            if drawn != cell.attrs {
                return Err(format!(
                    "cell ({x},{y}) {want:?}: ratatui drew underlined/reversed/bold {drawn:?}, the terminal shows {:?}",
                    cell.attrs
                ));
            }
            x += span;
        }
    }
    Ok(())
}

fn row_text(screen: &[Vec<Seen>], y: usize) -> String {
    screen[y].iter().map(|c| c.text.as_str()).collect()
}

fn check(case: &str, value: &str, theme: ThemeName, size: (u16, u16)) {
    let shown = schouw::sanitize::line(value);
    let benign = benign_like(&shown);
    assert_eq!(width(&benign), width(&shown));
    for fail in [false, true] {
        let bad = run(value, fail, theme, size);
        let good = run(&benign, fail, theme, size);
        let ctx = |step: &str| format!("{case} ({value:?}), {theme:?} {size:?}, {step}");
        assert!(
            bad.events.0.borrow().log.is_empty(),
            "{}: the terminal did {:?}",
            ctx("walk"),
            bad.events.0.borrow().log
        );
        for ((step, bytes, screen, buf), (_, _, reference, _)) in
            bad.frames.iter().zip(&good.frames)
        {
            if let Err(e) = scan(bytes) {
                panic!("{}: {e}", ctx(step));
            }
            if let Err(e) = emulator_matches_buffer(screen, buf) {
                panic!("{}: {e}", ctx(step));
            }
            // The value's fields: where the benign run shows its character.
            let field = |x: usize, y: usize| reference[y][x].text == BENIGN.to_string();
            let mut fields = 0;
            let mut marker = false;
            for (y, row) in screen.iter().enumerate() {
                for (x, cell) in row.iter().enumerate() {
                    if field(x, y) {
                        fields += 1;
                        marker |= cell.text == "^" || cell.text == "<";
                    } else if *cell != reference[y][x] {
                        panic!(
                            "{}: cell ({x},{y}) outside the fields changed: {:?} instead of {:?}\nhostile: {}\nbenign:  {}",
                            ctx(step),
                            cell,
                            reference[y][x],
                            row_text(screen, y),
                            row_text(reference, y)
                        );
                    }
                }
            }
            assert!(fields > 0, "{}: the value is not on screen", ctx(step));
            if !NO_MARKER.contains(&case) {
                assert!(marker, "{}: no visible marker in the fields", ctx(step));
            }
        }
    }
}

#[test]
fn hostile_values_stay_in_their_fields_in_colour_at_120x40() {
    for (case, value) in HOSTILE {
        check(case, value, ThemeName::Color, (120, 40));
    }
}

#[test]
fn hostile_values_stay_in_their_fields_in_mono_at_80x24() {
    for (case, value) in HOSTILE {
        check(case, value, ThemeName::Mono, (80, 24));
    }
}

/// The checks themselves catch what they are for: raw data in the bytes, and a cell that
/// changed outside a field.
#[test]
fn the_scanner_refuses_what_data_could_inject() {
    assert!(scan(b"\x1b[1;1H\x1b[38;5;1mok\x1b[0m\x1b[?25l\x1b[2J").is_ok());
    for bad in [
        &b"\x1b]0;PWNED\x07"[..],
        b"\x1bPq\x1b\\",
        b"\x1b[21t",
        b"\x1b[?1049h",
        b"a\rb",
        b"a\x08b",
        "\u{9b}2J".as_bytes(),
        "Jansen\u{202E}".as_bytes(),
        "A\u{200B}B".as_bytes(),
        b"\x7f",
    ] {
        assert!(
            scan(bad).is_err(),
            "{:?} passed",
            String::from_utf8_lossy(bad)
        );
    }
}
