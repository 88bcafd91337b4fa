//! Calendar dates as day numbers (days since 1970-01-01) and back to ISO text, so the generator
//! can do date arithmetic without a date crate.

use std::fmt;

/// A calendar date as a day number since 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day(pub i64);

impl Day {
    /// The day number of a calendar date (proleptic Gregorian).
    pub fn ymd(y: i64, m: i64, d: i64) -> Self {
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Day(era * 146_097 + doe - 719_468)
    }

    /// The calendar date (year, month, day).
    pub fn to_ymd(self) -> (i64, i64, i64) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        (y, m, d)
    }

    /// A date `n` days later.
    pub fn plus(self, n: i64) -> Self {
        Day(self.0 + n)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.to_ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

/// The reference date of the data set: everything happens on or before it.
pub fn reference() -> Day {
    Day::ymd(2024, 12, 31)
}

/// The first day signals may have.
pub fn signals_start() -> Day {
    Day::ymd(2021, 1, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_formats() {
        assert_eq!(Day::ymd(1970, 1, 1), Day(0));
        assert_eq!(Day::ymd(2024, 2, 29).to_string(), "2024-02-29");
        assert_eq!(Day::ymd(2024, 2, 29).plus(1).to_string(), "2024-03-01");
        for n in (-20_000..30_000).step_by(37) {
            let (y, m, d) = Day(n).to_ymd();
            assert_eq!(Day::ymd(y, m, d), Day(n));
            assert_eq!(
                crate::model::parse_date(&Day(n).to_string()).unwrap(),
                Day(n).to_string()
            );
        }
    }
}
