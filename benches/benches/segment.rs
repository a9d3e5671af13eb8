//! Throughput of `Segmenter::segment` on realistic generated dumps: the default
//! configuration, the default without each built-in detector (and without the linker),
//! each detector alone, both cohesion units, and raw jieba-rs on the same text as the
//! reference.

use criterion::{BenchmarkGroup, Criterion, Throughput};
use newsseg::config::{CohesionUnit, DetectorConfig};
use newsseg::{detectors, Config, Segmenter};
use newsseg_benches::{load_pages, sample};
use std::time::Duration;

/// Bytes of pages segmented per iteration.
const SAMPLE_BYTES: usize = 1 << 20;

/// A configuration in which the built-in detectors run when `enabled` says so.
fn detectors_where(enabled: impl Fn(&str) -> bool) -> Config {
    let mut config = Config::default();
    for name in detectors::BUILTIN {
        config.detectors.insert(
            name.to_string(),
            DetectorConfig {
                enabled: enabled(name),
                weight: 1.0,
            },
        );
    }
    config
}

fn bench_segmenter(
    group: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    config: Config,
    pages: &[&str],
) {
    let segmenter = Segmenter::new(config).expect("the benchmark configuration is valid");
    group.bench_function(name, |b| {
        b.iter(|| {
            pages
                .iter()
                .map(|p| segmenter.segment(p).articles.len())
                .sum::<usize>()
        })
    });
}

fn segment(c: &mut Criterion) {
    let loaded = load_pages();
    eprintln!("pages from {}", loaded.source);
    let pages = sample(&loaded.dumps, SAMPLE_BYTES);
    let bytes: usize = pages.iter().map(|p| p.len()).sum();
    let mut group = c.benchmark_group("segment");
    group
        .throughput(Throughput::Bytes(bytes as u64))
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    bench_segmenter(&mut group, "default", Config::default(), &pages);
    let mut no_linker = Config::default();
    no_linker.linker.enabled = false;
    bench_segmenter(&mut group, "without-linker", no_linker, &pages);
    for name in detectors::BUILTIN {
        let config = detectors_where(|d| d != *name);
        bench_segmenter(&mut group, &format!("without-{name}"), config, &pages);
    }
    bench_segmenter(
        &mut group,
        "no-detector",
        detectors_where(|_| false),
        &pages,
    );
    for name in detectors::BUILTIN {
        let config = detectors_where(|d| d == *name);
        bench_segmenter(&mut group, &format!("only-{name}"), config, &pages);
    }
    for (label, unit) in [
        ("bigram", CohesionUnit::Bigram),
        ("words", CohesionUnit::Words),
    ] {
        let mut config = Config::default();
        config.cohesion.unit = unit;
        bench_segmenter(&mut group, &format!("cohesion-{label}"), config, &pages);
    }
    let jieba = jieba_rs::Jieba::new();
    group.bench_function("jieba-cut-reference", |b| {
        b.iter(|| {
            pages
                .iter()
                .map(|p| jieba.cut(p, false).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    segment(&mut criterion);
    criterion.final_summary();
}
