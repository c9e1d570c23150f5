//! Calendar dates: parsing what people type, and mapping plan days (Day 0 is
//! the treatment day) to dates and back.

use jiff::ToSpan;
use jiff::civil::Date;

/// Parses `YYYY-MM-DD` with a message a person can act on.
pub fn parse_date(input: &str) -> Result<Date, String> {
    let s = input.trim();
    let parts: Vec<&str> = s.split('-').collect();
    let shape_ok = parts.len() == 3
        && parts[0].len() == 4
        && parts[1].len() == 2
        && parts[2].len() == 2
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    if !shape_ok {
        return Err(format!(
            "`{}` is not a date: write it as YYYY-MM-DD, like 2026-11-20",
            crate::text::escape_unsafe(s)
        ));
    }
    let (year, month, day): (i16, i8, i8) = (
        parts[0]
            .parse()
            .map_err(|_| format!("`{s}`: the year is out of range"))?,
        parts[1]
            .parse()
            .map_err(|_| format!("`{s}`: the month is out of range"))?,
        parts[2]
            .parse()
            .map_err(|_| format!("`{s}`: the day is out of range"))?,
    );
    if !(1..=12).contains(&month) {
        return Err(format!("`{s}` is not a date: the month must be 01 to 12"));
    }
    if year < 1 {
        return Err(format!(
            "`{s}` is not a date: the year must be 0001 or later"
        ));
    }
    let first = Date::new(year, month, 1).map_err(|e| format!("`{s}` is not a date: {e}"))?;
    let days = first.days_in_month();
    if day < 1 || day > days {
        return Err(format!(
            "`{s}` is not a date: {} {year} has {days} days",
            first.strftime("%B")
        ));
    }
    Date::new(year, month, day).map_err(|e| format!("`{s}` is not a date: {e}"))
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

/// Today's date in the system's time zone.
pub fn today() -> Date {
    jiff::ZonedDateTime::now().date()
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
