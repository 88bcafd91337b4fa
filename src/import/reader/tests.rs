//! Tests of the parent module.
use super::*;

fn open(
    bytes: &[u8],
    encoding: Encoding,
    delimiter: Option<u8>,
) -> Result<(CsvFile, tempfile::NamedTempFile), ImportError> {
    use std::io::Write;
    let mut f = tempfile::NamedTempFile::new().unwrap();
    f.write_all(bytes).unwrap();
    f.flush().unwrap();
    let facts = inspect(f.path())?;
    let csv = CsvFile::open(
        f.path(),
        &facts,
        ReadOptions {
            encoding,
            delimiter,
        },
    )?;
    Ok((csv, f))
}

fn rows(bytes: &[u8]) -> (Vec<Row>, Problems) {
    let (mut csv, _f) = open(bytes, Encoding::Utf8, None).unwrap();
    let mut problems = Problems::default();
    let mut out = Vec::new();
    while let Some(r) = csv.next_row(&mut problems).unwrap() {
        out.push(r);
    }
    (out, problems)
}

#[test]
fn statline_bom_semicolon_quotes() {
    let (mut csv, _f) = open(
        "\u{feff}\"Perioden\";\"Regiocode\"\n\"2019\";\"GM0363    \"\n".as_bytes(),
        Encoding::Utf8,
        None,
    )
    .unwrap();
    assert_eq!(csv.headers(), ["Perioden", "Regiocode"]);
    assert_eq!(csv.delimiter(), b';');
    let row = csv.next_row(&mut Problems::default()).unwrap().unwrap();
    assert_eq!((row.line, row.fields[1].as_str()), (2, "GM0363    "));
}

#[test]
fn ragged_rows_are_problems_with_lines() {
    let (rows, problems) = rows(b"naam;score\nJansen;3,5\nDe Vries;4;extra\n\nX;1\n");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1].line, 5);
    assert_eq!(problems.total(), 1);
    assert_eq!(problems.listed()[0].line, 3);
    assert!(
        problems.listed()[0]
            .message
            .contains("3 fields, expected 2")
    );
}

#[test]
fn invalid_utf8_suggests_windows_1252() {
    let (rows_, problems) = rows(b"naam;plaats\nCaf\xE9 Noord;Den Haag\n");
    assert!(rows_.is_empty());
    assert!(
        problems.listed()[0]
            .message
            .contains("--encoding windows-1252"),
        "{}",
        problems.listed()[0]
    );
    let (mut csv, _f) = open(
        b"naam;plaats\nCaf\xE9 Noord;Den Haag\n",
        Encoding::Windows1252,
        None,
    )
    .unwrap();
    let row = csv.next_row(&mut Problems::default()).unwrap().unwrap();
    assert_eq!(row.fields[0], "Café Noord");
}

#[test]
fn refuses_workbooks_utf16_and_nul() {
    let e = open(b"PK\x03\x04rest", Encoding::Utf8, None)
        .err()
        .unwrap()
        .to_string();
    assert!(e.contains("Excel workbook"), "{e}");
    let e = open(b"\xFF\xFEa\0b\0", Encoding::Utf8, None)
        .err()
        .unwrap()
        .to_string();
    assert!(e.contains("UTF-16"), "{e}");
    let (mut csv, _f) = open(b"a,b\nx\0y,1\n", Encoding::Utf8, None).unwrap();
    let e = csv
        .next_row(&mut Problems::default())
        .err()
        .unwrap()
        .to_string();
    assert!(e.contains("NUL byte") && e.contains("line 2"), "{e}");
}

#[test]
fn unclosed_quote_is_bounded() {
    let mut bytes = b"a;b\n\"open;1\n".to_vec();
    for _ in 0..100_000 {
        bytes.extend_from_slice(b"x;2\n");
    }
    let (mut csv, _f) = open(&bytes, Encoding::Utf8, None).unwrap();
    let e = csv
        .next_row(&mut Problems::default())
        .err()
        .unwrap()
        .to_string();
    assert!(e.contains("line 2") && e.contains("not closed"), "{e}");
    let mut big = b"a,b\n\"".to_vec();
    big.extend(std::iter::repeat_n(b'x', 3 << 20));
    let (mut csv, _f) = open(&big, Encoding::Utf8, None).unwrap();
    let e = csv
        .next_row(&mut Problems::default())
        .err()
        .unwrap()
        .to_string();
    assert!(e.contains("longer than") && e.contains("line 2"), "{e}");
    assert!(
        csv.progress().0 < (2 << 20),
        "read {} bytes",
        csv.progress().0
    );
}

#[test]
fn delimiter_hint_names_the_delimiter() {
    let (csv, _f) = open(b"naam;score\nJansen;3,5\n", Encoding::Utf8, Some(b',')).unwrap();
    let hint = delimiter_hint(csv.headers(), csv.delimiter()).unwrap();
    assert!(
        hint.contains("found 1 column `naam;score`; the delimiter is probably `;`"),
        "{hint}"
    );
}
