//! `planted.json`: the list of patterns the generator planted on purpose, so tests and demos
//! can check that the lenses find them.

use serde::{Deserialize, Serialize};

/// The whole manifest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// The seed the files were generated with.
    pub seed: u64,
    /// `demo`, `region` or `national`.
    pub scale: String,
    /// The planted patterns.
    pub patterns: Vec<Pattern>,
}

/// One planted pattern.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pattern {
    /// Stable id, e.g. `hennep-cluster`.
    pub id: String,
    /// What was planted, in Dutch.
    pub description: String,
    /// The lens that should find it.
    pub lens: String,
    /// The buurt it lies in.
    pub area: String,
    /// The entities involved.
    pub entities: Vec<EntityRef>,
}

/// A reference to an entity in the generated files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityRef {
    /// `address`, `business` or `party`.
    pub kind: String,
    /// Its key in the file.
    pub id: String,
}

impl EntityRef {
    /// An address reference.
    pub fn address(id: &str) -> Self {
        EntityRef {
            kind: "address".into(),
            id: id.into(),
        }
    }
    /// A business reference (vestigingsnummer).
    pub fn business(id: &str) -> Self {
        EntityRef {
            kind: "business".into(),
            id: id.into(),
        }
    }
    /// A party reference.
    pub fn party(id: &str) -> Self {
        EntityRef {
            kind: "party".into(),
            id: id.into(),
        }
    }
}
