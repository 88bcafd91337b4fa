//! Tests of raw identifiers at import: parties, roles, ownership and signals read with a
//! pseudonymisation key, through real files.

use crate::cli::ImportKind::{self, Addresses, Businesses, Ownership, Parties, Roles, Signals};
use crate::import::test_support::{import, options, refused, seed_areas, store, stored, value};
use crate::import::{ImportError, Outcome, Summary, import_file};
use crate::pseudo::{self, PseudoKey};
use crate::store::Store;

fn key(byte: u8) -> PseudoKey {
    PseudoKey::from_bytes(vec![byte; 32]).unwrap()
}

fn import_keyed(
    s: &mut Store,
    kind: ImportKind,
    name: &str,
    text: &str,
    key: &PseudoKey,
) -> Result<Summary, ImportError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    let mut opts = options();
    opts.pseudo_key = Some(key.clone());
    match import_file(s, kind, &path, &opts, &mut |_, _| {})? {
        Outcome::Imported(summary) => Ok(summary),
        Outcome::AlreadyImported(p) => panic!("already imported: {p:?}"),
    }
}

fn refused_keyed(s: &mut Store, kind: ImportKind, text: &str, key: &PseudoKey) -> String {
    let before = s.info().unwrap();
    let e = import_keyed(s, kind, "file.csv", text, key)
        .expect_err("the import should be refused")
        .to_string();
    assert_eq!(s.info().unwrap(), before, "the database changed");
    e
}

fn with_address() -> Store {
    let mut s = store();
    import(
        &mut s,
        Addresses,
        "addresses.csv",
        "id,street,number\n0363200000081086,Damrak,1\n",
    )
    .unwrap();
    s
}

const BSN: &str = "123456782";

#[test]
fn the_same_key_links_a_bsn_across_parties_and_ownership() {
    let k = key(1);
    let mut s = with_address();
    let summary = import_keyed(
        &mut s,
        Parties,
        "parties.csv",
        "bsn;soort\n1234.56.782;natuurlijk persoon\n111222333;np\n",
        &k,
    )
    .unwrap();
    assert!(
        summary.notes.iter().any(|n| n.contains(&format!(
            "2 pseudonym(s) made from raw identifiers with key {}",
            k.fingerprint()
        ))),
        "{:?}",
        summary.notes
    );
    let expected = pseudo::pseudonym(&k, BSN);
    let parties = stored(&s, "parties");
    assert_eq!(value(&parties[0], "id"), Some(expected.as_str()));
    assert_eq!(value(&parties[0], "kind"), Some("natural"));
    import_keyed(
        &mut s,
        Ownership,
        "ownership.csv",
        &format!("address_id,party,acquired\n0363200000081086,{BSN},2020-01-01\n"),
        &k,
    )
    .unwrap();
    let owned = stored(&s, "ownership");
    assert_eq!(value(&owned[0], "party_id"), Some(expected.as_str()));
}

#[test]
fn a_different_key_gives_an_unlinkable_pseudonym() {
    let mut s = with_address();
    import_keyed(
        &mut s,
        Parties,
        "parties.csv",
        "bsn,kind\n123456782,natural\n",
        &key(1),
    )
    .unwrap();
    let e = refused_keyed(
        &mut s,
        Ownership,
        "address_id,party,acquired\n0363200000081086,123456782,2020-01-01\n",
        &key(2),
    );
    let other = pseudo::pseudonym(&key(2), BSN);
    assert!(
        e.contains(&format!("party {other} is not in the database")),
        "{e}"
    );
    assert_ne!(other, pseudo::pseudonym(&key(1), BSN));
    assert!(!e.contains(BSN), "{e}");
}

#[test]
fn names_with_birth_dates_ignore_case_and_spacing_and_match_their_parts() {
    let k = key(3);
    let mut s = with_address();
    import_keyed(
        &mut s,
        Parties,
        "parties.csv",
        "id,naam,kind,geboortedatum\n,\"  Jan  van der BERG \",natural,31-01-1970\nRP-1,Holding B.V.,legal,\n",
        &k,
    )
    .unwrap();
    let expected = pseudo::pseudonym(&k, "jan van der berg\x1f1970-01-31");
    let parties = stored(&s, "parties");
    assert_eq!(value(&parties[0], "id"), Some(expected.as_str()));
    assert_eq!(value(&parties[0], "name"), None);
    assert_eq!(value(&parties[1], "name"), Some("Holding B.V."));
    import_keyed(
        &mut s,
        Ownership,
        "ownership.csv",
        "address_id,party,voornamen,tussenvoegsel,achternaam,geboortedatum,acquired\n\
         0363200000081086,,Jan,Van der,Berg,1970-01-31,2020-01-01\n",
        &k,
    )
    .unwrap();
    let owned = stored(&s, "ownership");
    assert_eq!(value(&owned[0], "party_id"), Some(expected.as_str()));
}

#[test]
fn roles_and_signals_take_a_bsn_for_the_party() {
    let k = key(4);
    let mut s = store();
    seed_areas(&mut s, &["GM0363", "WK036300", "BU03630000"]);
    import(
        &mut s,
        Businesses,
        "businesses.csv",
        "vestigingsnummer,kvk,handelsnaam\n000012345678,01234567,Bakkerij\n",
    )
    .unwrap();
    import_keyed(
        &mut s,
        Parties,
        "parties.csv",
        "bsn,kind\n123456782,natural\n",
        &k,
    )
    .unwrap();
    import_keyed(
        &mut s,
        Roles,
        "roles.csv",
        "party,kvk,role\n123456782,01234567,bestuurder\n",
        &k,
    )
    .unwrap();
    import_keyed(
        &mut s,
        Signals,
        "signals.csv",
        "id,source,kind,date,entity_kind,entity_id\nS1,politie,overlast,2024-01-01,party,123456782\n",
        &k,
    )
    .unwrap();
    let expected = pseudo::pseudonym(&k, BSN);
    assert_eq!(
        value(&stored(&s, "roles")[0], "party_id"),
        Some(expected.as_str())
    );
    assert_eq!(
        value(&stored(&s, "signals")[0], "entity_id"),
        Some(expected.as_str())
    );
}

#[test]
fn problems_with_raw_identifiers_never_show_them() {
    let k = key(5);
    let mut s = store();
    let e = refused_keyed(
        &mut s,
        Parties,
        "id,bsn,naam,geboortedatum,kind\n\
         ,123456789,,,natural\n\
         NP-1,123456782,,,natural\n\
         ,111222333,,,legal\n\
         ,,Piet Puk,,natural\n\
         ,,Piet Puk,30-02-1970,natural\n\
         ,,,1970-01-01,natural\n\
         ,,,,natural\n",
        &k,
    );
    for expected in [
        "line 2, column `bsn`: expected a BSN that passes the 11-proef; this number does not, so it was mistyped or is not a BSN; found (hidden)",
        "line 3, column `id`: give either a pseudonym or raw identifiers with --pseudo-key, not both; found (hidden)",
        "line 4: raw identifiers (BSN, name with birth date) are only for natural persons",
        "line 5, column `naam`: a name is pseudonymised together with the birth date; give `geboortedatum` as well, or a BSN; found (hidden)",
        "line 6, column `geboortedatum`: expected a birth date like 1970-01-31 or 31-01-1970; found (hidden)",
        "line 7, column `geboortedatum`: a birth date is pseudonymised together with the person's name",
        "line 8, column `id`: a value is required",
    ] {
        assert!(e.contains(expected), "missing {expected:?} in\n{e}");
    }
    for secret in [
        "123456789",
        "123456782",
        "111222333",
        "Piet",
        "Puk",
        "30-02-1970",
        "1970-01-01",
    ] {
        assert!(!e.contains(secret), "{secret} shown in\n{e}");
    }
}

#[test]
fn without_a_key_raw_identifiers_are_refused_and_not_shown() {
    let mut s = with_address();
    let e = refused(
        &mut s,
        Parties,
        "parties.csv",
        "id,kind,bsn\nNP-1,natural,123456782\n",
    );
    assert!(
        e.contains("column `bsn`: this column holds personal data"),
        "{e}"
    );
    let e = refused(
        &mut s,
        Parties,
        "parties.csv",
        "id,kind\n123456782,natural\n",
    );
    assert!(
        e.contains("expected a pseudonym, not a BSN")
            && e.contains("--pseudo-key")
            && !e.contains(BSN),
        "{e}"
    );
    import(&mut s, Parties, "parties.csv", "id,kind\nNP-1,natural\n").unwrap();
    let e = refused(
        &mut s,
        Ownership,
        "ownership.csv",
        "address_id,party,acquired,geboortedatum\n0363200000081086,NP-1,2020-01-01,1970-01-01\n",
    );
    assert!(
        e.contains("column `geboortedatum`: this column holds personal data"),
        "{e}"
    );
}

#[test]
fn the_key_is_refused_for_other_kinds() {
    let mut s = store();
    let e = refused_keyed(
        &mut s,
        Addresses,
        "id,street,number\n0363200000081086,Damrak,1\n",
        &key(6),
    );
    assert!(
        e.contains("--pseudo-key is only for parties, roles, ownership and signals"),
        "{e}"
    );
}
