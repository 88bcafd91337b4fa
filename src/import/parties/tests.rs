//! Tests of the `parties` profile.

use crate::cli::ImportKind::Parties;
use crate::import::test_support::{import, refused, store, stored, value};

#[test]
fn natural_and_legal_parties() {
    let mut s = store();
    let text = "pseudoniem;soort;KvK-nummer;naam;datum_oprichting\n\
                NP-3F9A2C;natuurlijk persoon;;;\n\
                RP-0001;RP;01234567;Holding B.V.;01-02-2003\n\
                NP-77;np;;;\n";
    let summary = import(&mut s, Parties, "partijen.csv", text).unwrap();
    assert_eq!(summary.rows, 3);
    let rows = stored(&s, "parties");
    assert_eq!(value(&rows[0], "kind"), Some("natural"));
    assert_eq!(value(&rows[0], "name"), None);
    assert_eq!(value(&rows[1], "kind"), Some("legal"));
    assert_eq!(value(&rows[1], "kvk_nummer"), Some("01234567"));
    assert_eq!(value(&rows[1], "name"), Some("Holding B.V."));
    assert_eq!(value(&rows[1], "registered_on"), Some("2003-02-01"));
}

#[test]
fn natural_persons_stay_pseudonymous() {
    let mut s = store();
    let text = "id,kind,kvk,name,registered\n\
                123456782,natural,,,\n\
                NP-1,natural,,Jan Jansen,\n\
                NP-2,natural,01234567,,14-03-1975\n\
                NP-3,persoon,,,\n";
    let e = refused(&mut s, Parties, "parties.csv", text);
    assert!(!e.contains("Jan Jansen") && !e.contains("123456782"), "{e}");
    for expected in [
        "line 2, column `id`: expected a pseudonym, not a BSN",
        "line 3, column `name`: names of natural persons must never be stored; give the party as a pseudonym only (or use --pseudo-key with the birth date); found (hidden)",
        "line 4, column `kvk`: a natural person is given by pseudonym only",
        "line 4, column `registered`: a date is only kept for legal persons",
        "line 5, column `kind`: expected natural or legal (also: natuurlijk persoon, np, rechtspersoon, rp); found `persoon`",
    ] {
        assert!(e.contains(expected), "missing {expected:?} in\n{e}");
    }
}

#[test]
fn person_columns_are_refused_by_name() {
    let mut s = store();
    let e = refused(
        &mut s,
        Parties,
        "parties.csv",
        "id,kind,BSN,Geboortedatum\nNP-1,natural,123456782,01-01-1970\n",
    );
    assert!(
        e.contains("line 1, column `BSN`: this column holds personal data")
            && e.contains("column `Geboortedatum`"),
        "{e}"
    );
}

#[test]
fn problems_name_the_column_as_the_file_writes_it() {
    let mut s = store();
    let e = refused(
        &mut s,
        Parties,
        "partijen.csv",
        "Pseudoniem;Soort;KvK-nummer\n123456782;np;\nRP-1;rechtspersoon;1234\n",
    );
    for expected in [
        "line 2, column `Pseudoniem`: expected a pseudonym, not a BSN",
        "line 3, column `KvK-nummer`: expected a KvK number of 8 digits; found `1234`",
    ] {
        assert!(e.contains(expected), "missing {expected:?} in\n{e}");
    }
}
