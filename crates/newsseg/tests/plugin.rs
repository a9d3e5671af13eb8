//! A third-party detector plugs in without forking newsseg.

use newsseg::{Config, Detector, Document, EvidenceSink, Role, Segmenter};

/// Says every block starting with `【` and ending with `】` is a kicker (a column label).
struct BracketKicker;

impl Detector for BracketKicker {
    fn name(&self) -> &str {
        "bracket-kicker"
    }

    fn detect(&self, doc: &Document<'_>, out: &mut EvidenceSink<'_>) {
        for (i, block) in doc.blocks().iter().enumerate() {
            if block.text.starts_with('【') && block.text.ends_with('】') {
                out.role(i, Role::Kicker, 8.0);
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
    assert_ne!(roles(&plain)[0], Role::Kicker);
    let custom = Segmenter::builder()
        .detector(Box::new(BracketKicker), 1.0)
        .build()
        .unwrap();
    assert!(custom.detector_names().contains(&"bracket-kicker"));
    let seg = custom.segment(PAGE);
    assert_eq!(seg.articles.len(), 1);
    assert_eq!(roles(&seg)[..2], [Role::Kicker, Role::Headline]);
}

#[test]
fn config_can_disable_a_third_party_detector() {
    let config = Config::from_toml("[detectors.bracket-kicker]\nenabled = false\n").unwrap();
    let custom = Segmenter::builder()
        .config(config)
        .detector(Box::new(BracketKicker), 1.0)
        .build()
        .unwrap();
    assert!(!custom.detector_names().contains(&"bracket-kicker"));
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
