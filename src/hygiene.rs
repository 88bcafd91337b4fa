//! Session hygiene that needs no interface: keeping sensitive memory out of core dumps, and the
//! user's configuration ([`config`]).
//!
//! `security.md` P-07 asks for `setrlimit(RLIMIT_CORE, 0)` *and* `prctl(PR_SET_DUMPABLE, 0)`.
//! Both are system calls without a safe wrapper in `std`, and the crate forbids `unsafe` (and
//! has no libc), so schouw cannot make them itself. What it does instead:
//! - [`disable_core_dumps`] asks the util-linux tool `prlimit` (by absolute path, never via
//!   `PATH`) to set this process's `RLIMIT_CORE` to 0:0, then reads `/proc/self/limits` back;
//! - [`core_dump_risk`] reports, for a warning, when core dumps are still possible: a core
//!   size limit other than 0, or a `core_pattern` that pipes to a helper such as
//!   systemd-coredump (which RLIMIT_CORE alone does not stop).
//!
//! `PR_SET_DUMPABLE 0` (which would also stop same-user ptrace) stays out of reach; the
//! deployment should set `ulimit -c 0` in the login profile and disable systemd-coredump
//! storage (`Storage=none`) for the workstation, or the crate should allow one audited
//! `unsafe` block through a libc dependency.

pub mod config;

use std::path::Path;

/// Where `prlimit` may live.
const PRLIMIT: &[&str] = &["/usr/bin/prlimit", "/bin/prlimit"];

/// Tries to set this process's core size limit to 0 (soft and hard). Returns whether the
/// limit is 0 afterwards.
pub fn disable_core_dumps() -> bool {
    if core_limit_is_zero() == Some(true) {
        return true;
    }
    if let Some(tool) = PRLIMIT.iter().find(|p| Path::new(p).is_file()) {
        let pid = std::process::id().to_string();
        let _ = std::process::Command::new(tool)
            .args(["--pid", &pid, "--core=0:0"])
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status();
    }
    core_limit_is_zero() == Some(true)
}

fn core_limit_is_zero() -> Option<bool> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    soft_core_limit(&limits).map(|l| l == "0")
}

/// Why a core dump of this process could still be written, if it could (`None` when core
/// dumps are off, or when `/proc` cannot tell).
pub fn core_dump_risk() -> Option<String> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let pattern = std::fs::read_to_string("/proc/sys/kernel/core_pattern").unwrap_or_default();
    assess(&limits, &pattern)
}

/// The soft limit from the `Max core file size` line of `/proc/self/limits`.
fn soft_core_limit(limits: &str) -> Option<&str> {
    limits
        .lines()
        .find_map(|l| l.strip_prefix("Max core file size"))
        .and_then(|rest| rest.split_whitespace().next())
}

/// Judges `/proc/self/limits` and `core_pattern` text.
fn assess(limits: &str, core_pattern: &str) -> Option<String> {
    let soft = soft_core_limit(limits)?;
    let pattern = core_pattern.trim();
    if let Some(piped) = pattern.strip_prefix('|') {
        let helper = piped.split_whitespace().next().unwrap_or("a helper");
        return Some(format!(
            "core dumps go to {helper}, which a core size limit does not stop; a crash could write this session's data to disk (ask the administrator to disable core dump storage)"
        ));
    }
    (soft != "0").then(|| {
        format!(
            "core dumps are enabled (limit {soft}); a crash could write this session's data to disk (run `ulimit -c 0` first)"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: &str = "Limit                     Soft Limit           Hard Limit           Units     \n\
        Max cpu time              unlimited            unlimited            seconds   \n\
        Max core file size        SOFT                 unlimited            bytes     \n";

    #[test]
    fn judges_limits_and_pattern() {
        let with = |soft: &str| LIMITS.replace("SOFT", soft);
        assert_eq!(assess(&with("0"), "core\n"), None);
        assert!(
            assess(&with("unlimited"), "core")
                .unwrap()
                .contains("limit unlimited")
        );
        let piped = assess(&with("0"), "|/usr/lib/systemd/systemd-coredump %P %u").unwrap();
        assert!(piped.contains("systemd-coredump"), "{piped}");
        assert_eq!(assess("no such line", "core"), None);
    }

    #[test]
    fn reads_this_process() {
        // Whatever the machine says, asking must not panic, and after disabling the soft
        // limit is 0 wherever prlimit exists.
        let _ = core_dump_risk();
        if PRLIMIT.iter().any(|p| Path::new(p).is_file()) && core_limit_is_zero().is_some() {
            assert!(disable_core_dumps());
        }
    }
}
