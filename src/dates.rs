//! Calendar dates: parsing what people type, and mapping plan days (Day 0 is
//! the treatment day) to dates and back.

use jiff::ToSpan;
use jiff::civil::Date;

/// What is wrong with a typed date (said in the reader's language by the
/// interface, in English by the command line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// Not shaped like a date at all.
    Shape,
    /// The month is not 1 to 12.
    Month,
    /// The year is before 0001 or out of range.
    Year,
    /// The month has fewer days.
    Day { days: i8, month: i8, year: i16 },
}

/// Parses `YYYY-MM-DD`.
pub fn parse_date_checked(input: &str) -> Result<Date, DateProblem> {
    let s = input.trim();
    let parts: Vec<&str> = s.split('-').collect();
    let shape_ok = parts.len() == 3
        && parts[0].len() == 4
        && parts[1].len() == 2
        && parts[2].len() == 2
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    if !shape_ok {
        return Err(DateProblem::Shape);
    }
    let year: i16 = parts[0].parse().map_err(|_| DateProblem::Year)?;
    let month: i8 = parts[1].parse().map_err(|_| DateProblem::Month)?;
    let day: i8 = parts[2].parse().map_err(|_| DateProblem::Shape)?;
    if !(1..=12).contains(&month) {
        return Err(DateProblem::Month);
    }
    if year < 1 {
        return Err(DateProblem::Year);
    }
    let first = Date::new(year, month, 1).map_err(|_| DateProblem::Year)?;
    let days = first.days_in_month();
    if day < 1 || day > days {
        return Err(DateProblem::Day { days, month, year });
    }
    Date::new(year, month, day).map_err(|_| DateProblem::Shape)
}

/// Parses `YYYY-MM-DD` with a message a person can act on (in English, for
/// the command line).
pub fn parse_date(input: &str) -> Result<Date, String> {
    let s = input.trim();
    parse_date_checked(s).map_err(|p| match p {
        DateProblem::Shape => format!(
            "`{}` is not a date: write it as YYYY-MM-DD, like 2026-11-20",
            crate::text::escape_unsafe(s)
        ),
        DateProblem::Month => format!("`{s}` is not a date: the month must be 01 to 12"),
        DateProblem::Year => format!("`{s}` is not a date: the year must be 0001 or later"),
        DateProblem::Day { days, month, year } => {
            let name = Date::new(year, month, 1)
                .map(|d| d.strftime("%B").to_string())
                .unwrap_or_default();
            format!("`{s}` is not a date: {name} {year} has {days} days")
        }
    })
}

/// The calendar date of plan day `day`, counted from the treatment date.
pub fn date_of_day(treatment: Date, day: i64) -> Option<Date> {
    treatment.checked_add(day.days()).ok()
}

/// Which plan day `today` is, counted from the treatment date.
pub fn day_of_date(treatment: Date, today: Date) -> i64 {
    treatment
        .until((jiff::Unit::Day, today))
        .map(|span| i64::from(span.get_days()))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn parses_real_dates_only() {
        assert_eq!(parse_date("2026-11-20"), Ok(date(2026, 11, 20)));
        assert_eq!(parse_date(" 2024-02-29 "), Ok(date(2024, 2, 29)));
        assert_eq!(
            parse_date("2026-02-30").unwrap_err(),
            "`2026-02-30` is not a date: February 2026 has 28 days"
        );
        assert!(
            parse_date("2026-13-01")
                .unwrap_err()
                .contains("month must be 01 to 12")
        );
        assert!(parse_date("20/11/2026").unwrap_err().contains("YYYY-MM-DD"));
        assert!(parse_date("").is_err());
        assert!(parse_date("0000-01-01").is_err());
    }

    #[test]
    fn days_and_dates_round_trip() {
        let t = date(2026, 11, 20);
        assert_eq!(date_of_day(t, 2), Some(date(2026, 11, 22)));
        assert_eq!(date_of_day(t, -5), Some(date(2026, 11, 15)));
        assert_eq!(day_of_date(t, date(2026, 11, 23)), 3);
        assert_eq!(day_of_date(t, date(2026, 11, 13)), -7);
        assert_eq!(date_of_day(date(9999, 12, 31), 1), None);
    }
}
