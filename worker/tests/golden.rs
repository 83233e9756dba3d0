//! Golden vectors: every module of the corpus (`golden/corpus.rs`) ends in the
//! `(exit, fuel_used, output hash)` recorded in `golden/vectors.txt`, on every machine
//! and every build of the worker. A change to any vector changes what devices commit, so
//! it needs a new `EXECUTOR_VERSION`: the file records the version it was made with, and
//! `DEPIN_GOLDEN_UPDATE=1` rewrites it only when the version has changed.

#[path = "golden/corpus.rs"]
mod corpus;

use std::{collections::BTreeMap, path::PathBuf, time::Duration};

use depin_primitives::{exit, program_id, EXECUTOR_VERSION};
use depin_worker::executor::{engine::feature_level, Executor, Job, Mode};

/// The worker crate's directory: where `cargo test` runs this test from (its
/// `CARGO_MANIFEST_DIR` at run time), else where it was compiled. A target directory
/// shared by two checkouts may hold a test binary compiled in the other one.
fn crate_dir() -> PathBuf {
	std::env::var_os("CARGO_MANIFEST_DIR")
		.map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from)
}

fn vectors_file() -> PathBuf {
	crate_dir().join("tests/golden/vectors.txt")
}

/// Runs the corpus: one line per vector, `name exit fuel_used output_hash`.
fn results() -> Vec<(String, String)> {
	let executor = Executor::new(None).expect("executor");
	corpus::all()
		.into_iter()
		.map(|v| {
			let job = Job {
				task: 42,
				program: program_id(&v.code),
				code: &v.code,
				input: std::sync::Arc::new(v.input.clone()),
				max_fuel: v.max_fuel,
				memory_mib: v.memory_mib,
				mode: v.mode,
				max_output: v.max_output,
				wall_limit: Duration::from_secs(120),
			};
			let out = executor.run(&job).unwrap_or_else(|e| panic!("{}: no result: {e}", v.name));
			let r = out.result;
			if !v.name.starts_with("bad-module") {
				assert_ne!(r.exit, exit::BAD_MODULE, "{}: {:?}", v.name, out.bad_module);
			}
			if v.name.contains("-nan-") {
				assert_eq!(r.exit, 0, "{}", v.name);
			}
			let line = format!("{} {} {}", r.exit, r.fuel_used, hex::encode(r.output_hash));
			(v.name, line)
		})
		.collect()
}

/// Whether a recorded vector holds on this machine: native-mode NaN payloads are those
/// of the machine code of one CPU feature level.
fn applies(name: &str, level: &str) -> bool {
	!name.starts_with("native-nan-") || level == feature_level().name
}

struct Recorded {
	version: u32,
	level: String,
	vectors: BTreeMap<String, String>,
}

fn read_recorded() -> Recorded {
	let text = std::fs::read_to_string(vectors_file()).expect("golden/vectors.txt");
	let mut recorded = Recorded { version: 0, level: String::new(), vectors: BTreeMap::new() };
	for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
		let (key, rest) = line.split_once(' ').expect("`name values`");
		match key {
			"executor-version" => recorded.version = rest.parse().expect("a version"),
			"native-level" => recorded.level = rest.to_string(),
			name => {
				recorded.vectors.insert(name.to_string(), rest.to_string());
			}
		}
	}
	recorded
}

fn write_recorded(results: &[(String, String)]) {
	let mut text = String::from(
		"# Golden vectors of the executor: `name exit fuel_used blake2_256(output)`.\n\
		 # Written by `DEPIN_GOLDEN_UPDATE=1 cargo test --release -p depin-worker --test golden`\n\
		 # (only for a new EXECUTOR_VERSION). native-nan-* hold on native-level only.\n",
	);
	text +=
		&format!("executor-version {EXECUTOR_VERSION}\nnative-level {}\n", feature_level().name);
	for (name, line) in results {
		text += &format!("{name} {line}\n");
	}
	std::fs::write(vectors_file(), text).expect("write golden/vectors.txt");
}

#[test]
fn the_corpus_is_large_and_its_names_unique() {
	let all = corpus::all();
	assert!(all.len() >= 50, "{} vectors", all.len());
	let names: std::collections::BTreeSet<_> = all.iter().map(|v| &v.name).collect();
	assert_eq!(names.len(), all.len(), "duplicate vector names");
	assert!(all.iter().any(|v| v.mode == Mode::Portable));
}

#[test]
fn every_golden_vector_holds() {
	let results = results();
	let recorded = read_recorded();
	if std::env::var_os("DEPIN_GOLDEN_UPDATE").is_some() {
		assert_ne!(
			recorded.version, EXECUTOR_VERSION,
			"the vectors of executor version {EXECUTOR_VERSION} are recorded: changing what \
			 devices commit needs a new EXECUTOR_VERSION"
		);
		write_recorded(&results);
		return;
	}
	assert_eq!(
		recorded.version, EXECUTOR_VERSION,
		"golden/vectors.txt is of another executor version: record this version's with \
		 DEPIN_GOLDEN_UPDATE=1"
	);
	let mut differ = Vec::new();
	for (name, line) in &results {
		if !applies(name, &recorded.level) {
			continue;
		}
		match recorded.vectors.get(name) {
			Some(expected) if expected == line => {}
			expected => differ.push(format!("{name}: recorded {expected:?}, now {line}")),
		}
	}
	let known: std::collections::BTreeSet<_> = results.iter().map(|(n, _)| n).collect();
	differ.extend(
		recorded
			.vectors
			.keys()
			.filter(|n| !known.contains(n))
			.map(|n| format!("{n}: no longer in the corpus")),
	);
	assert!(differ.is_empty(), "{} golden vectors differ:\n{}", differ.len(), differ.join("\n"));
}
