//! Who is running schouw and from where (BIO2 "Actor" and "Origin"), read once per session.
//!
//! Without libc there is no `ttyname`, so the tty is read from `/proc/self/fd/{0,1,2}` (the
//! first of stdin, stdout, stderr that is a terminal). The SSH client address comes from
//! `SSH_CONNECTION` or `SSH_CLIENT` and is kept only if it parses as an IP address. The user
//! is the account of the real uid (`/proc/self/status`, `/etc/passwd`), not `$USER`, which
//! anyone can set; the uid itself goes into the origin.

use std::io::IsTerminal;
use std::net::IpAddr;

use sha2::{Digest, Sha256};

/// The session details stamped on every entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionInfo {
    /// A random-enough id for this run (32 hex digits), grouping its entries.
    pub session: String,
    /// The operating-system user.
    pub user: String,
    /// `uid=… host=… tty=… ssh=…`, the parts known.
    pub origin: String,
}

impl SessionInfo {
    /// Reads the current process's user, host, tty and SSH client.
    pub fn current() -> SessionInfo {
        let uid = real_uid();
        let user = crate::clock::os_user();
        let origin = origin_text(
            uid,
            hostname().as_deref(),
            tty().as_deref(),
            ssh_client(
                std::env::var("SSH_CONNECTION").ok().as_deref(),
                std::env::var("SSH_CLIENT").ok().as_deref(),
            ),
        );
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let seed = format!("{}\0{nanos}\0{user}\0{origin}", std::process::id());
        let session = super::chain::hex(&Sha256::digest(seed.as_bytes())[..16]);
        SessionInfo {
            session,
            user,
            origin,
        }
    }
}

/// Joins the known parts.
fn origin_text(
    uid: Option<u32>,
    host: Option<&str>,
    tty: Option<&str>,
    ssh: Option<IpAddr>,
) -> String {
    let mut parts = Vec::new();
    if let Some(u) = uid {
        parts.push(format!("uid={u}"));
    }
    if let Some(h) = host {
        parts.push(format!("host={h}"));
    }
    parts.push(format!("tty={}", tty.unwrap_or("none")));
    if let Some(ip) = ssh {
        parts.push(format!("ssh={ip}"));
    }
    parts.join(" ")
}

/// The client address from `SSH_CONNECTION` ("client port server port") or `SSH_CLIENT`
/// ("client port port").
fn ssh_client(connection: Option<&str>, client: Option<&str>) -> Option<IpAddr> {
    [connection, client]
        .into_iter()
        .flatten()
        .find_map(|v| v.split_whitespace().next()?.parse().ok())
}

/// The real user id, from `/proc/self/status` (the environment can be set by anyone).
fn real_uid() -> Option<u32> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

fn tty() -> Option<String> {
    let is_tty = [
        std::io::stdin().is_terminal(),
        std::io::stdout().is_terminal(),
        std::io::stderr().is_terminal(),
    ];
    let fd = is_tty.iter().position(|t| *t)?;
    let link = std::fs::read_link(format!("/proc/self/fd/{fd}")).ok()?;
    Some(printable(&link.to_string_lossy()))
}

fn hostname() -> Option<String> {
    let h = std::fs::read_to_string("/proc/sys/kernel/hostname").ok()?;
    let h = printable(h.trim());
    (!h.is_empty()).then_some(h)
}

/// Keeps only characters that belong in host and device names.
fn printable(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '/'))
        .take(64)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ssh_address_from_either_variable() {
        let ip = |s: &str| s.parse::<IpAddr>().ok();
        assert_eq!(
            ssh_client(Some("10.1.2.3 51000 10.0.0.1 22"), None),
            ip("10.1.2.3")
        );
        assert_eq!(
            ssh_client(None, Some("2001:db8::1 51000 22")),
            ip("2001:db8::1")
        );
        assert_eq!(ssh_client(Some("$(rm -rf) 1 2 3"), None), None);
        assert_eq!(ssh_client(None, None), None);
    }

    #[test]
    fn origin_joins_known_parts() {
        let ip = "192.0.2.7".parse().ok();
        assert_eq!(
            origin_text(Some(1000), Some("ws12"), Some("/dev/pts/3"), ip),
            "uid=1000 host=ws12 tty=/dev/pts/3 ssh=192.0.2.7"
        );
        assert_eq!(origin_text(None, None, None, None), "tty=none");
        assert_eq!(printable("a\u{1b}[31mb c"), "a31mbc");
    }

    #[test]
    fn session_ids_are_hex_and_distinct() {
        let a = SessionInfo::current();
        let b = SessionInfo::current();
        assert_eq!(a.session.len(), 32);
        assert_ne!(a.session, b.session);
    }
}
