//! Import: one source profile per kind of file. Reading, decoding and delimiter handling live in
//! [`reader`]; each profile maps columns, validates every value once and hands typed records to
//! the store inside one transaction.

pub mod reader;
