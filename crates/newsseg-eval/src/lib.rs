//! Evaluation for newsseg: gold label format, page-dump generator, metrics.
