//! `schouw lens check` and `schouw lens list` as a user runs them.

use std::process::Command;

fn schouw(args: &[&str], config_home: &std::path::Path) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_schouw"))
        .args(args)
        .env("XDG_CONFIG_HOME", config_home)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn check_passes_the_embedded_lenses_and_fails_a_bad_file_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, text) = schouw(&["lens", "check"], dir.path());
    assert!(ok, "{text}");
    assert!(text.contains("0 error(s)"), "{text}");

    let bad = dir.path().join("proef.toml");
    std::fs::write(
        &bad,
        "id = \"proef\"\nname = \"P\"\ndescription = \"patroon, geen bewijs\"\nlevel = \"buurt\"\nversion = 1\n\n[[indicator]]\nid = \"x\"\nlabel = \"x\"\nstat = \"a_inww\"\ndirection = \"higher_is_riskier\"\nweight = 1\n",
    )
    .unwrap();
    let (ok, text) = schouw(&["lens", "check", bad.to_str().unwrap()], dir.path());
    assert!(!ok, "{text}");
    assert!(
        text.contains("proef.toml:10:8: error: unknown statistic `a_inww`"),
        "{text}"
    );
    assert!(text.contains("did you mean `a_inw`?"), "{text}");
}

#[test]
fn list_shows_origins_and_user_overrides() {
    let dir = tempfile::tempdir().unwrap();
    let user = dir.path().join("schouw").join("lenses");
    std::fs::create_dir_all(&user).unwrap();
    let hennep =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/lenses/hennep.toml"))
            .unwrap()
            .replace("version = 1", "version = \"eigen-2\"");
    std::fs::write(user.join("hennep.toml"), hennep).unwrap();
    let (ok, text) = schouw(&["lens", "list"], dir.path());
    assert!(ok, "{text}");
    let line = text.lines().find(|l| l.starts_with("hennep ")).unwrap();
    assert!(
        line.contains("eigen-2") && line.contains("hennep.toml"),
        "{line}"
    );
    let line = text.lines().find(|l| l.starts_with("vastgoed ")).unwrap();
    assert!(line.ends_with("embedded"), "{line}");
}
