//! One hand-written file per failure mode in `fixtures/bad/`: each import is refused with a
//! message naming the file, the line, the column and the expected form, and leaves the
//! database exactly as it was.

use std::path::{Path, PathBuf};

use schouw::cli::{Encoding, ImportKind};
use schouw::import::reader::ReadOptions;
use schouw::import::{ImportError, ImportOptions, Outcome, import_file};
use schouw::model::{Area, AreaCode};
use schouw::store::{SourceMeta, Store};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/bad")
        .join(name)
}

fn options(encoding: Encoding, delimiter: Option<u8>) -> ImportOptions {
    ImportOptions {
        read: ReadOptions {
            encoding,
            delimiter,
        },
        ..ImportOptions::new("test", "2026-01-01T00:00:00Z")
    }
}

fn import(
    store: &mut Store,
    kind: ImportKind,
    path: &Path,
    opts: &ImportOptions,
) -> Result<Outcome, ImportError> {
    import_file(store, kind, path, opts, &mut |_, _| {})
}

fn import_text(store: &mut Store, kind: ImportKind, name: &str, text: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    import(store, kind, &path, &options(Encoding::Utf8, None)).unwrap();
}

/// A database with one buurt, one address, one business and one party.
fn setup() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let mut tx = store
        .begin_import(&SourceMeta {
            kind: "areas".into(),
            name: "areas.csv".into(),
            sha256: "seed".into(),
            options: String::new(),
            imported_by: "test".into(),
            imported_at: "2026-01-01T00:00:00Z".into(),
        })
        .unwrap();
    for (i, code) in ["GM0363", "WK036300", "BU03630000"].iter().enumerate() {
        let code = AreaCode::parse(code).unwrap();
        let area = Area {
            level: code.level(),
            parent: code.parent(),
            name: code.to_string(),
            code,
            year: 2024,
        };
        tx.put_area(&area, i as u64 + 2).unwrap();
    }
    tx.commit(3).unwrap();
    import_text(
        &mut store,
        ImportKind::Addresses,
        "addresses.csv",
        "id,street,number,buurt\n0363200000081086,Damrak,1,BU03630000\n",
    );
    import_text(
        &mut store,
        ImportKind::Businesses,
        "businesses.csv",
        "vestigingsnummer,kvk,name,address_id\n000012345678,01234567,Bakkerij,0363200000081086\n",
    );
    import_text(
        &mut store,
        ImportKind::Parties,
        "parties.csv",
        "id,kind\nNP-1,natural\n",
    );
    store
}

/// Imports a fixture, expects a refusal containing every `expected` text, and checks that the
/// database did not change.
#[track_caller]
fn refused(name: &str, kind: ImportKind, delimiter: Option<u8>, expected: &[&str]) {
    let mut store = setup();
    let before = store.info().unwrap();
    let e = import(
        &mut store,
        kind,
        &fixture(name),
        &options(Encoding::Utf8, delimiter),
    )
    .expect_err("the import should be refused");
    if let ImportError::Rows { problems, .. } = &e {
        for p in problems.listed() {
            assert!(
                p.message.chars().count() <= schouw::sanitize::MAX_CHARS,
                "message too long to show whole: {}",
                p.message
            );
        }
    }
    let e = e.to_string();
    assert!(e.contains(name), "the message does not name the file:\n{e}");
    for text in expected {
        assert!(e.contains(text), "missing {text:?} in\n{e}");
    }
    assert_eq!(store.info().unwrap(), before, "the database changed");
}

use ImportKind::{Addresses, Businesses, Parties, Roles, Signals};

#[test]
fn postcode_invalid() {
    refused(
        "postcode_invalid.csv",
        Addresses,
        None,
        &[
            "1 problem found, nothing was imported",
            "line 3, column `postcode`: expected a postcode like 1234AB (4 digits, first not 0, 2 letters, not SA/SD/SS); found `0123AB`",
        ],
    );
}

#[test]
fn kvk_7_digits() {
    refused(
        "kvk_7_digits.csv",
        Businesses,
        None,
        &["line 3, column `kvk`: expected a KvK number of 8 digits; found `1234567`"],
    );
}

#[test]
fn bsn_column() {
    refused(
        "bsn_column.csv",
        Parties,
        None,
        &["line 1, column `bsn`: this column holds personal data that schouw must never store"],
    );
}

#[test]
fn bsn_as_pseudonym() {
    refused(
        "bsn_as_pseudonym.csv",
        Parties,
        None,
        &[
            "line 3, column `id`: expected a pseudonym, not a BSN: 9 digits look like a citizen service number",
        ],
    );
}

#[test]
fn natural_person_name() {
    refused(
        "natural_person_name.csv",
        Parties,
        None,
        &[
            "line 3, column `name`: names of natural persons must never be stored; give the party as a pseudonym only",
        ],
    );
}

#[test]
fn unknown_buurt() {
    refused(
        "unknown_buurt.csv",
        Addresses,
        None,
        &[
            "line 3, column `buurt`: buurt BU03639999 is not in the database; import the CBS area list or KWB table first; found `BU03639999`",
        ],
    );
}

#[test]
fn duplicate_id() {
    refused(
        "duplicate_id.csv",
        Addresses,
        None,
        &["line 4: address 0363200000081086 appears twice in this file (first on line 2)"],
    );
}

#[test]
fn windows1252_is_refused_as_utf8_and_read_when_asked() {
    refused(
        "windows1252.csv",
        Addresses,
        None,
        &[
            "line 2, column `street`",
            "not valid UTF-8",
            "--encoding windows-1252",
        ],
    );
    let mut store = setup();
    let outcome = import(
        &mut store,
        Addresses,
        &fixture("windows1252.csv"),
        &options(Encoding::Windows1252, None),
    )
    .unwrap();
    assert!(matches!(outcome, Outcome::Imported(s) if s.rows == 1));
}

#[test]
fn semicolon_as_comma() {
    refused(
        "semicolon_as_comma.csv",
        Addresses,
        Some(b','),
        &[
            "line 1: missing columns `id`, `street`, `number`; found 1 column `id;street;number`; the delimiter is probably `;`",
        ],
    );
}

#[test]
fn ragged() {
    refused(
        "ragged.csv",
        Addresses,
        None,
        &[
            "line 3: 5 fields, expected 4 as in the header (an unquoted delimiter in a value?)",
            "line 4: 3 fields, expected 4 as in the header",
        ],
    );
}

#[test]
fn unclosed_quote() {
    refused(
        "unclosed_quote.csv",
        Addresses,
        None,
        &["a quoted field starting on line 3 is not closed"],
    );
}

#[test]
fn excel_renamed() {
    refused(
        "excel_renamed.csv",
        Addresses,
        None,
        &["this is not a CSV file but an Excel workbook or zip archive"],
    );
}

#[test]
fn nul_byte() {
    refused(
        "nul_byte.csv",
        Addresses,
        None,
        &["line 2 contains a NUL byte: this is not a text CSV file"],
    );
}

#[test]
fn date_invalid() {
    refused(
        "date_invalid.csv",
        Businesses,
        None,
        &[
            "line 3, column `registered`: expected a date like 2024-03-31 or 31-03-2024; found `31-04-2024`",
        ],
    );
}

#[test]
fn ended_before_registered() {
    refused(
        "ended_before_registered.csv",
        Businesses,
        None,
        &[
            "line 2, column `ended`: this date lies before `registered` (2020-01-01); expected a date on or after it; found `31-12-2019`",
        ],
    );
}

#[test]
fn decimal_ambiguous() {
    refused(
        "decimal_ambiguous.csv",
        Addresses,
        None,
        &[
            "line 3, column `surface_m2`: expected an unambiguous number: 1.234 could mean 1234 or 1,234; write 1234 or 1,234; found `1.234`",
        ],
    );
}

#[test]
fn nan_value() {
    refused(
        "nan_value.csv",
        Addresses,
        None,
        &[
            "line 2, column `surface_m2`: expected a number like 3,5 or 1.234,56 (decimal comma) or 3.5; found `NaN`",
            "line 3, column `surface_m2`: expected a number like 3,5",
        ],
    );
}

#[test]
fn unknown_party() {
    refused(
        "unknown_party.csv",
        Roles,
        None,
        &[
            "line 2, column `party`: party NP-404 is not in the database; import the parties first; found `NP-404`",
        ],
    );
}

#[test]
fn short_bag_export() {
    refused(
        "short_bag_export.csv",
        Addresses,
        None,
        &[
            "missing column `id` (`nummeraanduiding_id`): this looks like the short BAG address export",
        ],
    );
}

#[test]
fn signal_text_too_long() {
    refused(
        "signal_text_too_long.csv",
        Signals,
        None,
        &["line 2, column `text`: expected at most 500 characters (found 539); shorten the text"],
    );
}

#[test]
fn one_bad_row_among_many_stores_nothing() {
    let mut store = setup();
    let before = store.info().unwrap();
    let mut text = String::from("id,street,number,postcode\n");
    for i in 0..500 {
        let postcode = if i == 250 { "1012 S" } else { "1012LG" };
        text.push_str(&format!("03632000001{i:05},Damrak,{},{postcode}\n", i + 1));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.csv");
    std::fs::write(&path, text).unwrap();
    let e = import(&mut store, Addresses, &path, &options(Encoding::Utf8, None))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("1 problem found, nothing was imported")
            && e.contains("line 252, column `postcode`"),
        "{e}"
    );
    assert_eq!(store.info().unwrap(), before);
}

// The rest of the hostile CSV corpus of security.md §1.3.

#[test]
fn c02_utf16_is_named() {
    refused(
        "utf16.csv",
        Addresses,
        None,
        &["this file is UTF-16 text, which schouw does not read; save it as \"CSV UTF-8\""],
    );
}

#[test]
fn c02_a_byte_order_mark_inside_a_header_shows_as_a_marker() {
    refused(
        "bom_in_header.csv",
        Addresses,
        None,
        &["line 1: missing column `street`; the file has `id`, `stre<U+FEFF>et`, `number`"],
    );
}

#[test]
fn c10_duplicate_column() {
    refused(
        "duplicate_column.csv",
        Addresses,
        None,
        &["line 1, column `street`: column `street` appears twice (also as column 2: `street`)"],
    );
}

#[test]
fn c07_exponents_and_infinity_are_not_guessed() {
    refused(
        "number_exponent.csv",
        Addresses,
        None,
        &[
            "2 problems found",
            "line 3, column `surface_m2`: expected a number like 3,5 or 1.234,56 (decimal comma) or 3.5; found `1e308`",
            "line 4, column `surface_m2`: expected a number like 3,5 or 1.234,56 (decimal comma) or 3.5; found `Inf`",
        ],
    );
}

fn hostile(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/hostile")
        .join(name)
}

/// C-09 and the display threats: control characters, escape sequences, bidi and invisible
/// characters and formulas inside valid fields are data. They are stored exactly as the file
/// has them, line numbers stay true across embedded line breaks, and messages that echo them
/// show markers.
#[test]
fn c09_hostile_values_are_stored_raw() {
    let mut store = setup();
    let outcome = import(
        &mut store,
        Addresses,
        &hostile("addresses.csv"),
        &options(Encoding::Utf8, None),
    )
    .unwrap();
    assert!(matches!(outcome, Outcome::Imported(s) if s.rows == 8));
    let street = |id: &str| store.address(id).unwrap().unwrap().label;
    assert_eq!(street("0363200000081086"), "regel1\nregel2 1");
    assert_eq!(street("0363200000081087"), "c\rd 2");
    assert_eq!(street("0363200000081088"), "a\tb 3");
    assert_eq!(
        street("0363200000081089"),
        "Bakkerij \x1b]0;PWNED\x07de \x1b[2J\x1b[31mRood\x1b[0m 4"
    );
    assert_eq!(
        street("0363200000081090"),
        "Jansen\u{202E}VB gnidloH\u{202C} 5"
    );
    assert_eq!(street("0363200000081091"), "A\u{200B}B\u{2060}C\u{FEFF}D 6");
    assert_eq!(street("0363200000081092"), "Straat 1\u{2028}Nep 2 7");
    assert_eq!(street("0363200000081093"), "=cmd|' /c calc'!A1 8");

    // The same file with a bad house number on the line after the embedded line break: the
    // message gives the true line and shows the escape sequence as markers.
    let text = std::fs::read_to_string(hostile("addresses.csv"))
        .unwrap()
        .replace(",2\n", ",x\n")
        .replace(",4\n", ",\x1b]0;T\x07\n");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad_hostile.csv");
    std::fs::write(&path, text).unwrap();
    let e = import(
        &mut setup(),
        Addresses,
        &path,
        &options(Encoding::Utf8, None),
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("line 4, column `number`"), "{e}");
    assert!(
        e.contains("line 6, column `number`") && e.contains("found `^[]0;T^G`"),
        "{e}"
    );
    // Line breaks separate the problems; within a line nothing reaches the terminal raw.
    assert!(
        e.lines()
            .all(|l| !l.chars().any(schouw::sanitize::is_unsafe)),
        "{e:?}"
    );
}

/// C-01 with T-02: Windows-1252 bytes without a character decode to C1 controls, silently.
/// They are stored as decoded (data), and every message or screen shows them as markers (the
/// sanitiser; see tests/hostile_render.rs).
#[test]
fn c01_windows1252_c1_bytes_are_kept_as_data() {
    let mut store = setup();
    import(
        &mut store,
        Addresses,
        &hostile("windows1252_c1.csv"),
        &options(Encoding::Windows1252, None),
    )
    .unwrap();
    let label = store.address("0363200000081086").unwrap().unwrap().label;
    assert_eq!(label, "Café \u{9D}0;Xœ \u{81} 1");
    assert_eq!(
        schouw::sanitize::line(&label),
        "Café <U+009D>0;Xœ <U+0081> 1"
    );
}

/// C-14: only regular files are read. A pipe, a device behind a symlink and a directory are
/// refused at once by the real binary (a FIFO would block the open, `/dev/zero` never ends).
#[test]
fn c14_pipes_devices_and_directories_are_refused_at_once() {
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo.csv");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.csv")).unwrap();
    std::fs::create_dir(dir.path().join("folder.csv")).unwrap();
    for name in ["fifo.csv", "zero.csv", "folder.csv"] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_schouw"))
            .args(["import", "t.db", "addresses", name])
            .current_dir(dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let start = Instant::now();
        let status = loop {
            if let Some(s) = child.try_wait().unwrap() {
                break s;
            }
            if start.elapsed() > Duration::from_secs(20) {
                child.kill().unwrap();
                panic!("{name}: the import hangs");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let err = std::io::read_to_string(child.stderr.take().unwrap()).unwrap();
        assert!(!status.success(), "{name}");
        assert!(
            err.contains(&format!("{name}: this is not a regular file")),
            "{name}: {err}"
        );
    }
}
