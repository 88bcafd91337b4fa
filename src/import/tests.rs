//! Tests of the parent module: file names with years, and what identifies a source.

use super::test_support::{import_text, options, store};
use super::*;
use crate::cli::Encoding;
use crate::cli::ImportKind::{Addresses, Parties, Sbi};

#[test]
fn years_in_file_names() {
    assert_eq!(year_in_name("kwb-2023.csv"), Some(2023));
    assert_eq!(year_in_name("kwb2024_utrecht.csv"), Some(2024));
    assert_eq!(year_in_name("wijken_en_buurten_2024.csv"), Some(2024));
    assert_eq!(year_in_name("export_20240131.csv"), None);
    assert_eq!(year_in_name("cbs.csv"), None);
}

fn imported(outcome: Outcome) -> Summary {
    match outcome {
        Outcome::Imported(s) => s,
        Outcome::AlreadyImported(p) => panic!("already imported: {p:?}"),
    }
}

fn already(outcome: Outcome) -> PriorImport {
    match outcome {
        Outcome::AlreadyImported(p) => p,
        Outcome::Imported(s) => panic!("imported again: {s:?}"),
    }
}

#[test]
fn the_same_bytes_read_another_way_are_another_import() {
    let mut s = store();
    let text = "id,street,number\n0363200000081086,Damrak,1\n0363200000081087,Damrak,2\n";
    let plain = options();
    let first = imported(import_text(&mut s, Addresses, "a.csv", text, &plain).unwrap());
    assert_eq!(first.sha256.len(), 64);
    let again = already(import_text(&mut s, Addresses, "a.csv", text, &plain).unwrap());
    assert_eq!(
        again.sha256, first.sha256,
        "the streamed hash is the file's hash"
    );

    // Another encoding: a new reading of the same source, replacing the first; ASCII reads
    // the same, so every row comes back unchanged.
    let mut cp1252 = options();
    cp1252.read.encoding = Encoding::Windows1252;
    let other = imported(import_text(&mut s, Addresses, "a.csv", text, &cp1252).unwrap());
    assert_eq!(other.sha256, first.sha256);
    assert!(other.counts.replaced.is_some());
    assert_eq!(
        (
            other.counts.inserted,
            other.counts.updated,
            other.counts.unchanged,
            other.counts.removed
        ),
        (0, 0, 2, 0)
    );
    already(import_text(&mut s, Addresses, "a.csv", text, &cp1252).unwrap());

    // Another delimiter or year, given on the command line.
    let mut delimiter = options();
    delimiter.read.delimiter = Some(b',');
    imported(import_text(&mut s, Addresses, "a.csv", text, &delimiter).unwrap());
    let mut year = options();
    year.year = Some(2023);
    imported(import_text(&mut s, Addresses, "a.csv", text, &year).unwrap());
    already(import_text(&mut s, Addresses, "a.csv", text, &year).unwrap());
}

#[test]
fn the_same_bytes_with_another_key_are_another_import() {
    let mut s = store();
    let text = "id,kind\n123456782,natural\n";
    let with_key = |byte: u8| {
        let mut o = options();
        o.pseudo_key = Some(crate::pseudo::PseudoKey::from_bytes(vec![byte; 32]).unwrap());
        o
    };
    let one = with_key(1);
    let first = imported(import_text(&mut s, Parties, "p.csv", text, &one).unwrap());
    already(import_text(&mut s, Parties, "p.csv", text, &one).unwrap());
    // Another key makes another pseudonym: the old one is removed, the new one inserted.
    let second = imported(import_text(&mut s, Parties, "p.csv", text, &with_key(2)).unwrap());
    assert_eq!(second.sha256, first.sha256);
    assert_eq!((second.counts.inserted, second.counts.removed), (1, 1));
}

#[test]
fn reading_choices_name_what_changes_the_result() {
    let plain = options();
    assert_eq!(reading_choices(&plain, b',', None), "");
    let mut o = options();
    o.read.encoding = Encoding::Windows1252;
    o.read.delimiter = Some(b'\t');
    o.pseudo_key = Some(crate::pseudo::PseudoKey::from_bytes(vec![1; 32]).unwrap());
    let key = o.pseudo_key.as_ref().unwrap().fingerprint().to_owned();
    assert_eq!(
        reading_choices(&o, b'\t', Some(2024)),
        format!("encoding=windows-1252 delimiter=tab year=2024 pseudo-key={key}")
    );
    // The key itself never appears.
    assert!(!reading_choices(&o, b'\t', None).contains("\u{1}"));
}

#[test]
fn a_file_with_a_year_in_its_name_keeps_that_year_in_its_identity() {
    let mut s = store();
    let text = "code_dotted,section,omschrijving\nA,A,Landbouw\n";
    imported(import_text(&mut s, Sbi, "sbi-2024.csv", text, &options()).unwrap());
    // The same bytes under another name with another year: not the same import.
    let other = imported(import_text(&mut s, Sbi, "sbi-2025.csv", text, &options()).unwrap());
    assert!(other.counts.replaced.is_none());
    already(import_text(&mut s, Sbi, "sbi-2025.csv", text, &options()).unwrap());
}
