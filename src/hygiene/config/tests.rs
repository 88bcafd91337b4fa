//! Tests of parsing and validating `config.toml`.

use super::*;

#[test]
fn a_full_file_parses() {
    let c = Config::from_toml(
        "banner = \"DEPARTEMENTAAL VERTROUWELIJK\"\nidle_lock_minutes = 5\ntheme = \"dark\"\n\n[keys]\nprivacy = \"Ctrl-X\"\nlock = \"f12\"\n",
    )
    .unwrap();
    assert_eq!(c.banner.as_deref(), Some("DEPARTEMENTAAL VERTROUWELIJK"));
    assert_eq!(c.idle_lock_minutes, 5);
    assert_eq!(c.theme.as_deref(), Some("dark"));
    assert_eq!(c.key_for("privacy").unwrap().to_string(), "ctrl-x");
    assert_eq!(c.key_for("lock").unwrap().to_string(), "f12");
}

#[test]
fn empty_file_gives_defaults() {
    assert_eq!(Config::from_toml("").unwrap(), Config::default());
    assert_eq!(Config::default().idle_lock_minutes, 10);
}

#[test]
fn unknown_key_suggests_and_points() {
    let e = Config::from_toml("banner = \"X\"\nidle_lock = 5\n").unwrap_err();
    assert_eq!((e.line, e.column), (2, 1), "{e}");
    assert!(e.message.contains("unknown key `idle_lock`"), "{e}");
    assert!(
        e.hint
            .as_deref()
            .unwrap()
            .contains("did you mean `idle_lock_minutes`?"),
        "{e}"
    );
    let shown = e.to_string();
    assert!(shown.starts_with("<config>:2:1: unknown key"), "{shown}");
    let e = Config::from_toml("thme = \"dark\"\n").unwrap_err();
    assert!(e.hint.unwrap().contains("`theme`"));
}

#[test]
fn bad_values_point_at_the_value() {
    let e = Config::from_toml("idle_lock_minutes = 90\n").unwrap_err();
    assert_eq!((e.line, e.column), (1, 21), "{e}");
    assert!(e.hint.unwrap().contains("from 1 to 30"));
    let e = Config::from_toml("idle_lock_minutes = \"ten\"\n").unwrap_err();
    assert_eq!(e.line, 1, "{e}");
    let e = Config::from_toml("[keys]\nprivacy = \"ctrl-hyper\"\n").unwrap_err();
    assert_eq!((e.line, e.column), (2, 11), "{e}");
    let e = Config::from_toml("[keys]\nprivacy = \"ctrl-x\"\nlock = \"Ctrl-x\"\n").unwrap_err();
    assert!(e.message.contains("already bound"), "{e}");
    let e = Config::from_toml("banner = \"a\\u202Eb\"\n").unwrap_err();
    assert!(e.message.contains("banner"), "{e}");
}

#[test]
fn errors_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "\n\n  banner = \"X\"\n  idle_lock_minuten = 5\n").unwrap();
    let e = Config::from_file(&path).unwrap_err();
    assert_eq!(e.file, path);
    assert_eq!((e.line, e.column), (4, 3), "{e}");
    assert!(
        e.to_string().contains("did you mean `idle_lock_minutes`?"),
        "{e}"
    );
    let missing = Config::from_file(&dir.path().join("none.toml")).unwrap_err();
    assert!(missing.message.contains("cannot read"));
}

#[test]
fn key_specs() {
    for (s, shown) in [
        ("q", "q"),
        ("-", "-"),
        ("ctrl--", "ctrl--"),
        ("Alt-Shift-Left", "alt-shift-left"),
        ("F1", "f1"),
    ] {
        assert_eq!(KeySpec::parse(s).unwrap().to_string(), shown, "{s}");
    }
    for bad in ["", "f13", "ctrl-ctrl-x", "hyper-x", "\u{1b}", "ab"] {
        assert!(KeySpec::parse(bad).is_err(), "{bad:?}");
    }
}
