//! What an audit entry says: the action, the object, the outcome and the optional lens,
//! purpose, row count and file hash, with the checks that keep free text and personal data
//! out of the log.

#[cfg(test)]
mod tests;

use super::AuditError;

/// What happened (BIO2 "Action").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The interface opened a database.
    SessionStart,
    /// The interface closed (quit, idle timeout, signal).
    SessionEnd,
    /// An entity detail (address, business, party) was opened.
    OpenEntity,
    /// A search result was opened.
    SearchOpen,
    /// Data left schouw as a file.
    Export,
    /// A file was imported.
    Import,
    /// A lens was saved.
    LensSave,
    /// The screen was locked.
    Lock,
    /// The screen was unlocked.
    Unlock,
    /// The privacy key blanked the screen.
    PrivacyBlank,
    /// `schouw flags` listed flagged entities (addresses, businesses, parties) on standard
    /// output.
    ListFlags,
}

impl Action {
    /// Every action, for parsing and help.
    pub const ALL: [Action; 11] = [
        Action::SessionStart,
        Action::SessionEnd,
        Action::OpenEntity,
        Action::SearchOpen,
        Action::Export,
        Action::Import,
        Action::LensSave,
        Action::Lock,
        Action::Unlock,
        Action::PrivacyBlank,
        Action::ListFlags,
    ];

    /// The stored name (`open_entity`).
    pub fn as_str(self) -> &'static str {
        match self {
            Action::SessionStart => "session_start",
            Action::SessionEnd => "session_end",
            Action::OpenEntity => "open_entity",
            Action::SearchOpen => "search_open",
            Action::Export => "export",
            Action::Import => "import",
            Action::LensSave => "lens_save",
            Action::Lock => "lock",
            Action::Unlock => "unlock",
            Action::PrivacyBlank => "privacy_blank",
            Action::ListFlags => "list_flags",
        }
    }

    /// The action with this stored name.
    pub fn parse(s: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// How it ended (BIO2 "Result").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// It happened.
    Ok,
    /// schouw or the user refused it (no purpose given, file exists, wrong unlock).
    Refused,
    /// It was attempted and failed.
    Failed,
}

impl Outcome {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Ok => "ok",
            Outcome::Refused => "refused",
            Outcome::Failed => "failed",
        }
    }

    /// The outcome with this stored name.
    pub fn parse(s: &str) -> Option<Outcome> {
        [Outcome::Ok, Outcome::Refused, Outcome::Failed]
            .into_iter()
            .find(|o| o.as_str() == s)
    }
}

/// Why a session ended or the screen locked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The analyst quit.
    Quit,
    /// No input for the configured idle time.
    Idle,
    /// A signal (SIGTERM, SIGINT, SIGHUP: also a dropped SSH connection).
    Signal,
    /// The analyst asked for it (`:lock`).
    User,
    /// The interface stopped on an internal error (a panic); recorded on a best-effort basis.
    Abort,
}

impl Reason {
    /// Every reason.
    pub const ALL: [Reason; 5] = [
        Reason::Quit,
        Reason::Idle,
        Reason::Signal,
        Reason::User,
        Reason::Abort,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Quit => "quit",
            Reason::Idle => "idle",
            Reason::Signal => "signal",
            Reason::User => "user",
            Reason::Abort => "abort",
        }
    }
}

/// What it happened to (BIO2 "Object"): an identifier, never a name, address or search text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Object {
    /// Nothing in particular (lock, unlock).
    None,
    /// The database as a whole (session start and end).
    Database,
    /// A CBS area code.
    Area(String),
    /// An address id (BAG).
    Address(String),
    /// A business id (KvK vestigingsnummer).
    Business(String),
    /// A party's pseudonym.
    Party(String),
    /// A signal's id.
    Signal(String),
    /// Why a session ended or the screen locked (the object of `session_end` and `lock`).
    Reason(Reason),
    /// A lens id.
    Lens(String),
    /// A file, identified by its SHA-256 in [`Entry::file_sha256`] (its name may itself be
    /// personal data, so it is not logged).
    File,
}

impl Object {
    /// The stored form: `area:BU03630000`, `party:P-12`, `reason:idle`, `database`, `file`
    /// or `-`.
    pub fn to_stored(&self) -> String {
        match self {
            Object::None => "-".into(),
            Object::Reason(r) => format!("reason:{}", r.as_str()),
            Object::Signal(id) => format!("signal:{id}"),
            Object::Database => "database".into(),
            Object::File => "file".into(),
            Object::Area(id) => format!("area:{id}"),
            Object::Address(id) => format!("address:{id}"),
            Object::Business(id) => format!("business:{id}"),
            Object::Party(id) => format!("party:{id}"),
            Object::Lens(id) => format!("lens:{id}"),
        }
    }

    /// Reads the stored form back.
    pub fn parse(s: &str) -> Option<Object> {
        let obj = match s {
            "-" => Object::None,
            "database" => Object::Database,
            "file" => Object::File,
            _ => {
                let (kind, id) = s.split_once(':')?;
                let id = id.to_owned();
                match kind {
                    "area" => Object::Area(id),
                    "address" => Object::Address(id),
                    "business" => Object::Business(id),
                    "party" => Object::Party(id),
                    "signal" => Object::Signal(id),
                    "lens" => Object::Lens(id),
                    "reason" => Object::Reason(Reason::ALL.into_iter().find(|r| r.as_str() == id)?),
                    _ => return None,
                }
            }
        };
        obj.check().ok()?;
        Some(obj)
    }

    fn id(&self) -> Option<&str> {
        match self {
            Object::None | Object::Database | Object::File | Object::Reason(_) => None,
            Object::Area(id)
            | Object::Address(id)
            | Object::Business(id)
            | Object::Party(id)
            | Object::Signal(id)
            | Object::Lens(id) => Some(id),
        }
    }

    /// Identifiers are 1 to 64 characters of `A-Z a-z 0-9 . _ : -`: enough for every id schouw
    /// has, and too narrow for free text to slip in.
    fn check(&self) -> Result<(), AuditError> {
        match self.id() {
            Some(id) if !is_identifier(id) => Err(AuditError::Invalid(format!(
                "the object id must be 1 to 64 letters, digits, '.', '_', ':' or '-' (got {} characters)",
                id.chars().count()
            ))),
            _ => Ok(()),
        }
    }
}

fn is_identifier(s: &str) -> bool {
    (1..=64).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b':' | b'-'))
}

/// The longest purpose, in characters.
pub const MAX_PURPOSE_CHARS: usize = 120;

/// One thing to record. The session fields (time, user, origin, database fingerprint) are
/// added by [`super::Audit::record`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// What happened.
    pub action: Action,
    /// To what.
    pub object: Object,
    /// How it ended.
    pub outcome: Outcome,
    /// The lens in use: id and version.
    pub lens: Option<(String, String)>,
    /// Why: a case number or short reason (required before entity details are shown).
    pub purpose: Option<String>,
    /// Rows exported.
    pub rows: Option<u64>,
    /// SHA-256 (hex) of the file imported or exported.
    pub file_sha256: Option<String>,
    /// Who an export is for (LED "recipients"): a team, organisation or case role, in the
    /// analyst's words, checked like a purpose.
    pub recipient: Option<String>,
}

impl Entry {
    /// An entry with only the required fields.
    pub fn new(action: Action, object: Object, outcome: Outcome) -> Self {
        Entry {
            action,
            object,
            outcome,
            lens: None,
            purpose: None,
            rows: None,
            file_sha256: None,
            recipient: None,
        }
    }

    /// With the lens in use.
    pub fn with_lens(mut self, id: &str, version: &str) -> Self {
        self.lens = Some((id.to_owned(), version.to_owned()));
        self
    }

    /// With the purpose.
    pub fn with_purpose(mut self, purpose: &str) -> Self {
        self.purpose = Some(purpose.to_owned());
        self
    }

    /// With the recipient of an export.
    pub fn with_recipient(mut self, recipient: &str) -> Self {
        self.recipient = Some(recipient.to_owned());
        self
    }

    /// With a row count and the file's SHA-256.
    pub fn with_file(mut self, rows: Option<u64>, sha256: &str) -> Self {
        self.rows = rows;
        self.file_sha256 = Some(sha256.to_owned());
        self
    }

    /// Refuses entries that could carry free text or malformed values into the log.
    pub fn check(&self) -> Result<(), AuditError> {
        self.object.check()?;
        // Lens versions are the author's text (`3`, `2025-06`, `v2 concept`): printable and
        // short, but not necessarily an identifier.
        if let Some((id, version)) = &self.lens
            && (!is_identifier(id)
                || !(1..=64).contains(&version.chars().count())
                || version.chars().any(crate::sanitize::is_unsafe))
        {
            return Err(AuditError::Invalid(
                "the lens id must be an identifier and its version 1 to 64 printable characters"
                    .into(),
            ));
        }
        if let Some(p) = &self.purpose {
            check_purpose(p)?;
        }
        if let Some(r) = &self.recipient {
            check_purpose(r).map_err(|_| {
                AuditError::Invalid(format!(
                    "the recipient must be 1 to {MAX_PURPOSE_CHARS} characters without surrounding spaces, control or invisible characters"
                ))
            })?;
        }
        if let Some(h) = &self.file_sha256
            && !is_sha256_hex(h)
        {
            return Err(AuditError::Invalid(
                "the file hash must be 64 lowercase hex digits".into(),
            ));
        }
        if self.rows.is_some_and(|n| i64::try_from(n).is_err()) {
            return Err(AuditError::Invalid("the row count is too large".into()));
        }
        Ok(())
    }
}

/// Checks a purpose the analyst typed: 1 to [`MAX_PURPOSE_CHARS`] characters after trimming,
/// no control, bidi or invisible characters.
pub fn check_purpose(p: &str) -> Result<(), AuditError> {
    let n = p.chars().count();
    if p.trim() != p || n == 0 || n > MAX_PURPOSE_CHARS {
        return Err(AuditError::Invalid(format!(
            "the purpose must be 1 to {MAX_PURPOSE_CHARS} characters without surrounding spaces"
        )));
    }
    if p.chars().any(crate::sanitize::is_unsafe) {
        return Err(AuditError::Invalid(
            "the purpose may not contain control or invisible characters".into(),
        ));
    }
    Ok(())
}

pub(crate) fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}
