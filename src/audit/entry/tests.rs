//! Tests of audit entries: objects round-trip, free text and bad hashes are refused.

use super::*;

#[test]
fn objects_round_trip_and_refuse_free_text() {
    for o in [
        Object::None,
        Object::Database,
        Object::File,
        Object::Area("BU0363AD03".into()),
        Object::Party("P-000123".into()),
        Object::Signal("17".into()),
        Object::Reason(Reason::Idle),
    ] {
        assert_eq!(Object::parse(&o.to_stored()), Some(o));
    }
    assert_eq!(Object::parse("area:Jan Jansen"), None);
    assert_eq!(Object::parse("person:1"), None);
    assert_eq!(Object::parse("reason:boredom"), None);
    let free = Entry::new(
        Action::SearchOpen,
        Object::Address("Keizersgracht 1".into()),
        Outcome::Ok,
    );
    assert!(free.check().is_err());
    let long = Entry::new(
        Action::OpenEntity,
        Object::Party("x".repeat(65)),
        Outcome::Ok,
    );
    assert!(long.check().is_err());
}

#[test]
fn purposes_lenses_and_hashes_are_checked() {
    let e = || {
        Entry::new(
            Action::OpenEntity,
            Object::Business("000012345678".into()),
            Outcome::Ok,
        )
    };
    assert!(e().with_purpose("zaak 2026-017").check().is_ok());
    assert!(e().with_purpose(" zaak").check().is_err());
    assert!(e().with_purpose("").check().is_err());
    assert!(e().with_purpose(&"x".repeat(121)).check().is_err());
    assert!(e().with_purpose("a\u{200B}b").check().is_err());
    assert!(
        e().with_lens("ondermijning_basis", "v2 concept")
            .check()
            .is_ok()
    );
    assert!(e().with_lens("Ondermijning basis", "3").check().is_err());
    assert!(e().with_lens("x", "3\n").check().is_err());
    assert!(e().with_file(Some(1), &"a".repeat(64)).check().is_ok());
    assert!(e().with_file(Some(1), &"A".repeat(64)).check().is_err());
    for a in Action::ALL {
        assert_eq!(Action::parse(a.as_str()), Some(a));
    }
    assert_eq!(Outcome::parse("refused"), Some(Outcome::Refused));
}
