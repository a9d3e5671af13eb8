//! Throughput of `Segmenter::segment` on realistic pages: the default configuration, each
//! built-in detector alone, both cohesion units, and raw jieba-rs as the reference.

use criterion::{BenchmarkGroup, Criterion, Throughput};
use newsseg::config::{CohesionUnit, DetectorConfig};
use newsseg::{detectors, Config, Segmenter};
use newsseg_benches::{load_pages, sample};

/// Bytes of pages segmented per iteration.
const SAMPLE_BYTES: usize = 1 << 20;

/// A configuration in which only the detectors in `enabled` run.
fn only(enabled: &[&str]) -> Config {
    let mut config = Config::default();
    for name in detectors::BUILTIN {
        config.detectors.insert(
            name.to_string(),
            DetectorConfig {
                enabled: enabled.contains(name),
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
    group.throughput(Throughput::Bytes(bytes as u64));
    bench_segmenter(&mut group, "default", Config::default(), &pages);
    bench_segmenter(&mut group, "no-detector", only(&[]), &pages);
    for name in detectors::BUILTIN {
        bench_segmenter(&mut group, &format!("only-{name}"), only(&[name]), &pages);
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
