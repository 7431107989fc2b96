//! Publication times: civil date-times (as outlets write them, no zone) to and from
//! seconds since 1970-01-01 00:00, counted as if UTC. Pure; no time zone database.

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = i64::from((m + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Parses `YYYY-MM-DD`, optionally followed by ` ` or `T` and `HH:MM` or `HH:MM:SS`
/// (a trailing `Z` is accepted). `None` if it is not such a time or not a real date.
pub fn parse(s: &str) -> Option<i64> {
    let s = s.trim().trim_end_matches('Z');
    let (date, clock) = match s.find([' ', 'T']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let mut dp = date.split('-');
    let y: i64 = num(dp.next()?, 4)?;
    let m: u32 = num(dp.next()?, 2)?;
    let d: u32 = num(dp.next()?, 2)?;
    if dp.next().is_some() || !(1..=12).contains(&m) || d == 0 || d > month_days(y, m) {
        return None;
    }
    let mut secs = 0;
    if let Some(c) = clock {
        let mut cp = c.split(':');
        let h: i64 = num(cp.next()?, 2)?;
        let mi: i64 = num(cp.next()?, 2)?;
        let se: i64 = match cp.next() {
            Some(x) => num(x, 2)?,
            None => 0,
        };
        if cp.next().is_some() || h > 23 || mi > 59 || se > 60 {
            return None;
        }
        secs = h * 3600 + mi * 60 + se;
    }
    Some(days_from_civil(y, m, d) * 86_400 + secs)
}

fn num<T: std::str::FromStr>(s: &str, digits: usize) -> Option<T> {
    (s.len() == digits && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn month_days(y: i64, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `YYYY-MM-DDTHH:MM:SS`, the form `qarin stories` prints.
pub fn format(t: i64) -> String {
    let (y, m, d) = civil_from_days(t.div_euclid(86_400));
    let s = t.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects() {
        let t = parse("2013-02-01 22:05:28").expect("valid");
        assert_eq!(format(t), "2013-02-01T22:05:28");
        assert_eq!(parse("2013-02-01T22:05:28Z"), Some(t));
        assert_eq!(parse("1970-01-02"), Some(86_400));
        assert_eq!(parse("2024-02-29"), parse("2024-03-01").map(|x| x - 86_400));
        for bad in [
            "2013-02-30",
            "2013-13-01",
            "13-02-01",
            "2013-02-01 25:00",
            "yesterday",
            "",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
