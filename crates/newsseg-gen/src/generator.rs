//! Drawing pages and writing dump sets (`NAME.txt` + `NAME.labels`), including the dev sets.

use crate::compose::{compose, Dump, DumpSpec};
use crate::error::GenError;
use crate::furniture::Issue;
use crate::profile::Profile;
use crate::rng::Rng;
use crate::source::Page;
use std::path::Path;

/// The dev sets: name, preset, seed (100 dumps each).
pub const DEVSETS: [(&str, u64); 7] = [
    ("clean", 1001),
    ("scrambled", 2002),
    ("wrapped", 3003),
    ("columns", 4004),
    ("interleaved", 5005),
    ("crossed", 6006),
    ("justified", 7007),
];
/// Dumps per dev set.
pub const DEVSET_SIZE: usize = 100;

/// Pages of one month, split by whether they have several articles.
struct MonthPool {
    several: Vec<usize>,
    single: Vec<usize>,
}

/// Draws pages and composes dumps with one profile.
pub struct Generator {
    pages: Vec<Page>,
    months: Vec<MonthPool>,
    profile: Profile,
}

impl Generator {
    /// A generator over `pages` (months taken round-robin); `None` when there is no page.
    pub fn new(pages: Vec<Page>, profile: Profile) -> Option<Self> {
        let mut months: Vec<(String, MonthPool)> = Vec::new();
        for (i, page) in pages.iter().enumerate() {
            let month = page.month().to_string();
            if months.last().is_none_or(|(m, _)| *m != month) {
                months.push((
                    month,
                    MonthPool {
                        several: Vec::new(),
                        single: Vec::new(),
                    },
                ));
            }
            let pool = &mut months.last_mut()?.1;
            if page.articles.len() >= 2 {
                pool.several.push(i);
            } else {
                pool.single.push(i);
            }
        }
        (!months.is_empty()).then(|| Generator {
            pages,
            months: months.into_iter().map(|(_, pool)| pool).collect(),
            profile,
        })
    }

    /// Dump number `index` of the set with seed `seed`; its file stem starts with `prefix`.
    pub fn dump(&self, seed: u64, index: usize, prefix: &str) -> Dump {
        let mut rng = Rng::derive(seed, index as u64);
        let pool = &self.months[index % self.months.len()];
        let prefer_single = rng.chance(self.profile.single_article_pages);
        let indices = match (
            prefer_single,
            pool.several.is_empty(),
            pool.single.is_empty(),
        ) {
            (true, _, false) | (false, true, _) => &pool.single,
            _ => &pool.several,
        };
        let page = &self.pages[*rng.pick(indices)];
        let window = self.profile.max_articles.min(page.articles.len());
        let start = rng.range(0, page.articles.len() - window);
        let spec = DumpSpec {
            name: format!("{prefix}{index:04}-{}-p{:02}", page.date, page.page),
            issue: Issue::new(&page.date, page.page),
            profile: &self.profile,
        };
        compose(&spec, &page.articles[start..start + window], &mut rng)
    }

    /// Writes `count` dumps into `dir` (created if needed).
    pub fn write_set(
        &self,
        seed: u64,
        count: usize,
        dir: &Path,
        prefix: &str,
    ) -> Result<SetStats, GenError> {
        create_dir(dir)?;
        let mut stats = SetStats::default();
        for index in 0..count {
            let dump = self.dump(seed, index, prefix);
            write_dump(dir, &dump)?;
            stats.add(&dump);
        }
        Ok(stats)
    }
}

/// Counts of a written set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SetStats {
    /// Dumps written.
    pub dumps: usize,
    /// Lines in all dumps.
    pub lines: usize,
    /// Non-blank lines.
    pub text_lines: usize,
    /// Articles in all dumps.
    pub articles: usize,
}

impl SetStats {
    fn add(&mut self, dump: &Dump) {
        self.dumps += 1;
        self.lines += dump.lines.len();
        self.text_lines += dump
            .lines
            .iter()
            .filter(|l| !l.text.trim().is_empty())
            .count();
        self.articles += dump.articles;
    }
}

fn create_dir(dir: &Path) -> Result<(), GenError> {
    std::fs::create_dir_all(dir).map_err(|source| GenError::Io {
        path: dir.to_path_buf(),
        source,
    })
}

/// Writes `NAME.txt` and `NAME.labels` into `dir`.
pub fn write_dump(dir: &Path, dump: &Dump) -> Result<(), GenError> {
    for (ext, content) in [("txt", dump.text()), ("labels", dump.labels())] {
        let path = dir.join(format!("{}.{ext}", dump.name));
        std::fs::write(&path, content).map_err(|source| GenError::Io { path, source })?;
    }
    Ok(())
}

/// Regenerates the fixed dev sets under `dir/{clean,scrambled,wrapped,columns,interleaved,crossed,justified}` (old files of those
/// sets are removed first); returns each set's name and counts.
pub fn write_devsets(
    pages: &[Page],
    dir: &Path,
) -> Result<Vec<(&'static str, SetStats)>, GenError> {
    DEVSETS
        .iter()
        .map(|&(name, seed)| {
            let profile = Profile::preset(name).unwrap_or_default();
            let set_dir = dir.join(name);
            if set_dir.exists() {
                std::fs::remove_dir_all(&set_dir).map_err(|source| GenError::Io {
                    path: set_dir.clone(),
                    source,
                })?;
            }
            let generator = Generator::new(pages.to_vec(), profile)
                .ok_or_else(|| GenError::NoPages(dir.to_path_buf()))?;
            let stats = generator.write_set(seed, DEVSET_SIZE, &set_dir, &format!("{name}-"))?;
            Ok((name, stats))
        })
        .collect()
}
