//! The `:` command line: parsing and Tab completion. Pure; `App` carries the commands out.

use super::table::Column;
use crate::tui::source::{Compare, Level};

/// A parsed command.
#[derive(Clone, Debug, PartialEq)]
pub enum Cmd {
    Quit,
    Help,
    Lens(String),
    /// Open an area by code, or the first search hit for anything else.
    Open(String),
    Level(Level),
    Compare(Compare),
    /// `None` = all gemeenten.
    Gemeente(Option<String>),
    Sort(Column, bool),
    Filter(String),
    Save(String),
    /// `:doel TEXT` / `:purpose TEXT`; alone it shows and edits the current purpose.
    Purpose(Option<String>),
    Lock,
    /// `:export FILE [excel]`.
    Export {
        path: String,
        excel: bool,
    },
}

/// Command names with their argument hint, in completion order.
pub const COMMANDS: &[(&str, &str)] = &[
    ("compare", "all|gemeente|stedelijkheid"),
    ("doel", "[zaaknummer of korte reden]"),
    ("export", "<bestand.csv> [excel]"),
    ("filter", "<tekst>"),
    ("gemeente", "GM....|alle"),
    ("help", ""),
    ("lens", "<id>"),
    ("level", "buurt|wijk|gemeente"),
    ("lock", ""),
    ("open", "<code>"),
    ("purpose", "[case number or short reason]"),
    ("q", ""),
    ("quit", ""),
    ("save", "<id>"),
    ("sort", "<kolom> [asc|desc]"),
];

/// Parses one command line (without the `:`). The error is the usage line.
pub fn parse(input: &str) -> Result<Cmd, String> {
    let input = input.trim();
    let (name, arg) = input.split_once(' ').unwrap_or((input, ""));
    let arg = arg.trim();
    let usage = || {
        let hint = COMMANDS.iter().find(|c| c.0 == name).map_or("", |c| c.1);
        format!("{name} {hint}")
    };
    let need = |a: &str| {
        if a.is_empty() {
            Err(usage())
        } else {
            Ok(a.to_string())
        }
    };
    match name {
        "q" | "quit" | "q!" => Ok(Cmd::Quit),
        "help" => Ok(Cmd::Help),
        "lens" => need(arg).map(Cmd::Lens),
        "open" => need(arg).map(Cmd::Open),
        "level" => Level::parse(arg).map(Cmd::Level).ok_or_else(usage),
        "compare" => Compare::parse(arg).map(Cmd::Compare).ok_or_else(usage),
        "gemeente" => match arg {
            "" => Err(usage()),
            "alle" | "all" | "-" => Ok(Cmd::Gemeente(None)),
            code => Ok(Cmd::Gemeente(Some(code.to_uppercase()))),
        },
        "sort" => {
            let mut words = arg.split_whitespace();
            let col = words
                .next()
                .and_then(|w| Column::ALL.into_iter().find(|c| c.key() == w))
                .ok_or_else(usage)?;
            let asc = match words.next() {
                None | Some("asc") => true,
                Some("desc") => false,
                Some(_) => return Err(usage()),
            };
            Ok(Cmd::Sort(col, asc))
        }
        "filter" => Ok(Cmd::Filter(arg.to_string())),
        "save" => need(arg).map(Cmd::Save),
        "doel" | "purpose" => Ok(Cmd::Purpose(
            Some(arg.to_string()).filter(|a| !a.is_empty()),
        )),
        "lock" | "vergrendel" => Ok(Cmd::Lock),
        "export" => {
            let (path, excel) = match arg.rsplit_once(' ') {
                Some((p, "excel")) => (p.trim_end(), true),
                _ => (arg, false),
            };
            need(path).map(|path| Cmd::Export { path, excel })
        }
        _ => Err(String::new()),
    }
}

/// What completion can offer for arguments.
#[derive(Default)]
pub struct Candidates {
    pub lenses: Vec<String>,
    pub gemeenten: Vec<String>,
    pub areas: Vec<String>,
}

/// Full command lines that complete `input`, sorted, without duplicates.
pub fn complete(input: &str, cands: &Candidates) -> Vec<String> {
    let Some((name, arg)) = input.split_once(' ') else {
        return COMMANDS
            .iter()
            .filter(|c| c.0.starts_with(input))
            .map(|c| {
                if c.1.is_empty() {
                    c.0.to_string()
                } else {
                    format!("{} ", c.0)
                }
            })
            .collect();
    };
    let words: Vec<String> = match name {
        "lens" | "save" => cands.lenses.clone(),
        "level" => Level::ALL.iter().map(|l| l.key().to_string()).collect(),
        "compare" => Compare::ALL.iter().map(|c| c.key().to_string()).collect(),
        "gemeente" => {
            let mut g = cands.gemeenten.clone();
            g.push("alle".into());
            g
        }
        "open" => cands.areas.clone(),
        "sort" => Column::ALL.iter().map(|c| c.key().to_string()).collect(),
        _ => Vec::new(),
    };
    let arg = arg.trim_start();
    let mut out: Vec<String> = words
        .into_iter()
        .filter(|w| w.to_lowercase().starts_with(&arg.to_lowercase()))
        .map(|w| format!("{name} {w}"))
        .collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_commands() {
        assert_eq!(parse("q"), Ok(Cmd::Quit));
        assert_eq!(parse("lens hennep"), Ok(Cmd::Lens("hennep".into())));
        assert_eq!(parse("open BU99010203"), Ok(Cmd::Open("BU99010203".into())));
        assert_eq!(parse("level wijk"), Ok(Cmd::Level(Level::Wijk)));
        assert_eq!(parse("gemeente alle"), Ok(Cmd::Gemeente(None)));
        assert_eq!(
            parse("sort score desc"),
            Ok(Cmd::Sort(Column::Score, false))
        );
        assert_eq!(parse("level dorp"), Err("level buurt|wijk|gemeente".into()));
        assert_eq!(parse("bogus"), Err(String::new()));
        assert_eq!(parse("doel"), Ok(Cmd::Purpose(None)));
        assert_eq!(
            parse("purpose  zaak 17 "),
            Ok(Cmd::Purpose(Some("zaak 17".into())))
        );
        assert_eq!(
            parse("export top 10.csv excel"),
            Ok(Cmd::Export {
                path: "top 10.csv".into(),
                excel: true
            })
        );
        assert_eq!(
            parse("export uit.csv"),
            Ok(Cmd::Export {
                path: "uit.csv".into(),
                excel: false
            })
        );
        assert!(parse("export").is_err());
    }

    #[test]
    fn completes_names_and_arguments() {
        let c = Candidates {
            lenses: vec!["hennep".into(), "witwassen".into()],
            ..Candidates::default()
        };
        assert_eq!(complete("le", &c), vec!["lens ", "level "]);
        assert_eq!(complete("lens h", &c), vec!["lens hennep"]);
        assert_eq!(complete("level ", &c).len(), 3);
        assert_eq!(complete("q", &c), vec!["q", "quit"]);
        assert_eq!(complete("lo", &c), vec!["lock"]);
    }
}
