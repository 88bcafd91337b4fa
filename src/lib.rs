//! schouw: a keyboard-driven terminal tool for analysts of Dutch municipalities and RIECs who
//! map ondermijnende criminaliteit per buurt.
//!
//! Data flows one way:
//!
//! ```text
//! CSV files ──import──▶ SQLite (store) ──query──▶ indicator values ──score──▶ ranking + explanations
//!                                    ╰──paged entity queries──────────────────────▶ TUI drill-down
//! lens files (lenses/, embedded + user dirs) ──parse/validate──▶ Lens ──▶ score, flags
//! ```
//!
//! Rooms: [`cli`] (argument types) and [`commands`] (the only place that wires the others
//! together); [`model`] (validated identifiers and records, no I/O); [`import`] (the only room
//! that reads CSV); [`store`] (the only room with SQL); [`generate`] (the synthetic demo region);
//! [`sanitize`] (the one filter between data and the terminal); [`lens`] (lens files: format,
//! validation, catalogue) and [`score`] (pure scoring: normalisation, composite, ranking,
//! explanation); [`audit`] (the hash-chained audit log); [`export`] (safe CSV writing);
//! [`hygiene`] (core dumps, configuration); [`pseudo`] (keyed pseudonyms of raw identifiers at
//! import); [`search`] (fuzzy ranking); [`tui`] (the terminal interface).

pub mod audit;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod export;
pub mod generate;
pub mod hygiene;
pub mod import;
pub mod lens;
pub mod model;
pub mod pseudo;
pub mod sanitize;
pub mod score;
pub mod search;
pub mod store;
pub mod tui;
