//! Page furniture: headers, footers, page numbers, source and editor lines.

use crate::rng::Rng;

const SURNAMES: [char; 16] = [
    '王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林',
];
const GIVEN: [char; 16] = [
    '明', '华', '建', '丽', '文', '芳', '强', '军', '平', '红', '玉', '兰', '静', '敏', '杰', '涛',
];
const WEEKDAYS: [char; 7] = ['一', '二', '三', '四', '五', '六', '日'];

/// The issue a dump comes from: date and page number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Issue {
    /// Year.
    pub year: i64,
    /// Month, 1–12.
    pub month: u32,
    /// Day, 1–31.
    pub day: u32,
    /// Page number.
    pub page: u32,
}

impl Issue {
    /// Parses `YYYYMMDD` (falls back to 2020-01-01 on malformed dates).
    pub fn new(date: &str, page: u32) -> Self {
        let field = |range: std::ops::Range<usize>| date.get(range).and_then(|s| s.parse().ok());
        Issue {
            year: field(0..4).unwrap_or(2020),
            month: field(4..6).map(|m: i64| m as u32).unwrap_or(1),
            day: field(6..8).map(|d: i64| d as u32).unwrap_or(1),
            page,
        }
    }

    /// `星期X` of the date (proleptic Gregorian calendar).
    pub fn weekday(&self) -> char {
        // Days since 1970-01-01 (a Thursday), Howard Hinnant's days_from_civil.
        let y = if self.month <= 2 {
            self.year - 1
        } else {
            self.year
        };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let days = era * 146_097 + doe - 719_468;
        WEEKDAYS[(days + 3).rem_euclid(7) as usize]
    }

    fn date_line(&self, rng: &mut Rng) -> String {
        let date = format!(
            "{}年{}月{}日 星期{}",
            self.year,
            self.month,
            self.day,
            self.weekday()
        );
        if rng.chance(0.6) {
            format!("人民日报 {date}")
        } else {
            date
        }
    }

    fn page_line(&self, rng: &mut Rng) -> String {
        match rng.below(3) {
            0 => format!("第 {} 页", self.page),
            1 => format!("第{:02}版", self.page),
            _ => format!("— {} —", self.page),
        }
    }

    fn source_line(&self) -> String {
        format!(
            "《人民日报》（{}年{:02}月{:02}日 第 {:02} 版）",
            self.year, self.month, self.day, self.page
        )
    }

    /// One to two header lines (date line, page number).
    pub fn header(&self, rng: &mut Rng) -> Vec<String> {
        let mut lines = vec![self.date_line(rng)];
        if rng.chance(0.5) {
            lines.push(self.page_line(rng));
        }
        lines
    }

    /// One to two footer lines (source line, editor line).
    pub fn footer(&self, rng: &mut Rng) -> Vec<String> {
        let mut lines = vec![self.source_line()];
        if rng.chance(0.6) {
            lines.push(editor_line(rng));
        }
        lines
    }

    /// A single furniture line, as dropped between text lines of a PDF extraction.
    pub fn stray_line(&self, rng: &mut Rng) -> String {
        match rng.below(4) {
            0 => self.page_line(rng),
            1 => self.date_line(rng),
            2 => self.source_line(),
            _ => editor_line(rng),
        }
    }
}

fn person_name(rng: &mut Rng) -> String {
    let mut name = String::from(*rng.pick(&SURNAMES));
    for _ in 0..rng.range(1, 2) {
        name.push(*rng.pick(&GIVEN));
    }
    name
}

fn editor_line(rng: &mut Rng) -> String {
    let mut names = vec![person_name(rng)];
    if rng.chance(0.4) {
        names.push(person_name(rng));
    }
    format!("责任编辑：{}", names.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_of_known_dates() {
        assert_eq!(Issue::new("20190201", 1).weekday(), '五');
        assert_eq!(Issue::new("20191001", 1).weekday(), '二');
        assert_eq!(Issue::new("20200125", 1).weekday(), '六');
    }

    #[test]
    fn source_line_format() {
        let issue = Issue::new("20190201", 3);
        assert_eq!(
            issue.source_line(),
            "《人民日报》（2019年02月01日 第 03 版）"
        );
        let mut rng = Rng::new(3);
        assert!(issue.footer(&mut rng)[0].starts_with("《人民日报》"));
    }
}
