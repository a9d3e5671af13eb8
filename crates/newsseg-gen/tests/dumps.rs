//! Properties of generated dumps: determinism, label/dump consistency, ranks, completeness.

use newsseg::Role;
use newsseg_gen::compose::{compose, to_straight_quotes, DumpSpec};
use newsseg_gen::furniture::Issue;
use newsseg_gen::roles::{article_units, ends_sentence};
use newsseg_gen::{group_pages, load_articles, write_devsets, Dump, Generator, Label, Layout};
use newsseg_gen::{Profile, Rng, SourceArticle};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn article(seq: u32, title: &str, paragraphs: &[&str]) -> SourceArticle {
    SourceArticle {
        id: format!("20200110-05-{seq:02}"),
        date: "20200110".into(),
        page: 5,
        seq,
        kicker: String::new(),
        title: title.into(),
        subtitle: String::new(),
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
    }
}

/// A hand-written page of three stories (invented text).
fn sample_page() -> Vec<SourceArticle> {
    let mut first = article(
        1,
        "小镇上的新图书馆开放了",
        &[
            "本报记者 孙晓东 周 平",
            "本报南湖1月9日电 （记者孙晓东）一座新建的图书馆在南湖镇正式开放，吸引了许多居民前来借书阅读。",
            "馆内设有儿童阅览区、自习区和展览区，藏书超过三万册，周末还会举办读书分享会。",
            "读书风气渐浓",
            "镇上的老人们说，过去想看一本新书要跑到县城，现在走几分钟就能到，“真是方便多了”。",
            "图为孩子们在阅览区看书。",
            "周 平摄",
        ],
    );
    first.kicker = "家门口的书香".into();
    let mut second = article(
        2,
        "山区公路完成升级改造",
        &[
            "新华社西岭1月9日电 经过一年多的施工，连接西岭山区五个村庄的公路完成了升级改造。",
            "新路面更宽更平，沿线还增设了护栏和路灯，村民出行时间缩短了一半。",
            "当地农产品运输成本明显下降，果农们的收入也随之增加，大家对来年充满期待。",
        ],
    );
    second.subtitle = "——五个村庄出行时间缩短一半".into();
    let third = article(
        3,
        "冬季运动会闭幕",
        &["为期五天的冬季运动会昨天闭幕，来自各地的运动员在滑雪、滑冰等项目中展开角逐，多项纪录被刷新。"],
    );
    vec![first, second, third]
}

fn plain(profile: Profile) -> Profile {
    Profile {
        halfwidth_rate: 0.0,
        justify_rate: 0.0,
        ..profile
    }
}

fn compose_sample(profile: &Profile, seed: u64) -> Dump {
    let spec = DumpSpec {
        name: format!("t{seed}"),
        issue: Issue::new("20200110", 5),
        profile,
    };
    compose(&spec, &sample_page(), &mut Rng::new(seed))
}

/// The article of each labelled text line, in dump order (blank lines, furniture and
/// duplicates left out).
fn line_owners(dump: &Dump) -> Vec<usize> {
    dump.lines
        .iter()
        .filter_map(|l| match l.label {
            Label::Line { article, .. } => Some(article),
            _ => None,
        })
        .collect()
}

/// Checks the label contract and returns, per article, its (rank, role, text) lines and dups.
fn check_consistency(dump: &Dump) -> BTreeMap<usize, Vec<(usize, Role, String)>> {
    let text = dump.text();
    let labels = dump.labels();
    let text_lines: Vec<&str> = text.strip_suffix('\n').unwrap().split('\n').collect();
    let label_lines: Vec<&str> = labels.strip_suffix('\n').unwrap().split('\n').collect();
    assert_eq!(text_lines.len(), label_lines.len(), "{}", dump.name);
    let mut by_article: BTreeMap<usize, Vec<(usize, Role, String)>> = BTreeMap::new();
    for ((t, l), line) in text_lines.iter().zip(&label_lines).zip(&dump.lines) {
        assert_eq!(
            t.trim().is_empty(),
            l.is_empty(),
            "{}: {t:?} / {l:?}",
            dump.name
        );
        assert!(!t.contains('\r'));
        let fields: Vec<&str> = l.split(' ').collect();
        match line.label {
            Label::Blank => assert!(l.is_empty()),
            Label::Furniture => assert_eq!(fields, ["-", "noise"]),
            Label::Dup { article } => assert_eq!(fields, [format!("a{article}").as_str(), "dup"]),
            Label::Line {
                article,
                role,
                rank,
            } => {
                assert_eq!(fields.len(), 3);
                assert_eq!(fields[0], format!("a{article}"));
                assert_eq!(fields[1].parse::<Role>().unwrap(), role);
                assert_eq!(fields[2].parse::<usize>().unwrap(), rank);
                by_article
                    .entry(article)
                    .or_default()
                    .push((rank, role, t.to_string()));
            }
        }
    }
    for lines in by_article.values_mut() {
        lines.sort_by_key(|l| l.0);
        let ranks: Vec<usize> = lines.iter().map(|l| l.0).collect();
        assert_eq!(ranks, (0..lines.len()).collect::<Vec<_>>(), "{}", dump.name);
    }
    assert_eq!(by_article.len(), dump.articles);
    by_article
}

/// With no character-level noise, an article's lines in rank order spell its units exactly,
/// and every dup line copies a line of its article.
fn check_completeness(dump: &Dump, sources: &[SourceArticle]) {
    let by_article = check_consistency(dump);
    let units: Vec<_> = sources
        .iter()
        .map(article_units)
        .filter(|u| !u.is_empty())
        .collect();
    for (id, lines) in &by_article {
        let expected: String = units[id - 1].iter().map(|u| u.text.as_str()).collect();
        let got: String = lines.iter().map(|l| l.2.as_str()).collect();
        assert_eq!(got, expected, "{} a{id}", dump.name);
    }
    for line in &dump.lines {
        if let Label::Dup { article } = line.label {
            assert!(by_article[&article].iter().any(|l| l.2 == line.text));
        }
    }
}

#[test]
fn same_seed_same_dump() {
    let profile = Profile::scrambled();
    assert_eq!(compose_sample(&profile, 5), compose_sample(&profile, 5));
    let differs = (0..10).any(|s| compose_sample(&profile, s) != compose_sample(&profile, s + 10));
    assert!(differs);
}

#[test]
fn every_preset_gives_consistent_complete_dumps() {
    for profile in [
        Profile::clean(),
        Profile::scrambled(),
        Profile::wrapped(),
        Profile::default(),
    ] {
        for seed in 0..60 {
            check_completeness(
                &compose_sample(&plain(profile.clone()), seed),
                &sample_page(),
            );
        }
    }
}

#[test]
fn noisy_dumps_stay_consistent() {
    let noisy = Profile {
        justify_rate: 0.5,
        halfwidth_rate: 1.0,
        furniture_rate: 0.3,
        dup_rate: 1.0,
        ..Profile::wrapped()
    };
    for seed in 0..30 {
        let dump = compose_sample(&noisy, seed);
        check_consistency(&dump);
        assert!(dump.lines.iter().any(|l| l.label == Label::Furniture));
        assert!(dump.text().contains(','), "half-width commas");
    }
}

#[test]
fn mid_sentence_fragments_appear_in_dumps() {
    let cut = Profile {
        layout_paragraphs: 0.0,
        layout_wrapped: 0.0,
        fragment_rate: 1.0,
        midsentence_rate: 1.0,
        ..plain(Profile::scrambled())
    };
    // Every source paragraph ends a sentence, so an open body line comes from a cut.
    let open = (0..20)
        .flat_map(|seed| compose_sample(&cut, seed).lines)
        .filter(|l| {
            matches!(
                l.label,
                Label::Line {
                    role: Role::Body,
                    ..
                }
            )
        })
        .any(|l| !ends_sentence(&l.text));
    assert!(open);
}

#[test]
fn heads_are_detached_or_trailing_when_asked() {
    let trailing = Profile {
        trailing_head_rate: 1.0,
        ..plain(Profile::clean())
    };
    let dump = compose_sample(&trailing, 1);
    let position = |article: usize, role: Role| {
        dump.lines.iter().position(
            |l| matches!(l.label, Label::Line { article: a, role: r, .. } if a == article && r == role),
        )
    };
    assert!(position(1, Role::Headline) > position(1, Role::Body));
    let detached = Profile {
        detached_head_rate: 1.0,
        ..plain(Profile::clean())
    };
    for seed in 0..10 {
        let dump = compose_sample(&detached, seed);
        let owners = line_owners(&dump);
        // Each article's lines form at least two runs: head and body apart.
        for id in 1..=3 {
            let runs = owners
                .iter()
                .enumerate()
                .filter(|&(i, &a)| a == id && (i == 0 || owners[i - 1] != id))
                .count();
            assert!(runs >= 2, "seed {seed} a{id}: {owners:?}");
        }
    }
}

#[test]
fn heads_are_interleaved_when_asked() {
    let interleaved = Profile {
        interleave_head_rate: 1.0,
        ..plain(Profile::clean())
    };
    for seed in 0..5 {
        let dump = compose_sample(&interleaved, seed);
        let lines: Vec<(usize, bool)> = dump
            .lines
            .iter()
            .filter_map(|l| match l.label {
                Label::Line { article, role, .. } => Some((article, role.is_head())),
                _ => None,
            })
            .collect();
        let heads: Vec<usize> = lines
            .iter()
            .take_while(|(_, head)| *head)
            .map(|(a, _)| *a)
            .collect();
        // Article 1's kicker, headline and author alternate with article 2's headline and
        // subtitle; then article 1's body, article 2's, and article 3 as it was.
        assert_eq!(heads, [1, 2, 1, 2, 1], "seed {seed}");
        let rest: Vec<usize> = lines[heads.len()..].iter().map(|(a, _)| *a).collect();
        assert!(rest.is_sorted(), "seed {seed}: {rest:?}");
        assert_eq!(lines.last(), Some(&(3, false)));
    }
}

#[test]
fn lines_are_interleaved_when_asked() {
    let crossed = plain(Profile {
        furniture_rate: 0.0,
        header_rate: 0.0,
        interleave_lines_rate: 1.0,
        ..Profile::wrapped()
    });
    for seed in 0..5 {
        let dump = compose_sample(&crossed, seed);
        check_consistency(&dump);
        let owners = line_owners(&dump);
        // Somewhere a line of each of two articles comes in turn, twice.
        let alternates = owners
            .windows(4)
            .any(|w| w[0] == w[2] && w[1] == w[3] && w[0] != w[1]);
        assert!(alternates, "seed {seed}: {owners:?}");
    }
}

#[test]
fn paragraphs_are_indented_when_asked() {
    for base in [Profile::clean(), Profile::wrapped()] {
        let indented = plain(Profile {
            indent_rate: 1.0,
            ..base
        });
        for seed in 0..5 {
            let dump = compose_sample(&indented, seed);
            check_consistency(&dump);
            let mut opened = 0;
            for line in &dump.lines {
                let Label::Line { role, .. } = line.label else {
                    continue;
                };
                let text = line.text.trim_start();
                if text.len() < line.text.len() {
                    assert!(matches!(role, Role::Body | Role::Byline | Role::Caption));
                    assert!(["    ", "\u{3000}\u{3000}"]
                        .contains(&&line.text[..line.text.len() - text.len()]));
                    opened += 1;
                }
            }
            // Each paragraph of running text opens indented, once: heads, authors,
            // subheads and credits do not.
            let paragraphs = sample_page()
                .iter()
                .flat_map(article_units)
                .filter(|u| matches!(u.role, Role::Body | Role::Byline | Role::Caption))
                .count();
            assert_eq!(opened, paragraphs, "seed {seed}");
        }
    }
}

#[test]
fn quotes_are_printed_straight_when_asked() {
    let curly = plain(Profile::clean());
    let straight = plain(Profile {
        straight_quote_rate: 1.0,
        ..Profile::clean()
    });
    for seed in 0..5 {
        let (a, b) = (
            compose_sample(&curly, seed),
            compose_sample(&straight, seed),
        );
        check_consistency(&b);
        assert_eq!(a.lines.len(), b.lines.len(), "seed {seed}");
        let mut changed = 0;
        for (x, y) in a.lines.iter().zip(&b.lines) {
            assert_eq!(x.label, y.label, "seed {seed}: labels do not change");
            assert_eq!(to_straight_quotes(&x.text), y.text, "seed {seed}");
            assert!(
                !y.text.contains(['“', '”', '‘', '’']),
                "seed {seed}: {}",
                y.text
            );
            changed += usize::from(x.text != y.text);
        }
        assert!(changed > 0, "seed {seed}: the sample page quotes something");
    }
}

#[test]
fn wrapped_layout_respects_width() {
    let profile = plain(Profile {
        furniture_rate: 0.0,
        header_rate: 0.0,
        ..Profile::wrapped()
    });
    let dump = compose_sample(&profile, 3);
    let Layout::Wrapped { width } = dump.layout else {
        panic!("wrapped preset gives layout (c)");
    };
    assert!((25..=40).contains(&width));
    for l in &dump.lines {
        if let Label::Line {
            role: Role::Body, ..
        } = l.label
        {
            assert!(l.text.chars().count() <= width);
        }
    }
}

fn shared_corpus() -> Option<PathBuf> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/rmrb-dev.jsonl");
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipping: {} is absent", path.display());
        None
    }
}

#[test]
fn corpus_dumps_are_consistent_and_complete() {
    let Some(path) = shared_corpus() else { return };
    let pages = group_pages(&load_articles(&path).unwrap());
    for profile in [Profile::clean(), Profile::scrambled(), Profile::wrapped()] {
        let generator = Generator::new(pages.clone(), plain(profile)).unwrap();
        for index in 0..40 {
            let dump = generator.dump(7, index, "t-");
            assert_eq!(dump, generator.dump(7, index, "t-"));
            let (date, page) = page_of(&dump.name);
            let page = pages
                .iter()
                .find(|p| p.date == date && p.page == page)
                .unwrap();
            let sources = article_window(&page.articles, &dump);
            check_completeness(&dump, &sources);
        }
    }
}

fn page_of(name: &str) -> (String, u32) {
    let parts: Vec<&str> = name.rsplitn(3, '-').collect();
    (parts[1].to_string(), parts[0][1..].parse().unwrap())
}

/// The window of the page's articles that the dump used: the one whose headlines match.
fn article_window(articles: &[SourceArticle], dump: &Dump) -> Vec<SourceArticle> {
    let headline_of = |id: usize| {
        dump.lines.iter().find_map(|l| match l.label {
            Label::Line {
                article, rank: 0, ..
            } if article == id => Some(l.text.clone()),
            _ => None,
        })
    };
    let first = headline_of(1).unwrap();
    let start = articles
        .iter()
        .position(|a| article_units(a).first().map(|u| u.text.clone()) == Some(first.clone()))
        .unwrap();
    articles[start..]
        .iter()
        .take(dump.articles)
        .cloned()
        .collect()
}

#[test]
fn devsets_cover_all_months_and_are_reproducible() {
    let Some(path) = shared_corpus() else { return };
    let pages = group_pages(&load_articles(&path).unwrap());
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("devsets-test");
    let first = write_devsets(&pages, &dir).unwrap();
    let names: Vec<String> = std::fs::read_dir(dir.join("wrapped"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for month in ["201902", "201910", "202001"] {
        assert!(
            names.iter().any(|n| n.contains(&format!("-{month}"))),
            "{month}"
        );
    }
    let one = dir
        .join("scrambled")
        .join(names_with(&dir, "scrambled", "scrambled-0007"));
    let before = std::fs::read(&one).unwrap();
    let second = write_devsets(&pages, &dir).unwrap();
    assert_eq!(first, second);
    assert_eq!(std::fs::read(&one).unwrap(), before);
    assert!(first.iter().all(|(_, s)| s.dumps == 100));
}

fn names_with(dir: &std::path::Path, set: &str, prefix: &str) -> String {
    std::fs::read_dir(dir.join(set))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with(prefix) && n.ends_with(".labels"))
        .unwrap()
}
