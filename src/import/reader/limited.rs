//! Bounded records: [`Limited`] stops reading past the allowed bytes and notes line feeds,
//! and [`LineIndex`] turns those into the line a record starts on.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::io::{self, Read};
use std::rc::Rc;

pub(super) const LIMIT_MESSAGE: &str = "record longer than the limit";

/// Passes bytes through until more than `allowed` have been read in total, noting where the
/// line feeds are so that records get their true line numbers (the csv crate's own count
/// skips blank lines).
pub(super) struct Limited<R> {
    pub(super) inner: R,
    pub(super) allowed: Rc<Cell<u64>>,
    pub(super) consumed: Rc<Cell<u64>>,
    pub(super) lines: Rc<RefCell<LineIndex>>,
}

impl<R: Read> Read for Limited<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.consumed.get() > self.allowed.get() {
            return Err(io::Error::new(io::ErrorKind::InvalidData, LIMIT_MESSAGE));
        }
        let n = self.inner.read(buf)?;
        let start = self.consumed.get();
        let mut lines = self.lines.borrow_mut();
        for (i, _) in buf[..n].iter().enumerate().filter(|(_, b)| **b == b'\n') {
            lines.offsets.push_back(start + i as u64);
        }
        self.consumed.set(start + n as u64);
        Ok(n)
    }
}

/// Offsets of the line feeds read but not yet passed by a finished record.
#[derive(Default)]
pub(super) struct LineIndex {
    forgotten: u64,
    offsets: VecDeque<u64>,
}

impl LineIndex {
    /// The line on which a record starts that ends at byte `end` (exclusive, terminator
    /// included when it is a line feed) and holds `inner` line feeds in its fields.
    pub(super) fn record_line(&mut self, end: u64, inner: u64, ends_inside: bool) -> u64 {
        while self.offsets.front().is_some_and(|&o| o + 1 < end) {
            self.offsets.pop_front();
            self.forgotten += 1;
        }
        let before = self.forgotten + self.offsets.iter().take_while(|&&o| o < end).count() as u64;
        let ends_with_lf = !ends_inside && self.offsets.iter().any(|&o| o + 1 == end);
        before - u64::from(ends_with_lf) - inner.min(before) + 1
    }
}
