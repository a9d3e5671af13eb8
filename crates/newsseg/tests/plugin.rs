//! A third-party detector plugs in without forking newsseg.

use newsseg::{Config, Detector, Document, EvidenceSink, Role, Segmenter};

/// Says every block starting with `【` and ending with `】` is page furniture (a section
/// label of the page, not part of any story).
struct BracketLabel;

impl Detector for BracketLabel {
    fn name(&self) -> &str {
        "bracket-label"
    }

    fn detect(&self, doc: &Document<'_>, out: &mut EvidenceSink<'_>) {
        for (i, block) in doc.blocks().iter().enumerate() {
            if block.text.starts_with('【') && block.text.ends_with('】') {
                out.role(i, Role::Noise, 8.0);
            }
        }
    }
}

const PAGE: &str = "【新闻速递】\n\n甲县推进乡村振兴工作\n\n本报讯（记者张三）甲县近日召开会议，部署乡村振兴工作。\n";

fn roles(seg: &newsseg::Segmentation) -> Vec<Role> {
    seg.articles
        .iter()
        .flat_map(|a| a.blocks.iter().map(|b| b.role))
        .collect()
}

#[test]
fn third_party_detector_changes_the_result() {
    let plain = Segmenter::default().segment(PAGE);
    assert!(plain.dropped.is_empty());
    let custom = Segmenter::builder()
        .detector(Box::new(BracketLabel), 1.0)
        .build()
        .unwrap();
    assert!(custom.detector_names().contains(&"bracket-label"));
    let seg = custom.segment(PAGE);
    assert_eq!(seg.articles.len(), 1);
    assert_eq!(seg.dropped.len(), 1);
    assert_eq!(seg.dropped[0].role, Role::Noise);
    assert_eq!(
        &PAGE[seg.dropped[0].start..seg.dropped[0].end],
        "【新闻速递】"
    );
    assert_eq!(roles(&seg)[0], Role::Headline);
}

#[test]
fn config_can_disable_a_third_party_detector() {
    let config = Config::from_toml("[detectors.bracket-label]\nenabled = false\n").unwrap();
    let custom = Segmenter::builder()
        .config(config)
        .detector(Box::new(BracketLabel), 1.0)
        .build()
        .unwrap();
    assert!(!custom.detector_names().contains(&"bracket-label"));
}

#[test]
fn unknown_detector_in_config_is_named() {
    let config = Config::from_toml("[detectors.no-such-detector]\nweight = 2.0\n").unwrap();
    let err = Segmenter::new(config)
        .err()
        .expect("unknown detector is rejected")
        .to_string();
    assert!(err.contains("no-such-detector"), "{err}");
}
