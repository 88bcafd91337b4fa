//! The reference date ("now") that month windows in a lens count back from. Scoring takes it as
//! a parameter (default: today, tests pass a fixed date) so the store can turn every
//! `within_months = n` into a bound ISO date parameter.

use std::fmt;

/// A calendar date used as the end of month windows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RefDate {
    year: i32,
    month: u32,
    day: u32,
}

impl RefDate {
    /// A date from year, month (1–12) and day (1–31); `None` if it does not exist.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(RefDate { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Self> {
        let mut parts = s.trim().splitn(3, '-');
        let y = parts.next()?.parse().ok()?;
        let m = parts.next()?.parse().ok()?;
        let d = parts.next()?.parse().ok()?;
        Self::from_ymd(y, m, d)
    }

    /// Today's date in UTC, from the system clock.
    pub fn today() -> Self {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Self::from_days_since_epoch((secs / 86_400) as i64)
    }

    /// The date `n` calendar months earlier; the day is clamped to the end of a shorter month
    /// (31 March minus 1 month is 28 or 29 February).
    pub fn months_back(self, n: u32) -> Self {
        let total = self.year as i64 * 12 + (self.month as i64 - 1) - n as i64;
        let year = total.div_euclid(12) as i32;
        let month = (total.rem_euclid(12) + 1) as u32;
        let day = self.day.min(days_in_month(year, month));
        RefDate { year, month, day }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u32 {
        self.month
    }

    /// The day of the month.
    pub fn day(self) -> u32 {
        self.day
    }

    /// ISO text, `2025-06-30`: the form dates are stored in, so it compares as text in SQL.
    pub fn iso(self) -> String {
        self.to_string()
    }

    fn from_days_since_epoch(days: i64) -> Self {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        RefDate { year, month, day }
    }
}

impl fmt::Display for RefDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A window of whole months ending at the reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Months(pub u32);

impl Months {
    /// The first day inside the window: events dated on or after it count.
    pub fn since(self, reference: RefDate) -> RefDate {
        reference.months_back(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_back_clamps_the_day_and_crosses_years() {
        let d = RefDate::from_ymd(2025, 3, 31).unwrap();
        assert_eq!(d.months_back(1).iso(), "2025-02-28");
        assert_eq!(d.months_back(3).iso(), "2024-12-31");
        assert_eq!(d.months_back(36).iso(), "2022-03-31");
        assert_eq!(
            Months(13)
                .since(RefDate::parse("2024-02-29").unwrap())
                .iso(),
            "2023-01-29"
        );
    }

    #[test]
    fn parses_and_rejects_dates() {
        assert_eq!(
            RefDate::parse("2024-02-29").map(RefDate::iso),
            Some("2024-02-29".into())
        );
        assert!(RefDate::parse("2023-02-29").is_none());
        assert!(RefDate::parse("2023-13-01").is_none());
        assert!(RefDate::parse("gisteren").is_none());
    }

    #[test]
    fn epoch_days_become_civil_dates() {
        assert_eq!(RefDate::from_days_since_epoch(0).iso(), "1970-01-01");
        assert_eq!(RefDate::from_days_since_epoch(20_454).iso(), "2026-01-01");
        assert!(RefDate::today().year() >= 2024);
    }
}
