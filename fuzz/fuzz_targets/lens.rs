//! Bytes as a lens file: parsing and validation never panic, a lens comes out only without
//! errors, every problem points into the text, and its message is safe to show.
#![no_main]

use libfuzzer_sys::fuzz_target;
use schouw::lens::{LensSource, Origin, ValidateOptions, check};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let checked = check(
        &LensSource {
            text,
            file: "fuzz.toml",
            stem: "fuzz",
            origin: Origin::Embedded,
        },
        &ValidateOptions::default(),
    );
    assert_eq!(checked.lens.is_some(), !checked.has_errors());
    let lines = text.lines().count() + 1;
    for p in &checked.problems {
        if let Some(line) = p.line {
            assert!(line <= lines, "problem on line {line} of {lines}");
        }
        let shown = schouw::sanitize::line(&p.to_string());
        assert!(!shown.chars().any(schouw::sanitize::is_unsafe));
    }
});
