//! The order of the stages, and running two of them at once: the stages of each step run on
//! the store's connection while the stages beside them run on a second connection, on a
//! thread of their own. The stages beside only read the request and the sealed address
//! index, and give back what they found; it is added to the run when both are done.

use rusqlite::Connection;

use super::address_index::AddressIndex;
use super::{Hits, Run, addresses, businesses, ownership, parties, signals};
use crate::store::open::StoreError;

/// The stages, in join order. With a side connection, the per-party counts run beside the
/// addresses, and ownership beside businesses and signals. On one connection they run one
/// after the other in the order that holds the least at once (ownership, the largest,
/// right after the businesses).
pub(super) fn run(
    conn: &Connection,
    side: Option<&mut Connection>,
    run: &mut Run<'_>,
    index: &mut AddressIndex,
) -> Result<(), StoreError> {
    let req = run.req;
    let Some(side) = side else {
        addresses::run(conn, run, index)?;
        businesses::run(conn, run, index)?;
        let owned = ownership::scan(conn, req, index, run.areas.len())?;
        ownership::add(run, index, owned);
        add_links(run, parties::count(conn, req)?);
        return signals::run(conn, run, index);
    };
    let ((), links) = beside(
        conn,
        side,
        || addresses::run(conn, run, index),
        |c| parties::count(c, req),
    )?;
    add_links(run, links);
    let index = &*index;
    let areas = run.areas.len();
    let ((), owned) = beside(
        conn,
        side,
        || {
            businesses::run(conn, run, index)?;
            signals::run(conn, run, index)
        },
        |c| ownership::scan(c, req, index, areas),
    )?;
    ownership::add(run, index, owned);
    Ok(())
}

/// Puts the parties the `party_links` rules hold for into the run.
fn add_links(run: &mut Run<'_>, links: Vec<(usize, Hits)>) {
    for (i, hits) in links {
        run.hits[i] = hits;
    }
}

/// Runs `here` (on `conn`) on this thread and, at the same time, `aside` on `side` on a
/// thread of its own. When one fails, the other's statement is interrupted rather than read
/// to its end, and the first failure is the one returned (the other's is then usually the
/// interruption).
fn beside<A, B: Send>(
    conn: &Connection,
    side: &mut Connection,
    here: impl FnOnce() -> Result<A, StoreError>,
    aside: impl FnOnce(&Connection) -> Result<B, StoreError> + Send,
) -> Result<(A, B), StoreError> {
    let stop_here = conn.get_interrupt_handle();
    let stop_aside = side.get_interrupt_handle();
    std::thread::scope(|s| {
        let other = std::thread::Builder::new()
            .name("schouw-pass".into())
            .spawn_scoped(s, move || {
                let b = aside(side);
                if b.is_err() {
                    stop_here.interrupt();
                }
                b
            })
            .map_err(StoreError::Thread)?;
        let a = here();
        if a.is_err() {
            stop_aside.interrupt();
        }
        let b = other
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        match (a, b) {
            (Ok(a), Ok(b)) => Ok((a, b)),
            (Err(e), Ok(_)) | (Ok(_), Err(e)) => Err(e),
            (Err(a), Err(b)) if interrupted(&a) => Err(b),
            (Err(a), Err(_)) => Err(a),
        }
    })
}

/// Whether `e` is SQLite's answer to an interrupted statement.
fn interrupted(e: &StoreError) -> bool {
    matches!(
        e,
        StoreError::Sqlite { source, .. } | StoreError::Corrupt { source, .. }
            if source.sqlite_error_code() == Some(rusqlite::ErrorCode::OperationInterrupted)
    )
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Duration;

    use super::*;
    use crate::store::open::Context;

    /// A count SQLite takes many seconds over, unless interrupted.
    const LONG: &str = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n \
                        WHERE i < 300000000) SELECT count(*) FROM n";

    fn two() -> (Connection, Connection) {
        (
            Connection::open_in_memory().unwrap(),
            Connection::open_in_memory().unwrap(),
        )
    }

    /// Runs the long count once `started` is set, and notes whether it was interrupted.
    fn long(
        c: &Connection,
        started: &AtomicBool,
        seen: &Mutex<Option<bool>>,
    ) -> Result<i64, StoreError> {
        started.store(true, Ordering::SeqCst);
        let r = c.query_row(LONG, [], |r| r.get(0)).ctx("counting");
        *seen.lock().unwrap() = Some(r.as_ref().is_err_and(interrupted));
        r
    }

    /// Fails once the other side's count has begun (an interruption before a statement
    /// runs is not kept by SQLite).
    fn fail_after(started: &AtomicBool) -> Result<i64, StoreError> {
        while !started.load(Ordering::SeqCst) {
            std::thread::yield_now();
        }
        std::thread::sleep(Duration::from_millis(100));
        Err(StoreError::Outdated("x.db".into()))
    }

    /// A failure here interrupts the long read beside it, and is the failure returned.
    #[test]
    fn a_failure_here_stops_the_read_beside_it() {
        let (conn, mut side) = two();
        let (started, seen) = (AtomicBool::new(false), Mutex::new(None));
        let out = beside(
            &conn,
            &mut side,
            || fail_after(&started),
            |c| long(c, &started, &seen),
        );
        assert!(matches!(out, Err(StoreError::Outdated(_))), "{out:?}");
        assert_eq!(*seen.lock().unwrap(), Some(true));
    }

    /// A failure beside interrupts the long read here, and is the failure returned.
    #[test]
    fn a_failure_beside_stops_the_read_here() {
        let (conn, mut side) = two();
        let (started, seen) = (AtomicBool::new(false), Mutex::new(None));
        let out = beside(
            &conn,
            &mut side,
            || long(&conn, &started, &seen),
            |_| fail_after(&started),
        );
        assert!(matches!(out, Err(StoreError::Outdated(_))), "{out:?}");
        assert_eq!(*seen.lock().unwrap(), Some(true));
    }

    #[test]
    fn both_results_come_back_when_both_succeed() {
        let (conn, mut side) = two();
        let one = |c: &Connection| {
            c.query_row("SELECT 1", [], |r| r.get::<_, i64>(0))
                .ctx("one")
        };
        let out = beside(&conn, &mut side, || one(&conn), one).unwrap();
        assert_eq!(out, (1, 1));
    }
}
