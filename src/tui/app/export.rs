//! `:export FILE [excel]`: the score table as it stands (lens, level, comparison set, gemeente,
//! tuned weights, and the `/` filter and sort: the rows shown, in their order) to a CSV file.
//! It needs a purpose like an entity detail, asks before writing, and is written under audit
//! by the event loop ([`Effect::Export`], through the same writer and audit order as
//! `schouw export`). An existing file is never replaced from the interface.

use std::path::PathBuf;

use super::*;
use crate::audit::Action as Done;
use crate::export::ExportSummary;

/// One export to write.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportJob {
    pub path: PathBuf,
    /// `;`, decimal comma and a BOM for Dutch Excel.
    pub excel: bool,
    pub request: ScoreRequest,
    /// The area codes shown, in order.
    pub areas: Vec<String>,
    /// The audit entry (object, lens, purpose), set when the analyst confirms.
    pub entry: Option<Box<Entry>>,
}

/// Why an export from the interface was not written.
#[derive(Clone, Debug, PartialEq)]
pub enum ExportFailure {
    /// A file of that name exists.
    Exists,
    /// The audit log refused the entry; nothing was written.
    Audit(String),
    /// Anything else, in words.
    Other(String),
}

impl App {
    pub(super) fn export_command(&mut self, path: String, excel: bool) -> Option<Effect> {
        let request = self.request()?;
        if self.shown.is_empty() {
            self.say(L::NothingToExport.t(self.lang).into(), true);
            return None;
        }
        let job = ExportJob {
            path: PathBuf::from(path),
            excel,
            request,
            areas: self
                .shown
                .iter()
                .map(|&i| self.rows[i].code.clone())
                .collect(),
            entry: None,
        };
        match self.purpose {
            None => self.ask_purpose(String::new(), Then::Export(Box::new(job))),
            Some(_) => self.mode = Mode::ConfirmExport(job),
        }
        None
    }

    /// The question before writing.
    pub fn export_question(&self, job: &ExportJob) -> String {
        let lang = self.lang;
        format!(
            "{} {} ({} {})? {}",
            L::ExportTo.t(lang),
            sanitize::line(&job.path.display().to_string()),
            job.areas.len(),
            L::RowsWord.t(lang),
            L::YesNo.t(lang)
        )
    }

    pub(super) fn export_now(&mut self, job: ExportJob) -> Option<Effect> {
        let object = Object::Lens(job.request.lens.clone());
        let entry = self.entry_with_lens(Done::Export, object);
        self.pending = Some(purpose::Pending::Export(sanitize::line(
            &job.path.display().to_string(),
        )));
        Some(Effect::Export(ExportJob {
            entry: Some(Box::new(entry)),
            ..job
        }))
    }

    pub(super) fn exported(&mut self, result: Result<ExportSummary, ExportFailure>) {
        let lang = self.lang;
        let path = match self.pending.take() {
            Some(purpose::Pending::Export(p)) => p,
            _ => String::new(),
        };
        match result {
            Ok(s) => self.say(
                format!(
                    "{}: {} {} {path} (sha256 {})",
                    L::Exported.t(lang),
                    s.rows,
                    L::RowsTo.t(lang),
                    &s.sha256[..12]
                ),
                false,
            ),
            Err(ExportFailure::Exists) => {
                self.say(format!("{path}: {}", L::ExportExists.t(lang)), true)
            }
            Err(ExportFailure::Audit(e)) => self.say(
                format!(
                    "{}: {}; {}",
                    L::AuditDown.t(lang),
                    sanitize::line(&e),
                    L::NothingWritten.t(lang)
                ),
                true,
            ),
            Err(ExportFailure::Other(e)) => self.say(sanitize::line(&e), true),
        }
    }
}
