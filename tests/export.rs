//! Safe CSV export: the vectors E-01 to E-06 of `security.md` §1.4, file handling, and a
//! property test that reads exported files back with an independent CSV parser.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use proptest::prelude::*;
use schouw::export::{
    Cell, CsvFormat, ExportError, ExportOptions, Header, NOT_EVIDENCE, Table, needs_prefix, record,
    restore, write_csv, write_file,
};

fn one(s: &str) -> String {
    record(&[Cell::from(s)], CsvFormat::Plain)
        .trim_end_matches("\r\n")
        .to_owned()
}

#[test]
fn e01_formula_signs_get_a_quote() {
    for (input, expected) in [
        ("=1+2", "\"'=1+2\""),
        ("+31612345678", "\"'+31612345678\""),
        ("-3", "\"'-3\""),
        ("@SUM(A1)", "\"'@SUM(A1)\""),
        ("\t=1", "\"'\t=1\""),
        ("\r=1", "\"'\r=1\""),
        ("\n=1", "\"'\n=1\""),
        ("\0x", "\"'\0x\""),
        ("\u{FF1D}1+2", "\"'\u{FF1D}1+2\""),
        ("\u{FF0B}1", "\"'\u{FF0B}1\""),
        ("\u{FF0D}1", "\"'\u{FF0D}1\""),
        ("\u{FF20}x", "\"'\u{FF20}x\""),
        // A leading quote is data, so it gets the prefix too: "'=1" must not read back as "=1".
        ("'quoted", "\"''quoted\""),
        ("'=1", "\"''=1\""),
    ] {
        assert_eq!(one(input), expected, "{input:?}");
    }
    // Harmless values are only quoted.
    for (input, expected) in [
        ("Café Noord", "\"Café Noord\""),
        ("0363", "\"0363\""),
        ("a=b", "\"a=b\""),
        ("", "\"\""),
        ("quoted'", "\"quoted'\""),
    ] {
        assert_eq!(one(input), expected, "{input:?}");
    }
}

#[test]
fn e02_owasp_examples() {
    assert_eq!(one("=1+2\";=1+2"), "\"'=1+2\"\";=1+2\"");
    assert_eq!(one("=1+2'\" ;,=1+2"), "\"'=1+2'\"\" ;,=1+2\"");
}

#[test]
fn e03_signs_after_invisible_characters() {
    for lead in [
        "\u{200B}",
        "\u{FEFF}",
        "\u{00A0}",
        " ",
        "\u{2028}",
        "\u{200E}",
        "\u{202E}",
        "\u{2066}",
        "\u{00AD}",
        "\u{3000}",
        " \u{200B}\u{00A0}",
    ] {
        for sign in ["=", "+", "-", "@", "\u{FF1D}"] {
            let input = format!("{lead}{sign}1+2");
            assert_eq!(one(&input), format!("\"'{input}\""), "{input:?}");
        }
    }
    assert_eq!(one("\u{200B}abc"), "\"\u{200B}abc\"");
}

#[test]
fn e04_numbers_the_app_formatted_stay_numbers() {
    let row = [
        Cell::Number(-3.5),
        Cell::Integer(-7),
        Cell::Number(f64::NAN),
        Cell::from("-3,5"),
    ];
    assert_eq!(
        record(&row, CsvFormat::Excel),
        "\"-3,5\";\"-7\";\"\";\"'-3,5\"\r\n"
    );
    assert_eq!(
        record(&row, CsvFormat::Plain),
        "\"-3.5\",\"-7\",\"\",\"'-3,5\"\r\n"
    );
}

fn table<'a>(header: Option<&'a Header>, rows: &'a [Vec<Cell>]) -> Table<'a> {
    Table {
        header,
        columns: &["buurt", "naam", "score"],
        rows,
    }
}

fn header() -> Header {
    Header {
        banner: Some("DEPARTEMENTAAL VERTROUWELIJK".into()),
        lens_id: "buurt-basis".into(),
        lens_version: "3".into(),
        date: "2026-11-25".into(),
    }
}

fn rows() -> Vec<Vec<Cell>> {
    vec![
        vec![
            Cell::from("BU03630000"),
            Cell::from("=HYPERLINK(\"http://x\")"),
            Cell::Number(2.25),
        ],
        vec![
            Cell::from("BU03630001"),
            Cell::from("Centrum"),
            Cell::Number(-1.0),
        ],
    ]
}

#[test]
fn e06_excel_dialect_and_header_block() {
    let h = header();
    let rows = rows();
    let mut out = Vec::new();
    let n = write_csv(&mut out, CsvFormat::Excel, table(Some(&h), &rows)).unwrap();
    assert_eq!(n, 2);
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with('\u{FEFF}'));
    let lines: Vec<&str> = text.trim_start_matches('\u{FEFF}').split("\r\n").collect();
    assert_eq!(lines[0], "\"DEPARTEMENTAAL VERTROUWELIJK\"");
    assert_eq!(lines[1], "\"lens buurt-basis, versie 3, 2026-11-25\"");
    assert_eq!(lines[2], format!("\"{NOT_EVIDENCE}\""));
    assert_eq!(lines[3], "\"buurt\";\"naam\";\"score\"");
    assert_eq!(
        lines[4],
        "\"BU03630000\";\"'=HYPERLINK(\"\"http://x\"\")\";\"2,25\""
    );
    assert_eq!(lines[5], "\"BU03630001\";\"Centrum\";\"-1\"");

    let dashes = Header {
        banner: Some("-- intern --".into()),
        ..header()
    };
    let mut out = Vec::new();
    write_csv(&mut out, CsvFormat::Plain, table(Some(&dashes), &[])).unwrap();
    assert!(
        String::from_utf8(out)
            .unwrap()
            .starts_with("\"'-- intern --\"\r\n")
    );
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn no_leftovers(dir: &Path) {
    for e in std::fs::read_dir(dir).unwrap() {
        let name = e.unwrap().file_name();
        assert!(
            !name.to_string_lossy().contains("schouw-tmp"),
            "temporary file left: {name:?}"
        );
    }
}

#[test]
fn e05_file_is_private_complete_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("scores.csv");
    let h = header();
    let rows = rows();
    let opts = ExportOptions::default();
    let s = write_file(&out, opts, table(Some(&h), &rows)).unwrap();
    assert_eq!(s.rows, 2);
    assert_eq!(mode(&out), 0o600);
    assert_eq!(s.sha256, schouw::audit::file_sha256(&out).unwrap());
    no_leftovers(dir.path());

    // No overwrite without force; the file is unchanged.
    let before = std::fs::read(&out).unwrap();
    let e = write_file(&out, opts, table(None, &[])).unwrap_err();
    assert!(matches!(e, ExportError::Exists(_)), "{e}");
    assert!(e.to_string().contains("--force"));
    assert_eq!(std::fs::read(&out).unwrap(), before);
    no_leftovers(dir.path());

    // With force it is replaced, still 0600, even when the old file was wider.
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o644)).unwrap();
    let forced = ExportOptions {
        force: true,
        ..opts
    };
    let s = write_file(&out, forced, table(None, &[])).unwrap();
    assert_eq!(s.rows, 0);
    assert_eq!(mode(&out), 0o600);
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "\"buurt\",\"naam\",\"score\"\r\n"
    );

    // A directory is not a file.
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    assert!(matches!(
        write_file(&sub, forced, table(None, &[])),
        Err(ExportError::NotAFile(_))
    ));
}

#[test]
fn e05_symlinks_are_refused_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("target.txt");
    std::fs::write(&target, "keep me").unwrap();
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let dangling = dir.path().join("dangling.csv");
    std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).unwrap();
    for force in [false, true] {
        let opts = ExportOptions {
            force,
            ..ExportOptions::default()
        };
        for l in [&link, &dangling] {
            let e = write_file(l, opts, table(None, &[])).unwrap_err();
            assert!(matches!(e, ExportError::Symlink(_)), "{e}");
        }
    }
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
    assert!(!dir.path().join("nowhere").exists());
    no_leftovers(dir.path());
}

/// Reads an exported file back with the csv crate: every record's fields.
fn parse(bytes: &[u8], format: CsvFormat) -> Vec<Vec<String>> {
    let bytes = bytes.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(bytes);
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(format.delimiter() as u8)
        .from_reader(bytes);
    r.records()
        .map(|rec| rec.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// Independent of the writer: what a spreadsheet might skip before looking for a sign.
fn skippable(c: char) -> bool {
    c.is_whitespace() || schouw::sanitize::is_unsafe(c)
}

const SIGNS: &[char] = &['=', '+', '-', '@', '＝', '＋', '－', '＠'];

fn cell_strategy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("=".to_owned()),
        Just("+".to_owned()),
        Just("-".to_owned()),
        Just("@".to_owned()),
        Just("\t".to_owned()),
        Just("\r".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\"".to_owned()),
        Just("'".to_owned()),
        Just(";".to_owned()),
        Just(",".to_owned()),
        Just("\u{FF1D}".to_owned()),
        Just("\u{FF20}".to_owned()),
        Just("\u{200B}".to_owned()),
        Just("\u{FEFF}".to_owned()),
        Just("\u{00A0}".to_owned()),
        Just("\u{202E}".to_owned()),
        Just(" ".to_owned()),
        "[a-z0-9]{0,3}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..6).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn exported_cells_are_safe_and_round_trip(
        cells in prop::collection::vec(cell_strategy(), 1..6),
        excel in any::<bool>(),
    ) {
        let format = if excel { CsvFormat::Excel } else { CsvFormat::Plain };
        let row: Vec<Cell> = cells.iter().map(|c| Cell::from(c.as_str())).collect();
        let mut out = Vec::new();
        let columns: Vec<&str> = cells.iter().map(|_| "c").collect();
        let rows = vec![row];
        write_csv(&mut out, format, Table { header: None, columns: &columns, rows: &rows }).unwrap();
        let parsed = parse(&out, format);
        prop_assert_eq!(parsed.len(), 2);
        for (got, original) in parsed[1].iter().zip(&cells) {
            // Safe: no cell starts, after skippable characters, with a sign unless prefixed.
            if !got.starts_with('\'') {
                let first = got.chars().next();
                prop_assert!(!matches!(first, Some('\t' | '\r' | '\n' | '\0')));
                let first_visible = got.chars().find(|c| !skippable(*c));
                prop_assert!(!first_visible.is_some_and(|c| SIGNS.contains(&c)), "{:?}", got);
            }
            // Round trip: the original, or the original behind exactly one quote.
            if needs_prefix(original) {
                prop_assert_eq!(got, &format!("'{original}"));
            } else {
                prop_assert_eq!(got, original);
            }
            prop_assert_eq!(restore(got), original.as_str());
        }
    }
}
