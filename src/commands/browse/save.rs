//! Saving a lens tuned in the interface as a new lens file in the user's lens directory: the
//! base lens's own file with a new id and name and the new weights. An existing file is only
//! replaced after the user confirmed.

use std::path::{Path, PathBuf};

use crate::lens::{EMBEDDED, Lens, Origin};
use crate::tui::{SaveError, TunedLens};

/// The text of the file a lens came from.
fn source_text(lens: &Lens) -> Result<String, SaveError> {
    match &lens.origin {
        Origin::Embedded => EMBEDDED
            .iter()
            .find(|(name, _)| name.strip_suffix(".toml") == Some(lens.id.as_str()))
            .map(|(_, text)| (*text).to_owned())
            .ok_or_else(|| SaveError::Failed(format!("no embedded file for lens {}", lens.id))),
        Origin::File(path) => std::fs::read_to_string(path)
            .map_err(|e| SaveError::Failed(format!("{}: {e}", path.display()))),
    }
}

/// The tuned lens as TOML: the base file with `id`, `name` and the weights replaced.
pub fn tuned_toml(base: &Lens, tuned: &TunedLens) -> Result<String, SaveError> {
    let text = source_text(base)?;
    let mut table: toml::Table = text
        .parse()
        .map_err(|e| SaveError::Failed(format!("{e}")))?;
    table.insert("id".into(), toml::Value::String(tuned.id.clone()));
    table.insert(
        "name".into(),
        toml::Value::String(format!("{} (aangepast)", base.name)),
    );
    if let Some(toml::Value::Array(indicators)) = table.get_mut("indicator") {
        for ind in indicators.iter_mut().filter_map(toml::Value::as_table_mut) {
            let id = ind
                .get("id")
                .and_then(toml::Value::as_str)
                .unwrap_or_default()
                .to_owned();
            if let Some((_, w)) = tuned.weights.iter().find(|(i, _)| *i == id) {
                ind.insert("weight".into(), toml::Value::Float(*w));
            }
        }
    }
    toml::to_string(&table).map_err(|e| SaveError::Failed(format!("{e}")))
}

/// Writes the tuned lens to `dir/<id>.toml`; returns the path.
pub fn save(dir: &Path, base: &Lens, tuned: &TunedLens) -> Result<PathBuf, SaveError> {
    let valid = !tuned.id.is_empty()
        && tuned.id.len() <= 64
        && tuned
            .id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
    if !valid {
        return Err(SaveError::Failed(
            "a lens id has only a-z, 0-9, _ and - (at most 64)".into(),
        ));
    }
    let text = tuned_toml(base, tuned)?;
    std::fs::create_dir_all(dir)
        .map_err(|e| SaveError::Failed(format!("{}: {e}", dir.display())))?;
    let path = dir.join(format!("{}.toml", tuned.id));
    if std::fs::symlink_metadata(&path).is_ok() && !tuned.overwrite {
        return Err(SaveError::Exists);
    }
    std::fs::write(&path, text)
        .map_err(|e| SaveError::Failed(format!("{}: {e}", path.display())))?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lens::{LensSource, ValidateOptions, check};

    #[test]
    fn a_saved_lens_is_a_valid_lens_with_the_new_weights_and_is_not_overwritten_silently() {
        let catalogue = crate::lens::load(&crate::lens::LoadOptions::default());
        let base = catalogue.lenses.iter().find(|l| l.id == "hennep").unwrap();
        let first = base.indicators[0].id.clone();
        let tuned = TunedLens {
            base: "hennep".into(),
            id: "hennep_noord".into(),
            weights: vec![(first.clone(), 7.5)],
            overwrite: false,
        };
        let dir = tempfile::tempdir().unwrap();
        let path = save(dir.path(), base, &tuned).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let checked = check(
            &LensSource {
                text: &text,
                file: "hennep_noord.toml",
                stem: "hennep_noord",
                origin: Origin::File(path.clone()),
            },
            &ValidateOptions::default(),
        );
        let lens = checked
            .lens
            .unwrap_or_else(|| panic!("{:?}", checked.problems));
        assert_eq!(lens.id, "hennep_noord");
        assert_eq!(lens.indicators[0].weight, 7.5);
        assert_eq!(lens.indicators[1].weight, base.indicators[1].weight);
        assert_eq!(save(dir.path(), base, &tuned), Err(SaveError::Exists));
        assert!(
            save(
                dir.path(),
                base,
                &TunedLens {
                    overwrite: true,
                    ..tuned.clone()
                }
            )
            .is_ok()
        );
        assert!(
            save(
                dir.path(),
                base,
                &TunedLens {
                    id: "../x".into(),
                    ..tuned
                }
            )
            .is_err()
        );
    }
}
