//! What a command prints: text lines for people, a JSON value for scripts.

use serde_json::Value;

/// A command that ran and ended in an outcome scripts must tell apart: its output is
/// printed as usual, and the process exits with `code`.
#[derive(Debug)]
pub struct Ended {
	/// The process's exit status.
	pub code: u8,
	/// What to print.
	pub output: Output,
}

impl std::fmt::Display for Ended {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		write!(f, "{}", self.output.text.join("; "))
	}
}

impl std::error::Error for Ended {}

/// A command's result.
#[derive(Debug)]
pub struct Output {
	/// Lines for people.
	pub text: Vec<String>,
	/// The same for scripts.
	pub json: Value,
	/// Data went to stdout (`--out -`): the lines for people go to stderr.
	pub stdout_taken: bool,
}

impl Output {
	/// An output with both forms.
	pub fn new(text: Vec<String>, json: Value) -> Self {
		Self { text, json, stdout_taken: false }
	}

	/// This output, printed to stderr if `data_on_stdout` (data was written to stdout).
	pub fn after_data(mut self, data_on_stdout: bool) -> Self {
		self.stdout_taken = data_on_stdout;
		self
	}

	/// Prints one of the forms to stdout, or to stderr when data took stdout.
	pub fn print(&self, json: bool) {
		let lines: Vec<String> = if json { vec![self.json.to_string()] } else { self.text.clone() };
		for line in lines {
			if self.stdout_taken {
				eprintln!("{line}");
			} else {
				println!("{line}");
			}
		}
	}
}
