//! What a command prints: text lines for people, a JSON value for scripts.

use serde_json::Value;

/// A command's result.
pub struct Output {
	/// Lines for people.
	pub text: Vec<String>,
	/// The same for scripts.
	pub json: Value,
}

impl Output {
	/// An output with both forms.
	pub fn new(text: Vec<String>, json: Value) -> Self {
		Self { text, json }
	}

	/// Prints one of the forms to stdout.
	pub fn print(&self, json: bool) {
		if json {
			println!("{}", self.json);
		} else {
			for line in &self.text {
				println!("{line}");
			}
		}
	}
}
