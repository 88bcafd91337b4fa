//! Tests of opening the audit log.

use super::*;

#[test]
fn a_locked_log_fails_quickly_instead_of_waiting_as_long_as_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let log = AuditLog::open_append(&dir.path().join("x.db.audit")).unwrap();
    let ms: i64 = log
        .conn
        .query_row("PRAGMA busy_timeout", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ms, AUDIT_BUSY_TIMEOUT.as_millis() as i64);
    // Well inside the interface's end-of-session wait (1 s), so a locked log makes the
    // last entry fail rather than hang.
    assert!(ms < 1000, "{ms} ms");
}
