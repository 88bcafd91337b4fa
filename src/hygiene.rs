//! Session hygiene that needs no interface: keeping sensitive memory out of core dumps, and the
//! user's configuration ([`config`]).
//!
//! `security.md` P-07 asks for `setrlimit(RLIMIT_CORE, 0)` *and* `prctl(PR_SET_DUMPABLE, 0)`:
//! the limit alone does not stop a `core_pattern` that pipes to a helper such as
//! systemd-coredump. [`disable_core_dumps`] makes both calls through `rustix`'s safe wrappers
//! (the crate itself stays free of `unsafe`). Not dumpable also means another process of the
//! same user cannot attach a debugger and read the session's memory. [`core_dump_risk`] says,
//! for a warning, when a dump could still be written: when a call failed (another operating
//! system, a sandbox that forbids it) and the limit or a piped `core_pattern` allows one.
//!
//! The commands call [`disable_core_dumps`] first thing, for every command, so a new command
//! cannot forget it.

pub mod config;

/// What [`disable_core_dumps`] achieved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CoreDumps {
    /// The core size limit (soft and hard) is 0.
    pub limit_zero: bool,
    /// The process is marked not dumpable (`PR_SET_DUMPABLE 0`).
    pub not_dumpable: bool,
}

/// Sets this process's core size limit to 0 (soft and hard, so it cannot be raised again) and
/// marks it not dumpable. Returns what holds afterwards, read back from the kernel.
pub fn disable_core_dumps() -> CoreDumps {
    sys::set_core_limit_zero();
    sys::set_not_dumpable();
    current()
}

/// What holds for this process now.
pub fn current() -> CoreDumps {
    CoreDumps {
        limit_zero: sys::core_limit() == Some(0),
        not_dumpable: sys::dumpable() == Some(false),
    }
}

/// Why a core dump of this process could still be written, if it could (`None` when core
/// dumps are off, or when the system cannot tell).
pub fn core_dump_risk() -> Option<String> {
    let pattern = std::fs::read_to_string("/proc/sys/kernel/core_pattern").unwrap_or_default();
    assess(sys::core_limit(), sys::dumpable(), &pattern)
}

/// Judges the soft core limit (`None`: unlimited or unknown), whether the process is dumpable
/// (`None`: unknown) and the `core_pattern` text.
fn assess(soft_limit: Option<u64>, dumpable: Option<bool>, core_pattern: &str) -> Option<String> {
    if dumpable == Some(false) {
        // The kernel writes no core of a process that is not dumpable, piped or not.
        return None;
    }
    if let Some(piped) = core_pattern.trim().strip_prefix('|') {
        let helper = piped.split_whitespace().next().unwrap_or("a helper");
        return Some(format!(
            "core dumps go to {helper}, which a core size limit does not stop; a crash could write this session's data to disk (ask the administrator to disable core dump storage)"
        ));
    }
    match soft_limit {
        Some(0) => None,
        Some(n) => Some(format!(
            "core dumps are enabled (limit {n} bytes); a crash could write this session's data to disk (run `ulimit -c 0` first)"
        )),
        None => Some(
            "core dumps are enabled (no size limit); a crash could write this session's data to disk (run `ulimit -c 0` first)".into(),
        ),
    }
}

/// The system calls, through `rustix`'s safe wrappers. `prctl` is Linux only; elsewhere on Unix
/// only the core size limit can be set.
#[cfg(unix)]
mod sys {
    use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};

    pub fn set_core_limit_zero() {
        let zero = Rlimit {
            current: Some(0),
            maximum: Some(0),
        };
        let _ = setrlimit(Resource::Core, zero);
    }

    /// The soft core size limit in bytes (`None`: unlimited).
    pub fn core_limit() -> Option<u64> {
        getrlimit(Resource::Core).current
    }

    #[cfg(target_os = "linux")]
    pub fn set_not_dumpable() {
        use rustix::process::{DumpableBehavior, set_dumpable_behavior};
        let _ = set_dumpable_behavior(DumpableBehavior::NotDumpable);
    }

    #[cfg(target_os = "linux")]
    pub fn dumpable() -> Option<bool> {
        use rustix::process::{DumpableBehavior, dumpable_behavior};
        dumpable_behavior()
            .ok()
            .map(|b| b != DumpableBehavior::NotDumpable)
    }

    #[cfg(not(target_os = "linux"))]
    pub fn set_not_dumpable() {}

    #[cfg(not(target_os = "linux"))]
    pub fn dumpable() -> Option<bool> {
        None
    }
}

/// Without Unix process limits nothing can be set here (Windows: disable WER LocalDumps by
/// policy).
#[cfg(not(unix))]
mod sys {
    pub fn set_core_limit_zero() {}
    pub fn set_not_dumpable() {}
    pub fn core_limit() -> Option<u64> {
        None
    }
    pub fn dumpable() -> Option<bool> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judges_limit_dumpable_and_pattern() {
        assert_eq!(assess(Some(0), Some(true), "core\n"), None);
        assert_eq!(
            assess(
                Some(0),
                Some(false),
                "|/usr/lib/systemd/systemd-coredump %P"
            ),
            None
        );
        assert!(
            assess(None, Some(true), "core")
                .unwrap()
                .contains("no size limit")
        );
        assert!(
            assess(Some(4096), None, "core")
                .unwrap()
                .contains("limit 4096 bytes")
        );
        let piped = assess(
            Some(0),
            Some(true),
            "|/usr/lib/systemd/systemd-coredump %P %u",
        )
        .unwrap();
        assert!(piped.contains("systemd-coredump"), "{piped}");
        let unknown = assess(Some(0), None, "|/usr/share/apport/apport").unwrap();
        assert!(unknown.contains("apport"), "{unknown}");
    }
}
