//! Lens files: every shipped lens validates, the embedded list matches `lenses/`, and the
//! error messages name the place and the near miss.

use std::collections::BTreeSet;

use schouw::lens::{self, Checked, LensSource, Origin, Problem, Rule, ValidateOptions};

const GOOD: &str = r#"
id = "proef"
name = "Proeflens"
description = "Alleen voor tests: patroon, geen bewijs."
level = "buurt"
compare_within = "gemeente"
min_population = 10
version = "2025-06"

[[indicator]]
id = "huur"
label = "Huurwoningen (%)"
stat = "p_huurw"
direction = "higher_is_riskier"
weight = 1

[[indicator]]
id = "veel"
label = "Adressen met veel bedrijven per 100 adressen"
flagged = "veel_inschrijvingen"
per = { entity = "address" }
scale = 100
direction = "higher_is_riskier"
weight = 2
normalization = "robust_z"

[[flag]]
id = "veel_inschrijvingen"
label = "5 of meer bedrijven op één adres"
rule = { businesses_at_address = { min = 5 } }
"#;

fn check_text(text: &str) -> Checked {
    check_with(text, &ValidateOptions::default())
}

fn check_with(text: &str, options: &ValidateOptions) -> Checked {
    lens::check(
        &LensSource {
            text,
            file: "proef.toml",
            stem: "proef",
            origin: Origin::Embedded,
        },
        options,
    )
}

fn errors(c: &Checked) -> Vec<&Problem> {
    c.errors().collect()
}

/// The single error whose message contains `needle`.
fn the_error<'a>(c: &'a Checked, needle: &str) -> &'a Problem {
    let found: Vec<&Problem> = c.errors().filter(|p| p.message.contains(needle)).collect();
    assert_eq!(
        found.len(),
        1,
        "expected one error with {needle:?}, got {:#?}",
        c.problems
    );
    found[0]
}

#[test]
fn a_good_lens_validates_into_typed_values() {
    let c = check_text(GOOD);
    assert!(c.problems.is_empty(), "{:#?}", c.problems);
    let l = c.lens.expect("lens");
    assert_eq!(l.id, "proef");
    assert_eq!(l.version, "2025-06");
    assert_eq!(l.indicators.len(), 2);
    assert_eq!(l.indicators[0].scale, 1.0);
    assert_eq!(l.stat_keys(), vec!["p_huurw"]);
    assert_eq!(l.flags[0].rule, Rule::BusinessesAtAddress { min: 5 });
    assert_eq!(l.weights(), vec![1.0, 2.0]);
}

#[test]
fn unknown_indicator_field_is_named_with_place_and_suggestion() {
    let text = GOOD.replace("weight = 2\n", "weight = 2\nwieght = 3\n");
    let c = check_text(&text);
    assert!(c.lens.is_none());
    let p = the_error(&c, "wieght");
    assert_eq!(p.hint.as_deref(), Some("did you mean `weight`?"));
    let line = text.lines().position(|l| l.starts_with("wieght")).unwrap() + 1;
    assert_eq!(p.line, Some(line), "{p}");
    assert_eq!(p.column, Some(1));
    assert!(
        p.to_string()
            .starts_with(&format!("proef.toml:{line}:1: error: ")),
        "{p}"
    );
}

#[test]
fn unknown_stat_key_suggests_the_nearest_kwb_key() {
    let c = check_text(&GOOD.replace("\"p_huurw\"", "\"a_inww\""));
    let p = the_error(&c, "a_inww");
    assert_eq!(p.hint.as_deref(), Some("did you mean `a_inw`?"));
    assert_eq!(p.line, Some(13));
    assert_eq!(p.column, Some(8));
}

#[test]
fn stat_keys_reported_by_a_database_are_accepted() {
    let text = GOOD.replace("\"p_huurw\"", "\"ses_woa\"");
    assert!(check_text(&text).has_errors());
    let options = ValidateOptions {
        extra_stat_keys: BTreeSet::from(["ses_woa".to_string()]),
        sbi_codes: None,
    };
    assert!(!check_with(&text, &options).has_errors());
}

#[test]
fn unknown_rule_suggests_the_nearest_rule() {
    let c = check_text(&GOOD.replace("businesses_at_address", "business_at_adress"));
    let p = the_error(&c, "business_at_adress");
    assert_eq!(
        p.hint.as_deref(),
        Some("did you mean `businesses_at_address`?")
    );
    assert!(p.line.is_some());
    // The flag failed to read, but the indicator that names it is not blamed for that.
    assert_eq!(errors(&c).len(), 1, "{:#?}", c.problems);
}

#[test]
fn weight_zero_or_negative_is_an_error() {
    for w in ["0", "-1", "-0.5"] {
        let c = check_text(&GOOD.replace("weight = 2", &format!("weight = {w}")));
        let p = the_error(&c, "`weight` must be greater than 0");
        assert_eq!(p.line, Some(24));
    }
}

#[test]
fn duplicate_ids_are_errors_pointing_at_the_first_use() {
    let c = check_text(&GOOD.replace("id = \"veel\"", "id = \"huur\""));
    let p = the_error(&c, "duplicate indicator id `huur`");
    assert!(p.message.contains("first used on line 11"), "{p}");
    assert_eq!(p.line, Some(18));
    let dup_flag = format!(
        "{GOOD}\n[[flag]]\nid = \"veel_inschrijvingen\"\nlabel = \"x\"\nrule = {{ transfers = {{ min = 3, within_months = 12 }} }}\n"
    );
    the_error(&check_text(&dup_flag), "duplicate flag id");
}

#[test]
fn flagged_must_name_a_flag_of_the_lens() {
    let c = check_text(&GOOD.replace(
        "flagged = \"veel_inschrijvingen\"",
        "flagged = \"veel_inschrijving\"",
    ));
    let p = the_error(&c, "names no flag");
    assert_eq!(
        p.hint.as_deref(),
        Some("did you mean `veel_inschrijvingen`?")
    );
}

#[test]
fn id_must_equal_the_file_stem() {
    let c = check_text(&GOOD.replace("id = \"proef\"", "id = \"andere\""));
    let p = the_error(&c, "differs from the file name");
    assert_eq!((p.line, p.column), (Some(2), Some(6)));
}

#[test]
fn all_problems_of_a_file_are_collected() {
    let text = GOOD
        .replace("level = \"buurt\"", "level = \"buur\"\ncolour = \"rood\"")
        .replace("\"p_huurw\"", "\"p_huurww\"")
        .replace("weight = 2", "weight = 0")
        .replace("min = 5", "min = 0");
    let c = check_text(&text);
    let msgs: Vec<String> = c.errors().map(|p| p.to_string()).collect();
    assert_eq!(msgs.len(), 5, "{msgs:#?}");
    assert!(
        msgs[0].contains("buur") && msgs[0].contains("did you mean `buurt`?"),
        "{msgs:#?}"
    );
    assert!(msgs[1].contains("colour"), "{msgs:#?}");
    assert!(msgs[2].contains("p_huurww"), "{msgs:#?}");
    assert!(msgs[3].contains("weight"), "{msgs:#?}");
    assert!(msgs[4].contains("`min` must be at least 1"), "{msgs:#?}");
    // Sorted by place, every one with a line and column.
    assert!(
        c.problems
            .iter()
            .all(|p| p.line.is_some() && p.column.is_some())
    );
}

#[test]
fn problems_after_an_unknown_field_in_the_same_table_are_still_found() {
    let text = GOOD
        .replace("weight = 2\n", "weight = 2\nwieght = 3\n")
        .replace(
            "per = { entity = \"address\" }",
            "per = { entity = \"address\", usee = [\"woonfunctie\"] }",
        )
        .replace("flagged = \"veel_inschrijvingen\"", "flagged = \"veel\"");
    let c = check_text(&text);
    let msgs: Vec<String> = c.errors().map(|p| p.to_string()).collect();
    assert_eq!(msgs.len(), 3, "{msgs:#?}");
    assert!(msgs[0].contains("names no flag"), "{msgs:#?}");
    assert!(
        msgs[1].contains("`usee`") && msgs[1].contains("did you mean `use`?"),
        "{msgs:#?}"
    );
    assert!(msgs[2].contains("`wieght`"), "{msgs:#?}");
}

#[test]
fn syntax_errors_have_a_place() {
    let c = check_text("id = \"proef\"\nname = \"x\n");
    assert_eq!(c.problems.len(), 1);
    assert_eq!(c.problems[0].line, Some(2), "{}", c.problems[0]);
}

#[test]
fn missing_keys_and_sources_are_explained() {
    let c = check_text("id = \"proef\"\n");
    for key in ["name", "description", "level", "version"] {
        the_error(&c, &format!("missing `{key}`"));
    }
    the_error(&c, "[[indicator]]");
    let c = check_text(&GOOD.replace("stat = \"p_huurw\"\n", ""));
    the_error(&c, "has no source");
    let c = check_text(&GOOD.replace(
        "stat = \"p_huurw\"\n",
        "stat = \"p_huurw\"\nflagged = \"veel_inschrijvingen\"\n",
    ));
    the_error(&c, "more than one source");
}

#[test]
fn filters_must_fit_the_entity_and_sbi_prefixes_are_digits() {
    let text = GOOD.replace(
        "per = { entity = \"address\" }",
        "per = { entity = \"address\", sbi_prefix = [\"96.02\"] }",
    );
    the_error(&check_text(&text), "does not filter `address` counts");
    let text = GOOD.replace(
        "per = { entity = \"address\" }",
        "per = { entity = \"business\", sbi_prefix = [\"96.02\", \"123456\"] }",
    );
    let c = check_text(&text);
    let p = the_error(&c, "`96.02` must be 1 to 5 digits");
    assert_eq!(p.hint.as_deref(), Some("did you mean `9602`?"));
    the_error(&c, "`123456` must be 1 to 5 digits");
    let c = check_text(&GOOD.replace("entity = \"address\"", "entity = \"adress\""));
    assert_eq!(
        the_error(&c, "unknown entity").hint.as_deref(),
        Some("did you mean `address`?")
    );
}

#[test]
fn unknown_sbi_codes_and_signal_kinds_are_warnings() {
    let text = GOOD.replace(
        "per = { entity = \"address\" }",
        "per = { entity = \"business\", sbi_prefix = [\"9602\", \"9999\"] }",
    ) + "\n[[flag]]\nid = \"lab\"\nlabel = \"x\"\nrule = { signals = { kind = [\"drugslabb\"] } }\n";
    let options = ValidateOptions {
        extra_stat_keys: BTreeSet::new(),
        sbi_codes: Some(BTreeSet::from(["96021".to_string(), "4742".to_string()])),
    };
    let c = check_with(&text, &options);
    assert!(!c.has_errors(), "{:#?}", c.problems);
    assert!(c.lens.is_some());
    let warnings: Vec<&Problem> = c.warnings().collect();
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    assert!(warnings[0].message.contains("`9999`"));
    assert_eq!(
        warnings[1].hint.as_deref(),
        Some("did you mean `drugslab`?")
    );
}

#[test]
fn all_and_any_must_concern_one_kind_of_entity() {
    let text = format!(
        "{GOOD}\n[[flag]]\nid = \"mix\"\nlabel = \"x\"\nrule = {{ all = [ {{ transfers = {{ min = 2, within_months = 6 }} }}, {{ party_links = {{ min_businesses = 3 }} }} ] }}\n"
    );
    the_error(&check_text(&text), "same kind of entity");
    let text = format!(
        "{GOOD}\n[[flag]]\nid = \"abc\"\nlabel = \"x\"\nrule = {{ any = [ {{ transfers = {{ min = 2, within_months = 6 }} }}, {{ young_legal_owner = {{ max_age_months = 12 }} }} ] }}\n"
    );
    let c = check_text(&text);
    assert!(!c.has_errors(), "{:#?}", c.problems);
}

#[test]
fn every_shipped_lens_validates_without_problems() {
    let checked = lens::check_embedded(&ValidateOptions::default());
    assert!(checked.len() >= 9, "only {} lenses", checked.len());
    for c in &checked {
        assert!(c.problems.is_empty(), "{:#?}", c.problems);
        let l = c.lens.as_ref().expect("lens");
        assert!(
            l.description.contains("geen bewijs"),
            "{}: say it is a pattern, not proof",
            l.id
        );
    }
    // The same files, read from disk.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/lenses");
    let from_disk = lens::check_path(std::path::Path::new(dir), &ValidateOptions::default());
    assert_eq!(from_disk.len(), checked.len());
    assert!(from_disk.iter().all(|c| !c.has_errors()));
}

#[test]
fn the_embedded_list_matches_the_lenses_directory() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/lenses");
    let mut on_disk: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    on_disk.sort();
    let embedded: Vec<(String, String)> = lens::EMBEDDED
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    assert_eq!(
        embedded.iter().map(|e| &e.0).collect::<Vec<_>>(),
        on_disk.iter().map(|e| &e.0).collect::<Vec<_>>(),
        "add every lenses/*.toml to src/lens/embedded.rs, sorted by name"
    );
    assert_eq!(embedded, on_disk);
}

#[test]
fn later_sources_override_earlier_ones_by_id() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/lenses/hennep.toml"))
        .unwrap()
        .replace("version = 1", "version = 99");
    std::fs::write(dir.path().join("hennep.toml"), text).unwrap();
    std::fs::write(dir.path().join("kapot.toml"), "id = \"kapot\"\n").unwrap();
    let options = lens::LoadOptions {
        user_dir: None,
        extra_dirs: vec![dir.path().to_path_buf()],
        validate: ValidateOptions::default(),
    };
    let cat = lens::load(&options);
    let hennep = cat.get("hennep").unwrap();
    assert_eq!(hennep.version, "99");
    assert_eq!(hennep.origin, Origin::File(dir.path().join("hennep.toml")));
    assert!(cat.get("kapot").is_none());
    assert!(cat.has_errors());
    assert!(cat.lenses.windows(2).all(|w| w[0].id < w[1].id));
}

/// With the real SBI 2008 list (when the shared data is present), every SBI prefix of the
/// shipped lenses starts a known code.
#[test]
fn shipped_sbi_prefixes_exist_in_the_real_sbi_list() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/sbi/sbi2008_versie2018.csv"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        return;
    };
    let codes: BTreeSet<String> = text
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').nth(1))
        .map(str::to_string)
        .collect();
    let options = ValidateOptions {
        extra_stat_keys: BTreeSet::new(),
        sbi_codes: Some(codes),
    };
    for c in lens::check_embedded(&options) {
        assert!(c.problems.is_empty(), "{:#?}", c.problems);
    }
}
