//! The area score table: columns, sorting, the `/` filter and a cursor that scrolls. Pure.

use std::cmp::Ordering;

use crate::tui::source::AreaRow;

/// A cursor over a list with a scroll offset. The offset is a hint the view honours when the
/// cursor is visible in it; `update` keeps it in step using the page size it knows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cursor {
    pub pos: usize,
    pub offset: usize,
}

impl Cursor {
    pub fn move_by(&mut self, delta: isize, len: usize, page: usize) {
        let last = len.saturating_sub(1);
        self.pos = self.pos.saturating_add_signed(delta).min(last);
        self.follow(page);
    }

    pub fn set(&mut self, pos: usize, len: usize, page: usize) {
        self.pos = pos.min(len.saturating_sub(1));
        self.follow(page);
    }

    fn follow(&mut self, page: usize) {
        let page = page.max(1);
        if self.pos < self.offset {
            self.offset = self.pos;
        } else if self.pos >= self.offset + page {
            self.offset = self.pos + 1 - page;
        }
    }
}

/// The first visible row for a list of `height` rows with `cursor` on it: the cursor's hint when
/// the cursor is inside it, else the nearest offset that shows the cursor.
pub fn visible_offset(c: Cursor, height: usize) -> usize {
    let h = height.max(1);
    if c.pos < c.offset {
        c.pos
    } else if c.pos >= c.offset + h {
        c.pos + 1 - h
    } else {
        c.offset
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Rank,
    Code,
    Name,
    Gemeente,
    Inhabitants,
    Score,
    Tier,
    Coverage,
    Top,
}

impl Column {
    pub const ALL: [Column; 9] = [
        Column::Rank,
        Column::Code,
        Column::Name,
        Column::Gemeente,
        Column::Inhabitants,
        Column::Score,
        Column::Tier,
        Column::Coverage,
        Column::Top,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Column::Rank => "rank",
            Column::Code => "code",
            Column::Name => "name",
            Column::Gemeente => "gemeente",
            Column::Inhabitants => "inw",
            Column::Score => "score",
            Column::Tier => "tier",
            Column::Coverage => "coverage",
            Column::Top => "top",
        }
    }

    fn compare(self, a: &AreaRow, b: &AreaRow) -> Ordering {
        fn opt<T: PartialOrd>(a: Option<T>, b: Option<T>) -> Ordering {
            match (a, b) {
                (Some(a), Some(b)) => a.partial_cmp(&b).unwrap_or(Ordering::Equal),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
        }
        match self {
            Column::Rank => opt(a.rank, b.rank),
            Column::Code => a.code.cmp(&b.code),
            Column::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
            Column::Gemeente => a.gemeente.cmp(&b.gemeente),
            Column::Inhabitants => opt(a.inhabitants, b.inhabitants),
            Column::Score => opt(a.score, b.score),
            Column::Tier => a.tier.cmp(&b.tier),
            Column::Coverage => a
                .coverage
                .partial_cmp(&b.coverage)
                .unwrap_or(Ordering::Equal),
            Column::Top => a.top.cmp(&b.top),
        }
    }
}

/// Whether a row matches the `/` filter: a case-insensitive substring of name, code or
/// gemeente (name or code).
pub fn row_matches(row: &AreaRow, filter: &str) -> bool {
    let f = filter.trim().to_lowercase();
    f.is_empty()
        || [&row.name, &row.code, &row.gemeente, &row.gemeente_code]
            .iter()
            .any(|s| s.to_lowercase().contains(&f))
}

/// Indices of the rows to show, filtered then sorted (stable, so ties keep rank order).
pub fn arrange(rows: &[AreaRow], filter: &str, sort: Option<(Column, bool)>) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..rows.len())
        .filter(|&i| row_matches(&rows[i], filter))
        .collect();
    if let Some((col, asc)) = sort {
        idx.sort_by(|&a, &b| {
            let o = col.compare(&rows[a], &rows[b]);
            if asc { o } else { o.reverse() }
        });
    }
    idx
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_scrolls_with_page() {
        let mut c = Cursor::default();
        c.move_by(12, 100, 10);
        assert_eq!((c.pos, c.offset), (12, 3));
        c.move_by(-5, 100, 10);
        assert_eq!((c.pos, c.offset), (7, 3));
        c.move_by(1000, 100, 10);
        assert_eq!((c.pos, c.offset), (99, 90));
        c.move_by(-1000, 100, 10);
        assert_eq!((c.pos, c.offset), (0, 0));
        c.move_by(3, 0, 10);
        assert_eq!(c.pos, 0);
        assert_eq!(visible_offset(Cursor { pos: 20, offset: 0 }, 5), 16);
    }
}
