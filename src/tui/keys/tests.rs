//! Tests of key dispatch, help and footer over the default table.

use super::*;
use Action as A;

fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, mods)
}

#[test]
fn vim_keys_and_arrows_both_work() {
    let n = [Lenses, Global];
    let none = KeyModifiers::NONE;
    assert_eq!(action(&n, &press(KeyCode::Char('j'), none)), Some(A::Down));
    assert_eq!(action(&n, &press(KeyCode::Down, none)), Some(A::Down));
    assert_eq!(
        action(&n, &press(KeyCode::Char('G'), KeyModifiers::SHIFT)),
        Some(A::Bottom)
    );
    assert_eq!(
        action(&n, &press(KeyCode::Char('d'), KeyModifiers::CONTROL)),
        Some(A::HalfDown)
    );
    assert_eq!(
        action(&n, &press(KeyCode::Char('p'), KeyModifiers::CONTROL)),
        Some(A::Finder)
    );
    assert_eq!(action(&n, &press(KeyCode::Esc, none)), Some(A::Back));
    assert_eq!(action(&n, &press(KeyCode::F(1), none)), None);
}

#[test]
fn prompts_type_characters() {
    let p = [Prompt];
    let none = KeyModifiers::NONE;
    assert_eq!(
        action(&p, &press(KeyCode::Char('q'), none)),
        Some(A::Input('q'))
    );
    assert_eq!(action(&p, &press(KeyCode::Esc, none)), Some(A::Cancel));
    assert_eq!(
        action(&[Confirm], &press(KeyCode::Char('x'), none)),
        Some(A::No)
    );
    assert_eq!(
        action(&[Confirm], &press(KeyCode::Char('j'), none)),
        Some(A::Yes)
    );
}

#[test]
fn releases_are_ignored() {
    let mut ev = press(KeyCode::Char('j'), KeyModifiers::NONE);
    ev.kind = KeyEventKind::Release;
    assert_eq!(action(&[Global], &ev), None);
}

#[test]
fn no_key_is_bound_twice_in_one_context() {
    for (i, a) in TABLE.iter().enumerate() {
        for b in &TABLE[i + 1..] {
            if a.ctx == b.ctx {
                for k in a.keys {
                    assert!(!b.keys.contains(k), "{k:?} twice in {:?}", a.ctx);
                }
            }
        }
    }
}

#[test]
fn help_and_footer_come_from_the_table() {
    let h = help(&[LensDetail, Global], Lang::Nl);
    assert!(
        h.iter()
            .any(|(_, k, t)| k == "+/=" && *t == "gewicht omhoog")
    );
    assert!(h.iter().any(|(_, k, _)| k == "Esc/Bksp"));
    let f = footer(&[Lenses, Global], Lang::En);
    assert!(f.iter().any(|h| h.key == "?" && h.label == "help"));
    for (k, _, _) in help(&[Global], Lang::Nl).iter().map(|(c, k, t)| (k, c, t)) {
        assert!(k.is_ascii());
    }
}
