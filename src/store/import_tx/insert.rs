//! Running the inserts of an import: each statement is prepared once per import and kept. In a
//! bulk load the upsert clause is cut (a plain insert is cheaper). When a new version replaces
//! an earlier one, each row first tries to take over an identical row of the earlier version
//! (an `UPDATE` of its source and line only), so that rows that came back unchanged are
//! counted apart from rows that changed.

use rusqlite::{Statement, ToSql};

use super::{ImportTx, PutError};
use crate::store::open::{Context, StoreError};

/// A prepared insert kept for the whole import (see [`ImportTx::run`]).
pub(super) struct Insert<'a> {
    /// Address and length of the SQL text it was prepared from.
    key: (usize, usize),
    stmt: Statement<'a>,
    /// Whether the upsert clause was cut for a bulk load.
    bulk: bool,
    /// When replacing an earlier version: the statement that takes over an identical row of
    /// it, and how many of the insert's parameters it binds.
    take_over: Option<(Statement<'a>, usize)>,
}

impl<'a> ImportTx<'a> {
    /// Runs one insert. In a bulk load (the table was empty and no earlier version exists) a
    /// key can only clash with an earlier row of this same file, so the upsert clause is
    /// dropped: a plain insert is cheaper, and its unique-key failure reads as "0 rows
    /// changed", which [`Self::check_dup`] turns into a duplicate with its first line.
    /// `params` bind `?1`, `?2`, … in order.
    pub(super) fn run(&self, sql: &'static str, params: &[&dyn ToSql]) -> Result<usize, PutError> {
        let mut inserts = self.inserts.borrow_mut();
        let key = (sql.as_ptr() as usize, sql.len());
        let at = match inserts.iter().position(|i| i.key == key) {
            Some(at) => at,
            None => {
                let insert = self.prepare_insert(key, sql)?;
                inserts.push(insert);
                inserts.len() - 1
            }
        };
        let Insert {
            stmt,
            bulk,
            take_over,
            ..
        } = &mut inserts[at];
        if let Some((take, count)) = take_over {
            let taken = params
                .iter()
                .take(*count)
                .enumerate()
                .try_for_each(|(i, p)| take.raw_bind_parameter(i + 1, *p))
                .and_then(|()| take.raw_execute())
                .map_err(store_error)?;
            if taken > 0 {
                self.unchanged.set(self.unchanged.get() + taken as u64);
                return Ok(taken);
            }
        }
        let n = match stmt.execute(params) {
            Ok(n) => n,
            Err(e) if *bulk && is_unique_violation(&e) => 0,
            Err(e) => return Err(store_error(e)),
        };
        self.written.set(self.written.get() + n as u64);
        Ok(n)
    }

    /// Prepares an insert: without its upsert clause in a bulk load, with its take-over
    /// statement when an earlier version is being replaced.
    fn prepare_insert(&self, key: (usize, usize), sql: &str) -> Result<Insert<'a>, PutError> {
        let bulk = sql
            .strip_prefix("INSERT INTO ")
            .and_then(|rest| rest.split('(').next())
            .is_some_and(|table| self.bulk.contains(&table));
        // (An upsert clause with parameters of its own is kept: its parameters must still bind.)
        let cut = sql
            .find(" ON CONFLICT")
            .filter(|&at| bulk && !sql[at..].contains('?'));
        let stmt = self
            .conn
            .prepare(cut.map_or(sql, |at| &sql[..at]))
            .ctx("preparing an insert")?;
        let take_over = match (&self.prior, take_over_sql(sql)) {
            (Some((prior_id, _)), Some(update)) if !bulk => {
                let take = self
                    .conn
                    .prepare(&update.replace("{prior}", &prior_id.to_string()))
                    .ctx("preparing an insert")?;
                let count = take.parameter_count();
                Some((take, count))
            }
            _ => None,
        };
        Ok(Insert {
            key,
            stmt,
            bulk: cut.is_some(),
            take_over,
        })
    }
}

/// The take-over statement of an upsert `INSERT INTO t(c1, …, cn) VALUES (?1, …, ?n) ON
/// CONFLICT …`: `UPDATE t SET source_id = ?, line = ? WHERE source_id = {prior} AND c1 IS ?1
/// AND …` over every other column, so it changes a row only when the earlier version has it
/// exactly (`{prior}` is replaced by that version's id). `None` for any other statement.
fn take_over_sql(sql: &str) -> Option<String> {
    let rest = sql.strip_prefix("INSERT INTO ")?;
    let (table, rest) = rest.split_once('(')?;
    let (columns, rest) = rest.split_once(')')?;
    let columns: Vec<&str> = columns.split(',').map(str::trim).collect();
    let (values, upsert) = rest.trim_start().strip_prefix("VALUES")?.split_once(')')?;
    let values: Vec<&str> = values
        .trim_start()
        .strip_prefix('(')?
        .split(',')
        .map(str::trim)
        .collect();
    let in_order = values.len() == columns.len()
        && values
            .iter()
            .enumerate()
            .all(|(i, v)| *v == format!("?{}", i + 1));
    if !in_order || !upsert.trim_start().starts_with("ON CONFLICT") {
        return None;
    }
    let param = |name: &str| columns.iter().position(|c| *c == name).map(|i| i + 1);
    let mut set = vec![format!("source_id = ?{}", param("source_id")?)];
    if let Some(line) = param("line") {
        set.push(format!("line = ?{line}"));
    }
    let same: Vec<String> = columns
        .iter()
        .enumerate()
        .filter(|(_, c)| !matches!(**c, "source_id" | "line"))
        .map(|(i, c)| format!("{c} IS ?{}", i + 1))
        .collect();
    Some(format!(
        "UPDATE {table} SET {} WHERE source_id = {{prior}} AND {}",
        set.join(", "),
        same.join(" AND ")
    ))
}

fn store_error(source: rusqlite::Error) -> PutError {
    PutError::Store(StoreError::Sqlite {
        context: "storing a row".into(),
        source,
    })
}

/// Whether an error is a primary-key or unique-constraint failure.
fn is_unique_violation(e: &rusqlite::Error) -> bool {
    matches!(
        e,
        rusqlite::Error::SqliteFailure(f, _)
            if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY
                || f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
    )
}

#[cfg(test)]
mod tests {
    use super::take_over_sql;

    #[test]
    fn take_over_compares_every_column_but_provenance() {
        let sql = "INSERT INTO parties(id, kind, name, source_id, line)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(id) DO UPDATE SET kind = excluded.kind";
        assert_eq!(
            take_over_sql(sql).unwrap(),
            "UPDATE parties SET source_id = ?4, line = ?5 WHERE source_id = {prior} AND id IS ?1 AND kind IS ?2 AND name IS ?3"
        );
        let keys = "INSERT INTO stat_keys(key, label, source_id) VALUES (?1, ?2, ?3)
             ON CONFLICT(key) DO UPDATE SET label = excluded.label";
        assert_eq!(
            take_over_sql(keys).unwrap(),
            "UPDATE stat_keys SET source_id = ?3 WHERE source_id = {prior} AND key IS ?1 AND label IS ?2"
        );
        assert_eq!(
            take_over_sql("INSERT INTO t(a, source_id) VALUES (?1, ?2)"),
            None
        );
        assert_eq!(
            take_over_sql("INSERT INTO t(a, source_id) VALUES (?2, ?1) ON CONFLICT(a) DO NOTHING"),
            None
        );
    }
}
